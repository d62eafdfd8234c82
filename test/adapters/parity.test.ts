import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { createDanaHandlers } from '../../server/adapters/msw.js';
import type { Sandbox } from '../../server/sandbox.js';
import { internalsOf } from '../../server/internals.js';
import { echoProbe } from '../fixtures/extraEndpoint/echoProbe.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { type WireRequest } from '../support/wireRequests.js';
import { buildParityRows, type Variables } from './parityRows.js';

interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}
type Send = (wire: WireRequest) => Promise<WireResponse>;
/** Added by the transport, not by the sandbox. */
const transportHeaders = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
const keep = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).filter(([n]) => !transportHeaders.has(n.toLowerCase())));

/**
 * Rows are built from the sandbox's own endpoint table and scenario book: what it serves is what is
 * compared. It also serves the test-only endpoint of test/fixtures/extraEndpoint, to show that an
 * endpoint gets its rows from its declarations alone.
 */
const options = { timeoutDelayMs: 20, endpoints: [echoProbe] };
const [first, second] = [await createTestSandbox(options), await createTestSandbox(options)];
const firstDeps = internalsOf(first);
const rows = buildParityRows(firstDeps.endpoints.list(), firstDeps);

/** Runs the declared Postman test lines of a row with a `pm` that only keeps values (pm.environment.set). */
function keepValues(lines: string[], res: WireResponse, variables: Variables): void {
  const pm = {
    environment: { set: (name: string, value: unknown) => (variables[name] = String(value)) },
    response: { json: () => JSON.parse(res.body), text: () => res.body },
    test: () => undefined,
  };
  new Function('pm', lines.join('\n'))(pm);
}

/** Runs every row in order against a fresh, identically seeded sandbox. */
async function runAll(sandbox: Sandbox, send: Send): Promise<WireResponse[]> {
  const out: WireResponse[] = [];
  const variables: Variables = {};
  for (const row of rows) {
    for (const step of row.steps(variables)) {
      const [path, search = ''] = step.path.split('?');
      const res = await sandbox.handle({
        method: step.method,
        path,
        search: search && `?${search}`,
        headers: step.headers,
        rawBody: step.body ?? '',
      });
      if (res.status >= 300) throw new Error(`parity: control-plane step ${step.path} answered ${res.body}`);
    }
    // X-Debug-Mode: the reasons must be the same bytes too.
    const wire = row.build(variables);
    const res = await send({ ...wire, headers: { ...wire.headers, 'x-debug-mode': 'true' } });
    if (row.keep) keepValues(row.keep, res, variables);
    out.push({ ...res, headers: keep(res.headers) });
  }
  return out;
}

/** What a client sees of a dropped connection, whichever adapter dropped it. */
const networkError: WireResponse = { status: 0, headers: {}, body: '(network error)' };

const overHttp =
  (sandbox: Sandbox): Send =>
  async (wire) => {
    let test = request(sandbox.app)[wire.method.toLowerCase() as 'post'](wire.path);
    // Answers may name the origin they were asked on (a payment's webRedirectUrl): over HTTP, say it is
    // MSW's, as a reverse proxy in front of the sandbox would, so both adapters are asked the same thing.
    if (!wire.path.startsWith('/__admin')) test = test.set(mswOrigin.headers);
    for (const [n, v] of Object.entries(wire.headers)) test = test.set(n, v);
    // Bytes as they are: superagent would JSON-serialize a Buffer sent as application/json.
    const sent = wire.bytes
      ? test.serialize((b: Buffer) => b as never).send(Buffer.from(wire.bytes))
      : wire.body === undefined
        ? test
        : test.send(wire.body);
    try {
      const res = await sent.buffer(true).parse((r, done) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c));
        r.on('end', () => done(null, text));
      });
      return { status: res.status, headers: res.headers as Record<string, string>, body: res.body as string };
    } catch (error) {
      if ((error as { status?: number }).status) throw error;
      return networkError;
    }
  };

const mswOrigin = { headers: { 'X-Forwarded-Host': 'api.sandbox.dana.id', 'X-Forwarded-Proto': 'https' } };

const overMsw: Send = async (wire) => {
  try {
    const res = await fetch(`https://api.sandbox.dana.id${wire.path}`, {
      method: wire.method,
      headers: wire.headers,
      body: wire.bytes ? new Uint8Array(wire.bytes) : wire.body,
    });
    return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return networkError;
  }
};

/** The wire code of an answer, or what a client sees of a fault. */
function wireCode(res: WireResponse): string {
  if (res.status === 0) return res.body;
  if (res.body === '') return '(empty)';
  try {
    const body = JSON.parse(res.body);
    return body.responseCode ?? body.response?.body?.resultInfo?.resultCode;
  } catch {
    return '(cut JSON)';
  }
}

let http: WireResponse[];
let msw: WireResponse[];
beforeAll(async () => {
  http = await runAll(first, overHttp(first));
  const server = setupServer(...createDanaHandlers(second));
  server.listen({ onUnhandledRequest: 'bypass' });
  try {
    msw = await runAll(second, overMsw);
  } finally {
    server.close();
  }
}, 60_000);
afterAll(() => Promise.all([first.close(), second.close()]));

describe('HTTP and MSW parity', () => {
  it.each(
    rows.map(({ name, expected }, i) => ({
      name,
      i,
      expected,
      code: typeof expected === 'string' ? expected : `what "${rows[expected.sameAs].name}" answers`,
    })),
  )('$name answers $code, the same bytes over HTTP and MSW', ({ expected, i }) => {
    expect(wireCode(http[i])).toBe(typeof expected === 'string' ? expected : wireCode(http[expected.sameAs]));
    expect(msw[i]).toEqual(http[i]);
  });

  it('gives every endpoint a success, a bad signature, an unknown path, the wrong method and every fault', () => {
    const faults = firstDeps.scenarios.list().filter((s) => s.fault);
    for (const endpoint of firstDeps.endpoints.list()) {
      const own = rows.filter((r) => r.name.startsWith(`${endpoint.id} `)).map((r) => r.name);
      expect(
        rows.some(
          (r) => r.name.startsWith(`${endpoint.id} `) && /^(200|S)/.test(wireCode(http[rows.indexOf(r)]) ?? ''),
        ),
      ).toBe(true);
      expect(endpoint.postman?.items).toContainEqual(expect.objectContaining({ spoilSignature: true }));
      expect(own).toEqual(
        expect.arrayContaining([
          `${endpoint.id} unknown path beside it`,
          `${endpoint.id} GET instead of POST`,
          ...faults.map((f) => `${endpoint.id} fault ${f.name}`),
        ]),
      );
    }
  });
});
