/**
 * The parity table's rows, built from what each registered endpoint declares, so a new endpoint gets
 * parity coverage without editing the test:
 * - its Postman folder (server/endpoints/<id>/<id>Postman.ts): every example in order, each expecting
 *   the code it declares, and one row per scripted scenario of scenarios/<id>.json where the folder
 *   marks them; control-plane items are steps taken before the next row;
 * - its schemas/<id>/headers.json: each required header left out, each patterned header malformed,
 *   a replayed X-EXTERNAL-ID and an X-TIMESTAMP other than the signed one where it takes them;
 * - its path, method and protocol: an unknown path beside it, the wrong method, a body that is not
 *   JSON, gzipped, not UTF-8 or over 1 MiB, and every fault of scenarios/faults.json.
 * Expected codes are the declared ones or the protocol's rendering of a catalogue case, never typed here.
 */
import type { KeyObject } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { CompiledEndpoint, Exchange } from '../../server/core/endpoint.js';
import type { ExampleItem, ExampleRequest } from '../../server/core/examples.js';
import { formatJakartaTime } from '../../server/core/jakartaTime.js';
import { commonCases } from '../../server/core/SandboxError.js';
import type { SandboxDeps } from '../../server/core/types.js';
import { maxBodyBytes } from '../../server/adapters/readBody.js';
import type { Protocol } from '../../server/protocols/protocol.js';
import { unroutedProtocolFor } from '../../server/protocols/index.js';
import { buildEnvironment } from '../../postman/buildCollection.js';
import { demoPartner, otherPartner } from '../support/partners.js';
import { fixedNow } from '../support/testSandbox.js';
import type { WireRequest } from '../support/wireRequests.js';

/** The session the rows run in, as the Postman collection runs in {{session}}. */
export const paritySession = 'parity';

/** What a client sees of a fault, as `wireCode` reports it. */
export const faultCodes: Record<string, string> = {
  'malformed-json': '(cut JSON)',
  'empty-response': '(empty)',
  'connection-reset': '(network error)',
};

/** Values a row reads from earlier answers (e.g. the B2B token the token example kept). */
export type Variables = Record<string, string>;

export interface ParityRow {
  name: string;
  /**
   * The wire code HTTP must answer, or the row whose code it must repeat (a timeout answers late, not
   * differently; a row that names itself is compared byte for byte only).
   */
  expected: string | { sameAs: number };
  /** Control-plane calls made in the row's session before it is sent (opening a journey, moving the clock). */
  steps(variables: Variables): WireRequest[];
  build(variables: Variables): WireRequest;
  /** The declared Postman test lines, run to keep values of the answer (pm.environment.set). */
  keep?: string[];
}

const notUtf8 = (body: string) =>
  Buffer.concat([Buffer.from(body.slice(0, 5)), Buffer.from([0xc3, 0x28]), Buffer.from(body.slice(5))]);

/** The code `protocol` renders for `caseKey`, as the collection builder computes a scenario's. */
function codeOf(protocol: Protocol, caseKey: string, path: string, deps: SandboxDeps, data?: unknown): string {
  const probe: Exchange = {
    id: 'parity',
    request: { method: 'POST', path, search: '', headers: {}, rawBody: '' },
    receivedAt: new Date(fixedNow),
    debug: false,
    verdicts: {},
  };
  return protocol.sealResponse({ case: caseKey, data: data as Record<string, unknown> | undefined }, probe, deps).code;
}

const timestampAt = (ms: number) => formatJakartaTime(new Date(ms));

interface Draft {
  request: ExampleRequest;
  /** Sign with this key instead of the named partner's (a bad signature). */
  key?: KeyObject;
  /** Headers set after signing; undefined removes one. */
  after?: Record<string, string | undefined>;
  /** Replace the body text after signing. */
  body?: (text: string) => string;
  bytes?: (text: string) => Uint8Array;
  /** A fixed X-EXTERNAL-ID (to replay a request); else the row's own. */
  externalId?: string;
  /** The X-Mock-Session to send in, when not the table's own. */
  session?: string;
}

