import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EndpointTable } from '../core/EndpointTable.js';
import type { SchemaRegistry } from '../core/SchemaRegistry.js';

export type FaultKind = 'timeout' | 'empty-response' | 'malformed-json' | 'connection-reset';

/** A named, scripted outcome: a catalogue case (with optional detail and response members) or a transport fault. */
export interface Scenario {
  name: string;
  description: string;
  /** The endpoint it belongs to; undefined for the faults every endpoint shares. */
  endpoint?: string;
  case?: string;
  detail?: string;
  data?: Record<string, unknown>;
  fault?: FaultKind;
  delayMs?: number;
}

interface PackFile {
  endpoint?: string;
  /** Scenario names the README, the Postman collection and partners' CI rely on: a pack that lacks one stops start-up. */
  required?: string[];
  scenarios: Record<string, Omit<Scenario, 'name' | 'endpoint'>>;
}

export const faultsFile = 'faults.json';

const requiredFaults: readonly FaultKind[] = ['timeout', 'empty-response', 'malformed-json', 'connection-reset'];

/** Reads a pack; `caseMembers` are the members its scenarios' `data` may not set (the protocol writes them from the case). */
function readPack(dir: string, file: string, schemas: SchemaRegistry, caseMembers: readonly string[] = []): PackFile {
  const path = join(dir, file);
  if (!existsSync(path))
    throw new Error(`Missing scenario pack ${path}: every endpoint needs one (see schemas/scenario.schema.json).`);
  let text: string;
  let pack: unknown;
  try {
    text = readFileSync(path, 'utf8');
    pack = JSON.parse(text);
  } catch (error) {
    throw new Error(`Scenario pack ${path} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const scenarios = (pack as Partial<PackFile> | null)?.scenarios;
  for (const [name, s] of Object.entries(scenarios !== null && typeof scenarios === 'object' ? scenarios : {})) {
    const data = (s as Partial<Scenario> | null)?.data;
    const reserved = data !== null && typeof data === 'object' ? caseMembers.filter((m) => Object.hasOwn(data, m)) : [];
    if (reserved.length > 0) {
      throw new Error(
        `Scenario pack ${path}: scenario "${name}" sets ${reserved.join(', ')} in data; the code and message come from its case, so data may not override them.`,
      );
    }
  }
  if (schemas.passedAtBuild('scenario.schema.json', text)) return pack as PackFile;
  const validate = schemas.getSchema('scenario.schema.json')!;
  if (!validate(pack)) {
    const e = validate.errors![0];
    throw new Error(`Scenario pack ${path} is invalid at ${e.instancePath || '/'}: ${e.message}`);
  }
  return pack as PackFile;
}

/** Every scenario pack, checked at start-up: scenarios/<endpointId>.json for each endpoint, plus faults.json. */
export class ScenarioBook {
  private readonly byEndpoint = new Map<string, Map<string, Scenario>>();
  private readonly faults = new Map<string, Scenario>();

  constructor(dir: string, schemas: SchemaRegistry, endpoints: EndpointTable) {
    for (const [name, s] of Object.entries(readPack(dir, faultsFile, schemas).scenarios))
      this.faults.set(name, { ...s, name });
    for (const kind of requiredFaults) {
      if (this.faults.get(kind)?.fault !== kind)
        throw new Error(
          `Scenario pack ${join(dir, faultsFile)} lacks the fault "${kind}" (a scenario of that name with "fault": "${kind}"); every sandbox offers it.`,
        );
    }
    for (const endpoint of endpoints.list()) {
      const home = endpoint.homes?.scenariosDir ?? dir;
      const where = join(home, `${endpoint.id}.json`);
      const pack = readPack(home, `${endpoint.id}.json`, schemas, endpoint.protocol.caseMembers);
      if (pack.endpoint !== endpoint.id)
        throw new Error(`Scenario pack ${where} names endpoint "${pack.endpoint}", expected "${endpoint.id}".`);
      const named = new Map<string, Scenario>();
      for (const [name, s] of Object.entries(pack.scenarios)) {
        if (s.case && !endpoint.protocol.caseKeys.includes(s.case)) {
          throw new Error(
            `Scenario pack ${where}: scenario "${name}" has case "${s.case}", which the ${endpoint.protocol.name} catalogue lacks.`,
          );
        }
        if (this.faults.has(name))
          throw new Error(`Scenario pack ${where}: "${name}" is already a fault in ${faultsFile}.`);
        named.set(name, { ...s, name, endpoint: endpoint.id });
      }
      const missing = (pack.required ?? []).filter((name) => !named.has(name));
      if (missing.length > 0)
        throw new Error(
          `Scenario pack ${where} lacks the scenario${missing.length > 1 ? 's' : ''} ${missing.map((n) => `"${n}"`).join(', ')}, which its "required" list names.`,
        );
      this.byEndpoint.set(endpoint.id, named);
    }
  }

  /** The endpoint's own scenario of that name, else the shared fault of that name. */
  find(endpointId: string, name: string): Scenario | undefined {
    return this.byEndpoint.get(endpointId)?.get(name) ?? this.faults.get(name);
  }

  /** Names usable on the endpoint, for error messages. */
  names(endpointId: string): string[] {
    return [...(this.byEndpoint.get(endpointId)?.keys() ?? []), ...this.faults.keys()];
  }

  list(): Scenario[] {
    return [...[...this.byEndpoint.values()].flatMap((m) => [...m.values()]), ...this.faults.values()];
  }
}
