import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { splitTarget } from '../../server/adapters/express.js';
import { adminRoutes } from '../../server/admin/adminRoutes.js';
import { isAdminPath } from '../../server/admin/handleAdminRequest.js';
import { formatJakartaTime } from '../../server/core/jakartaTime.js';
import type { Sandbox } from '../../server/sandbox.js';
import { sendRaw, type RawResponse } from '../support/rawHttp.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { internalsOf } from '../../server/internals.js';
import { unroutedProtocolFor } from '../../server/protocols/index.js';

jest.setTimeout(60_000);

/** mulberry32: a fixed seed gives the same requests on every run. */
function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)], chance: (p: number) => next() < p };
}
const random = seededRandom(20261122);

interface Draft {
  line: string;
  headers: [string, string][];
  body: Buffer;
}

type Schema = Record<string, unknown>;
/** Well-known member names get values the sandbox knows, so some requests get past authentication. */
let hints: Record<string, unknown> = {};

/** A small instance of a JSON Schema: required members, first enum value, minimal lengths. */
function sample(schema: Schema | undefined, depth = 0, name = ''): unknown {
  if (!schema || depth > 8) return {};
  if (name in hints) return hints[name];
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  for (const key of ['anyOf', 'oneOf', 'allOf'])
    if (Array.isArray(schema[key])) return sample((schema[key] as Schema[])[0], depth + 1, name);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object' || schema.properties) {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    return Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, sample(s, depth + 1, k)]));
  }
  if (type === 'array') return [sample(schema.items as Schema, depth + 1)];
  if (type === 'integer' || type === 'number') return (schema.minimum as number) ?? 1;
  if (type === 'boolean') return true;
  if (schema.format === 'date-time') return formatJakartaTime(new Date());
  return 'x'.repeat(Math.max(1, Number(schema.minLength ?? 1)));
}

function withLength(headers: [string, string][], body: Buffer): [string, string][] {
  return [...headers.filter(([n]) => n.toLowerCase() !== 'content-length'), ['Content-Length', String(body.length)]];
}

/** A signed, well-formed request to every path of every endpoint the sandbox lists. */
function endpointDrafts(sandbox: Sandbox): Draft[] {
  const partner = internalsOf(sandbox)
    .partners.list()
    .find((p) => p.privateKey)!;
  hints = { clientId: partner.partnerId, clientSecret: partner.clientSecret, accessToken: 'demo-token-active' };
  return internalsOf(sandbox)
    .endpoints.list()
    .flatMap((endpoint) =>
      endpoint.paths.map((path) => {
        const body = JSON.stringify(sample(endpoint.validators.request.schema as Schema));
        const headers = Object.entries((sample(endpoint.validators.headers?.schema as Schema) ?? {}) as object).map(
          ([n, v]) => [n, String(v)] as [string, string],
        );
        let signed = { headers: {} as Record<string, string>, body };
        try {
          signed = endpoint.protocol.signRequest(
            { method: endpoint.method, path, body },
            {
              partnerId: partner.partnerId,
              privateKey: partner.privateKey!,
              timestamp: formatJakartaTime(new Date()),
              externalId: 'fuzz',
            },
          );
        } catch {
          // An unsignable draft is still a request worth mutating.
        }
        const all = new Map<string, [string, string]>();
        for (const [n, v] of [...headers, ...Object.entries(signed.headers), ['Content-Type', 'application/json']])
          all.set(n.toLowerCase(), [n, v]);
        const bytes = Buffer.from(signed.body);
        return {
          line: `${endpoint.method} ${path} HTTP/1.1`,
          headers: withLength([...all.values()], bytes),
          body: bytes,
        };
      }),
    );
}

/** A request to every control route, with a sampled body where it takes one. */
function adminDrafts(sandbox: Sandbox): Draft[] {
  return adminRoutes.map((route) => {
    const path = route.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => route.paramValues?.[name]?.[0] ?? 'x');
    const schema = route.bodySchema
      ? (internalsOf(sandbox).schemas.getSchema(route.bodySchema)?.schema as Schema)
      : undefined;
    const body = Buffer.from(schema ? JSON.stringify(sample(schema)) : '');
    return {
      line: `${route.method} /__admin${path} HTTP/1.1`,
      headers: withLength([['Content-Type', 'application/json']], body),
      body,
    };
  });
}