/** Builds every row for `endpoints` (the registry's order) against a sandbox's dependencies. */
export function buildParityRows(endpoints: readonly CompiledEndpoint[], deps: SandboxDeps): ParityRow[] {
  const environment = Object.fromEntries(buildEnvironment(endpoints).values.map((v) => [v.key, v.value]));
  const rows: ParityRow[] = [];
  let pending: ExampleRequest[] = [];

  /** Resolves Postman variables the way the collection does, with fixed values where Postman makes fresh ones. */
  const resolver = (index: number, variables: Variables) => (text: string) =>
    text.replace(/\{\{(\$?\w+)\}\}/g, (whole, name: string) => {
      if (name === '$guid') return `parity-${index}`;
      if (name === 'reqTime') return timestampAt(fixedNow);
      if (name === 'session') return paritySession;
      const value = variables[name] ?? environment[name];
      if (value === undefined) throw new Error(`parity: no value for ${whole}`);
      return value;
    });

  /** Signs a draft as the collection's signing helper would, with the test's fixed clock and ids. */
  const wire =
    (endpoint: CompiledEndpoint, index: number, draft: Draft) =>
    (variables: Variables): WireRequest => {
      const resolve = resolver(index, variables);
      const { request } = draft;
      const method = request.method ?? 'POST';
      const text =
        request.body === undefined
          ? ''
          : resolve(typeof request.body === 'string' ? request.body : JSON.stringify(request.body, null, 2));
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      for (const [name, value] of Object.entries(request.headers ?? {}))
        if (value !== undefined) headers[name.toLowerCase()] = resolve(value);
      const clientId =
        endpoint.protocol.peekClientId({ method, path: request.path, search: '', headers, rawBody: text }) ??
        demoPartner.partnerId;
      let body = text;
      try {
        const signed = endpoint.protocol.signRequest(
          { method, path: request.path, body: text },
          {
            partnerId: clientId,
            privateKey: draft.key ?? demoPartner.privateKey,
            timestamp: timestampAt(fixedNow),
            externalId: draft.externalId ?? `parity-${index}`,
          },
        );
        for (const [name, value] of Object.entries(signed.headers)) headers[name.toLowerCase()] = value;
        body = signed.body;
      } catch {
        // The collection sends what the helper cannot sign as it is, and the gateway says what is wrong.
      }
      headers['x-mock-session'] = draft.session ?? paritySession;
      for (const [name, value] of Object.entries(draft.after ?? {}))
        if (value === undefined) delete headers[name];
        else headers[name] = value;
      if (draft.body) body = draft.body(body);
      const out: WireRequest = {
        method,
        path: request.path,
        headers,
        body: request.body === undefined ? undefined : body,
      };
      return draft.bytes ? { ...out, bytes: draft.bytes(body) } : out;
    };

  const add = (
    endpoint: CompiledEndpoint,
    name: string,
    expected: ParityRow['expected'],
    draft: Draft,
    keep?: string[],
  ): number => {
    const index = rows.length;
    const steps = pending.map((step) => (variables: Variables) => {
      const resolve = resolver(index, variables);
      return {
        method: step.method ?? 'POST',
        path: resolve(step.path),
        headers: { 'content-type': 'application/json', 'x-mock-session': paritySession },
        body: step.body === undefined ? undefined : resolve(JSON.stringify(step.body)),
      };
    });
    rows.push({
      name: `${endpoint.id} ${name}`,
      expected,
      steps: (variables) => steps.map((step) => step(variables)),
      build: wire(endpoint, index, draft),
      keep,
    });
    pending = [];
    return index;
  };

  for (const endpoint of endpoints) {
    const spec = endpoint.postman;
    if (!spec) throw new Error(`parity: ${endpoint.id} declares no Postman folder, so it has no examples to compare`);
    const { protocol } = endpoint;
    const path = endpoint.paths[0];
    const code = (caseKey: string) => codeOf(protocol, caseKey, path, deps);
    const success = code('successful');
    const schema = endpoint.validators.headers?.schema as
      { required?: string[]; properties?: Record<string, { pattern?: string }> } | undefined;
    const required = schema?.required ?? [];
    const scenarios = deps.scenarios.list();

    let replayed = false;
    const example = (item: ExampleItem) => {
      if ('admin' in item.expect) return void pending.push(item.request);
      const expected = 'code' in item.expect ? item.expect.code : faultCodes[item.expect.fault];
      const draft: Draft = { request: item.request, key: item.spoilSignature ? otherPartner.privateKey : undefined };
      const index = add(endpoint, item.name, expected, draft, item.tests);
      // The replay guard: the same request again, its X-EXTERNAL-ID already used.
      if (expected === success && required.includes('x-external-id') && !replayed) {
        replayed = true;
        add(endpoint, `${item.name}, replayed`, code(commonCases.conflict), {
          ...draft,
          externalId: `parity-${index}`,
        });
      }
    };
    for (const item of spec.items) {
      if (item !== 'scenarios') {
        example(item);
        continue;
      }
      for (const s of scenarios.filter((sc) => sc.endpoint === endpoint.id))
        add(endpoint, `scenario ${s.name}`, codeOf(protocol, s.case!, path, deps, s.data), {
          request: spec.base,
          after: { 'x-mock-scenario': s.name },
        });
    }

    // What every endpoint of any protocol must refuse, on the request its scenarios use.
    const base = spec.base;
    const unknownPath = `${path}/nothing`;
    add(
      endpoint,
      'unknown path beside it',
      codeOf(unroutedProtocolFor(unknownPath), commonCases.notFound, unknownPath, deps),
      {
        request: { ...base, path: unknownPath },
      },
    );
    const wrongMethod = endpoint.method === 'GET' ? 'POST' : 'GET';
    add(endpoint, `${wrongMethod} instead of ${endpoint.method}`, code(commonCases.methodNotAllowed), {
      request: { ...base, method: wrongMethod, body: undefined },
    });
    const badRequest = code(commonCases.badRequest);
    add(endpoint, 'body that is not JSON', badRequest, { request: { ...base, body: '{"cut":' } });
    add(endpoint, 'body over 1 MiB', badRequest, {
      request: base,
      body: (text) => `${text.slice(0, -1)},"padding":"${'x'.repeat(maxBodyBytes)}"}`,
    });
    add(endpoint, 'gzipped body', badRequest, {
      request: base,
      after: { 'content-encoding': 'gzip' },
      bytes: (text) => gzipSync(text),
    });
    add(endpoint, 'body not UTF-8', badRequest, { request: base, bytes: notUtf8 });
    // Header checks, from the headers the endpoint's schema declares. A client always sends a
    // Content-Type (fetch and superagent add their own), so that one is only ever malformed.
    for (const header of required.filter((h) => h !== 'content-type'))
      add(endpoint, `without ${header}`, code(commonCases.invalidMandatoryField), {
        request: base,
        after: { [header]: undefined },
      });
    for (const [header, rule] of Object.entries(schema?.properties ?? {}))
      if (rule.pattern && required.includes(header))
        add(endpoint, `malformed ${header}`, code(commonCases.invalidFieldFormat), {
          request: base,
          after: { [header]: 'not valid' },
        });
    // SNAP's string to sign covers X-TIMESTAMP: one other than the signed one is a bad signature.
    if (schema?.properties?.['x-timestamp'])
      add(endpoint, 'X-TIMESTAMP an hour after the signed one', code(commonCases.unauthorized), {
        request: base,
        after: { 'x-timestamp': timestampAt(fixedNow + 3600_000) },
      });
    // Faults: each on the base request. A timeout answers what the request gets without it, only
    // later: the two are sent in fresh sessions, so neither sees what the other changed.
    for (const fault of scenarios.filter((s) => s.fault)) {
      if (fault.fault === 'timeout') {
        const twin = add(
          endpoint,
          `without fault ${fault.name}`,
          { sameAs: rows.length },
          {
            request: base,
            session: `${paritySession}-${rows.length}`,
          },
        );
        add(
          endpoint,
          `fault ${fault.name}`,
          { sameAs: twin },
          {
            request: base,
            after: { 'x-mock-scenario': fault.name },
            session: `${paritySession}-${rows.length}`,
          },
        );
        continue;
      }
      if (!faultCodes[fault.fault!]) throw new Error(`parity: no wire code for fault ${fault.fault}`);
      add(endpoint, `fault ${fault.name}`, faultCodes[fault.fault!], {
        request: base,
        after: { 'x-mock-scenario': fault.name },
      });
    }
  }
  return rows;
}
