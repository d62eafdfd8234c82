import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ajv } from 'ajv';
import type { EndpointTable } from '../core/EndpointTable.js';

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
  scenarios: Record<string, Omit<Scenario, 'name' | 'endpoint'>>;
}

export const faultsFile = 'faults.json';

function readPack(dir: string, file: string, ajv: Ajv): PackFile {
  const path = join(dir, file);
  if (!existsSync(path)) throw new Error(`Missing scenario pack ${path}: every endpoint needs one (see schemas/scenario.schema.json).`);
  let pack: unknown;
  try {
    pack = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Scenario pack ${path} is not JSON: ${(error as Error).message}`);
  }
  const validate = ajv.getSchema('scenario.schema.json')!;
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

  constructor(dir: string, ajv: Ajv, endpoints: EndpointTable) {
    for (const [name, s] of Object.entries(readPack(dir, faultsFile, ajv).scenarios)) this.faults.set(name, { ...s, name });
    for (const endpoint of endpoints.list()) {
      const where = join(dir, `${endpoint.id}.json`);
      const pack = readPack(dir, `${endpoint.id}.json`, ajv);
      if (pack.endpoint !== endpoint.id) throw new Error(`Scenario pack ${where} names endpoint "${pack.endpoint}", expected "${endpoint.id}".`);
      const named = new Map<string, Scenario>();
      for (const [name, s] of Object.entries(pack.scenarios)) {
        if (s.case && !endpoint.protocol.caseKeys.includes(s.case)) {
          throw new Error(`Scenario pack ${where}: scenario "${name}" has case "${s.case}", which the ${endpoint.protocol.name} catalogue lacks.`);
        }
        if (this.faults.has(name)) throw new Error(`Scenario pack ${where}: "${name}" is already a fault in ${faultsFile}.`);
        named.set(name, { ...s, name, endpoint: endpoint.id });
      }
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