const junk = (n: number) => Buffer.from(Array.from({ length: n }, () => random.int(256)));
const methods = [
  'GET',
  'POST',
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
  'TRACE',
  'CONNECT',
  'HEAD',
  'BREW',
  'get',
  'P OST',
];

function mutateBody(body: Buffer): Buffer {
  switch (random.int(7)) {
    case 0:
      return body.subarray(0, random.int(body.length + 1));
    case 1: {
      const copy = Buffer.from(body);
      for (let i = 0; i < 1 + random.int(4) && copy.length > 0; i++)
        copy[random.int(copy.length)] ^= 1 << random.int(8);
      return copy;
    }
    case 2:
      return Buffer.concat([
        body.subarray(0, body.length >> 1),
        Buffer.from([0xc3, 0x28, 0xff]),
        body.subarray(body.length >> 1),
      ]);
    case 3: {
      const depth = random.pick([999, 1001, 5000, 60_000]);
      return Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    }
    case 4: {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString());
      } catch {
        return body;
      }
      const wrong = random.pick([null, 0, -1, 1e308, true, 'x', [], {}, '𝄞'.repeat(300)]);
      const swap = (value: unknown): unknown =>
        value && typeof value === 'object' && random.chance(0.7)
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, random.chance(0.3) ? wrong : swap(v)]))
          : wrong;
      return Buffer.from(JSON.stringify(swap(parsed)));
    }
    case 5:
      return junk(random.int(64));
    default:
      return random.chance(0.05) ? Buffer.alloc(1024 * 1024 + 10, 0x20) : Buffer.from('');
  }
}

function mutateHeaders(draft: Draft): [string, string][] {
  const headers = [...draft.headers];
  const at = () => random.int(headers.length);
  switch (random.int(9)) {
    case 0:
      headers.splice(at(), 1);
      break;
    case 1: {
      const [n] = headers[at()] ?? ['X-Dup'];
      headers.push([n, random.pick(['', 'other', '1', junk(8).toString('latin1')])]);
      break;
    }
    case 2: {
      const i = at();
      if (headers[i]) headers[i] = [headers[i][0], junk(1 + random.int(30)).toString('latin1')];
      break;
    }
    case 3:
      headers.push([random.pick(['X-Big', 'X-SIGNATURE', 'Authorization']), 'a'.repeat(random.pick([9_000, 20_000]))]);
      break;
    case 4:
      headers.push(['Content-Length', random.pick(['abc', '-1', '1e3', String(draft.body.length + 1), '0'])]);
      break;
    case 5:
      return [
        ...headers.filter(([n]) => n.toLowerCase() !== 'content-length'),
        ['Content-Length', String(Math.max(0, draft.body.length - 1 - random.int(8)))],
      ];
    case 6:
      headers.push([
        random.pick(['Expect', 'Connection', 'Upgrade', 'Content-Encoding', 'X-Mock-Session']),
        random.pick(['foo', '100-continue', 'gzip', 'Upgrade', 'close', '']),
      ]);
      break;
    case 7:
      headers.push([
        junk(1 + random.int(6))
          .toString('latin1')
          .replace(/[:\r\n]/g, ''),
        'v',
      ]);
      break;
    default:
      headers.push(['Host', random.pick(['', 'evil.example', 'a b'])]);
  }
  return headers;
}

