import type { CompiledEndpoint, Exchange } from '../core/endpoint.js';
import { createSequentialIds } from '../core/ids.js';
import { formatJakartaTime } from '../core/jakartaTime.js';
import type { SandboxDeps } from '../core/types.js';
import { loadDemoPartner } from '../demoPartner.js';
import { scriptOutcome } from '../scenarios/resolveScenario.js';

/** One scripted outcome of an endpoint, answered as its protocol answers it. */
export interface OutcomeExample {
  scenario: string;
  description: string;
  status: number;
  /** The wire code: SNAP responseCode or the envelope's resultCode. */
  code: string;
  body: unknown;
}

/** The instant every example is stamped with, so the committed document is the same on every run. */
const exampleTime = new Date('2026-11-22T03:00:00.000Z');

/** `{{name}}` Postman variables -> the demo partner's and the endpoint's values, in strings anywhere in `value`. */
function fillVariables(value: unknown, variables: Record<string, string>): unknown {
  if (typeof value === 'string')
    return value.replace(/\{\{(\$?\w+)\}\}/g, (whole, name: string) => variables[name] ?? whole);
  if (Array.isArray(value)) return value.map((item) => fillVariables(item, variables));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillVariables(v, variables)]));
  return value;
}

/** Values for the Postman variables examples use: the demo partner's, and fixed ones for Postman's dynamic variables. */
function exampleVariables(deps: SandboxDeps): Record<string, string> {
  const fixed = { $guid: '7f3c2a10-5b1e-4c8a-9d2f-000000000001', reqTime: formatJakartaTime(exampleTime) };
  try {
    const { partnerId, clientSecret, merchantId } = loadDemoPartner(deps.config.keysDir);
    return { ...fixed, partnerId, clientSecret, merchantId };
  } catch {
    return fixed; // a keys folder without the demo partner: examples keep those {{variables}}
  }
}

/** The body of the endpoint's example request (its Postman folder's base), with the sandbox fixtures' values. */
export function exampleRequestBody(endpoint: CompiledEndpoint, deps: SandboxDeps): unknown {
  const body = endpoint.postman?.base.body;
  if (body === undefined) return undefined;
  const filled = fillVariables(body, { ...exampleVariables(deps), ...endpoint.postman?.variables });
  return typeof filled === 'string' ? JSON.parse(filled) : filled;
}

/**
 * Each scripted outcome of the endpoint's scenario pack (one per documented code), sealed by its
 * protocol as the pipeline would answer it, with a fixed clock and sequential ids.
 */
export function describeOutcomes(endpoint: CompiledEndpoint, deps: SandboxDeps): OutcomeExample[] {
  const exampleDeps: SandboxDeps = {
    ...deps,
    ids: createSequentialIds('example'),
    clock: { now: () => exampleTime } as never,
  };
  const body = exampleRequestBody(endpoint, deps);
  const exchange: Exchange = {
    id: 'openapi-example',
    request: {
      method: endpoint.method,
      path: endpoint.paths[0],
      search: '',
      headers: {},
      rawBody: JSON.stringify(body ?? {}),
    },
    receivedAt: exampleTime,
    debug: false,
    verdicts: {},
    endpoint,
    body,
  };
  return deps.scenarios
    .list()
    .filter((scenario) => scenario.endpoint === endpoint.id && scenario.case !== undefined)
    .map((scenario) => {
      const sealed = endpoint.protocol.sealResponse(scriptOutcome(scenario, exampleDeps), exchange, exampleDeps);
      return {
        scenario: scenario.name,
        description: scenario.description,
        status: sealed.response.status,
        code: sealed.code,
        body: JSON.parse(sealed.response.body),
      };
    });
}