function chunked(draft: Draft): Draft {
  const body = draft.body;
  const half = body.length >> 1;
  const chunks = [body.subarray(0, half), body.subarray(half)].filter((c) => c.length > 0);
  let text = chunks.map((c) => `${c.length.toString(16)}\r\n${c.toString('latin1')}\r\n`).join('') + '0\r\n\r\n';
  const bad = random.int(4);
  if (bad === 1) text = text.replace(/^[0-9a-f]+/, 'zz');
  if (bad === 2) text = text.slice(0, text.length - 5);
  if (bad === 3) text = `${(body.length + 50).toString(16)}\r\n${body.toString('latin1')}\r\n0\r\n\r\n`;
  const headers = draft.headers.filter(([n]) => n.toLowerCase() !== 'content-length');
  if (random.chance(0.2)) headers.push(['Content-Length', String(body.length)]);
  return { ...draft, headers: [...headers, ['Transfer-Encoding', 'chunked']], body: Buffer.from(text, 'latin1') };
}

function mutateLine(line: string): string {
  const [method, target] = line.split(' ');
  switch (random.int(8)) {
    case 0:
      return `${random.pick(methods)} ${target} HTTP/1.1`;
    case 1:
      return `${method} ${target}${random.pick(['/', '//x', '/%zz', '?%', '?session=%00', '?a=1&a=2', '/..', '%2F..'])} HTTP/1.1`;
    case 2:
      return `${method} ${target}${'a'.repeat(random.pick([2_000, 20_000]))} HTTP/1.1`;
    case 3:
      return `${method} http://dana.example${target} HTTP/1.1`;
    case 4:
      return `${method} ${target} ${random.pick(['HTTP/2.0', 'HTTP/1.1 x', 'HTTP/1', ''])}`;
    case 5:
      return junk(1 + random.int(40))
        .toString('latin1')
        .replace(/[\r\n]/g, ' ');
    case 6:
      return `${method} ${random.pick(['*', 'x', '/', '/__admin', '/v1/', `/v1/${'x'.repeat(10)}`])} HTTP/1.1`;
    default:
      return `${method}  ${target}  HTTP/1.1`;
  }
}

/** One to three mutations of a well-formed request (an untouched one now and then). */
function mutate(base: Draft): Draft {
  let draft = { ...base, headers: [...base.headers] };
  const count = random.chance(0.1) ? 0 : 1 + random.int(3);
  for (let i = 0; i < count; i++) {
    const kind = random.int(4);
    if (kind === 0) {
      const body = mutateBody(draft.body);
      draft = { ...draft, body, headers: withLength(draft.headers, body) };
    } else if (kind === 1) draft = { ...draft, headers: mutateHeaders(draft) };
    else if (kind === 2) draft = random.chance(0.3) ? chunked(draft) : { ...draft, line: mutateLine(draft.line) };
    else draft = { ...draft, line: mutateLine(draft.line) };
  }
  return draft;
}

const serialise = (d: Draft) =>
  Buffer.concat([
    Buffer.from(`${d.line}\r\n${d.headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`, 'latin1'),
    d.body,
  ]);

type Shape = 'admin' | 'snap' | 'envelope';

/** The shape of the answer the request line names: its path's protocol, the control plane's, or SNAP's general one. */
function shapeFor(sandbox: Sandbox, line: string): Shape {
  const target = /^\S+[ \t]+(\S+)[ \t]+HTTP\/\d\.\d(?![^ \t])/.exec(line)?.[1];
  if (target === undefined) return 'snap';
  const { path } = splitTarget(target);
  if (isAdminPath(path)) return 'admin';
  const endpoint = internalsOf(sandbox).endpoints.find(path);
  return (endpoint?.protocol ?? unroutedProtocolFor(path)).name as Shape;
}

/** Why an answer is not in `shape`, or undefined when it is. */
function problemWith(res: RawResponse, shape: Shape, head: boolean): string | undefined {
  if (res.status >= 500) return `a ${res.status} no scenario scripted`;
  if (head) return undefined;
  if (shape === 'admin' && res.status < 300) return undefined;
  let body: Record<string, any>;
  try {
    body = JSON.parse(res.body);
  } catch {
    return `a body that is not JSON: ${JSON.stringify(res.body.slice(0, 80))}`;
  }
  if (shape === 'admin')
    return typeof body?.error?.message === 'string' ? undefined : 'not the admin shape {"error":{"message"}}';
  if (shape === 'snap') {
    if (!/^\d{7}$/.test(body?.responseCode) || typeof body.responseMessage !== 'string') return 'not the SNAP shape';
    return body.responseCode.slice(0, 3) === String(res.status) ? undefined : 'an HTTP status that is not its code';
  }
  const result = body?.response?.body?.resultInfo;
  if (res.status !== 200 || typeof result?.resultCode !== 'string' || typeof body.signature !== 'string')
    return 'not the envelope shape';
  return result.resultCode === 'SYSTEM_ERROR' ? 'a SYSTEM_ERROR no scenario scripted' : undefined;
}

const sandboxes: Sandbox[] = [];
afterAll(() => Promise.all(sandboxes.map((s) => s.close())));

async function start(): Promise<{ sandbox: Sandbox; port: number }> {
  const sandbox = await createTestSandbox({ realNow: Date.now, timeoutDelayMs: 20 });
  sandboxes.push(sandbox);
  return { sandbox, port: Number(new URL((await sandbox.listen(0)).url).port) };
}

/** Sends every draft (a few at a time) and returns what went wrong, one line each. */
async function fuzz(sandbox: Sandbox, port: number, drafts: Draft[]): Promise<string[]> {
  const problems: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < drafts.length) {
      const draft = drafts[next++];
      const bytes = serialise(draft);
      // A request still waiting for body bytes it was promised gets the end of the stream after a
      // moment, and must be answered or closed after that.
      const result = await sendRaw(port, bytes, { expected: 1, halfCloseAfterMs: 300, timeoutMs: 3_000 });
      const where = JSON.stringify(draft.line.slice(0, 60));
      if (result.timedOut && result.responses.length === 0) problems.push(`${where}: no answer and no close in 3 s`);
      const head = /^HEAD /.test(draft.line);
      result.responses.forEach((res, i) => {
        // Bytes left after a request are answered as whatever they can be read as.
        const shapes: Shape[] = i === 0 ? [shapeFor(sandbox, draft.line)] : ['admin', 'snap', 'envelope'];
        const found = shapes.map((shape) => problemWith(res, shape, head));
        if (found.every(Boolean)) problems.push(`${where} answer ${i + 1} (${res.status}): ${found[0]}`);
      });
    }
  };
  await Promise.all(Array.from({ length: 24 }, worker));
  return problems;
}

const requestsPerPlane = 1_200;

describe('wire fuzz (fixed seed): whatever arrives, the sandbox answers JSON in the right shape and never fails', () => {
  let endpointSandbox: { sandbox: Sandbox; port: number };
  let adminSandbox: { sandbox: Sandbox; port: number };
  beforeAll(async () => {
    endpointSandbox = await start();
    adminSandbox = await start();
  });

  it(`answers ${requestsPerPlane} mutated requests to every endpoint the sandbox lists`, async () => {
    const bases = endpointDrafts(endpointSandbox.sandbox);
    expect(bases.length).toBe(
      internalsOf(endpointSandbox.sandbox)
        .endpoints.list()
        .flatMap((e) => e.paths).length,
    );
    const drafts = Array.from({ length: requestsPerPlane }, () => mutate(random.pick(bases)));
    expect(await fuzz(endpointSandbox.sandbox, endpointSandbox.port, drafts)).toEqual([]);
    expect(
      (await sendRaw(endpointSandbox.port, 'GET /__admin/health HTTP/1.1\r\n\r\n', { expected: 1 })).responses[0]
        .status,
    ).toBe(200);
  });

  it(`answers ${requestsPerPlane} mutated requests to every control route`, async () => {
    const bases = adminDrafts(adminSandbox.sandbox);
    const drafts = Array.from({ length: requestsPerPlane }, () => mutate(random.pick(bases)));
    expect(await fuzz(adminSandbox.sandbox, adminSandbox.port, drafts)).toEqual([]);
    expect(
      (await sendRaw(adminSandbox.port, 'GET /__admin/health HTTP/1.1\r\n\r\n', { expected: 1 })).responses[0].status,
    ).toBe(200);
  });
});
