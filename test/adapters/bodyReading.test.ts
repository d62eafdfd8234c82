import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { createDanaHandlers } from '../../server/adapters/msw.js';
import { bodyTooLargeReason, maxBodyBytes } from '../../server/adapters/readBody.js';
import type { Sandbox } from '../../server/sandbox.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { applyOttWire } from '../endpoints/applyOtt.requests.js';
import { pushWire } from '../endpoints/pushNotificationUser.requests.js';
import { type WireRequest } from '../support/wireRequests.js';

interface Answer {
  status: number;
  body: Record<string, any>;
}
type Send = (wire: WireRequest, bytes: Buffer) => Promise<Answer>;

let sandbox: Sandbox;
const mswServer = setupServer();
beforeAll(async () => {
  sandbox = await createTestSandbox();
  mswServer.use(...createDanaHandlers(sandbox));
  mswServer.listen({ onUnhandledRequest: 'bypass' });
});
afterAll(async () => {
  mswServer.close();
  await sandbox.close();
});

const overHttp: Send = async (wire, bytes) => {
  let test = request(sandbox.app).post(wire.path);
  for (const [n, v] of Object.entries(wire.headers)) test = test.set(n, v);
  // As bytes: superagent would JSON-serialize a Buffer sent as application/json.
  const res = await test.serialize((b: Buffer) => b as never).send(bytes);
  return { status: res.status, body: res.body };
};
const overMsw: Send = async (wire, bytes) => {
  const res = await fetch(`https://api.sandbox.dana.id${wire.path}`, {
    method: 'POST',
    headers: wire.headers,
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const adapters: [string, Send][] = [
  ['HTTP', overHttp],
  ['MSW', overMsw],
];

const debug = { 'x-debug-mode': 'true' };
let ids = 0;
/** A signed Apply OTT whose bytes are `bytes(json)`; the signature covers the JSON as written. */
function applyOtt(extra: Record<string, string> = {}, additionalInfo: Record<string, unknown> = {}): WireRequest {
  return applyOttWire('demo-token-active', `body-${++ids}`, {
    body: { userResources: ['OTT'], additionalInfo: { accessToken: 'demo-token-active', ...additionalInfo } },
    headers: { ...debug, ...extra },
  });
}
const push = (extra: Record<string, string> = {}): WireRequest => {
  const wire = pushWire(`body-${++ids}`);
  return { ...wire, headers: { ...wire.headers, ...debug, ...extra } };
};
const notUtf8 = (text: string) =>
  Buffer.concat([Buffer.from(text.slice(0, 10)), Buffer.from([0xc3, 0x28]), Buffer.from(text.slice(10))]);

describe('reading request bodies, the same over HTTP and MSW', () => {
  it.each(adapters)('answers 4004900 over %s when a signed Apply OTT body is over 1 MiB', async (_, send) => {
    const wire = applyOtt({}, { padding: 'x'.repeat(maxBodyBytes) });
    const res = await send(wire, Buffer.from(wire.body!));
    expect([res.status, res.body.responseCode]).toEqual([400, '4004900']);
    expect(res.body.additionalInfo.debugMessage).toContain('1 MiB');
  });

  it.each(adapters)('accepts over %s a signed Apply OTT body of exactly 1 MiB', async (_, send) => {
    const small = applyOtt({}, { padding: '' });
    const wire = applyOtt({}, { padding: 'x'.repeat(maxBodyBytes - Buffer.byteLength(small.body!)) });
    expect(Buffer.byteLength(wire.body!)).toBe(maxBodyBytes);
    expect((await send(wire, Buffer.from(wire.body!))).body.responseCode).toBe('2004900');
  });

  it.each(adapters)(
    'answers 4004900 over %s naming Content-Encoding when an Apply OTT body is gzipped',
    async (_, send) => {
      const wire = applyOtt({ 'content-encoding': 'gzip' });
      const res = await send(wire, gzipSync(wire.body!));
      expect([res.status, res.body.responseCode]).toEqual([400, '4004900']);
      expect(res.body.additionalInfo.debugMessage).toContain('Content-Encoding "gzip"');
    },
  );

  it.each(adapters)('accepts over %s Content-Encoding identity', async (_, send) => {
    const wire = applyOtt({ 'content-encoding': 'identity' });
    expect((await send(wire, Buffer.from(wire.body!))).body.responseCode).toBe('2004900');
  });

  it.each(adapters)('answers 4004900 over %s saying the body is not UTF-8 when it is not', async (_, send) => {
    const wire = applyOtt();
    const res = await send(wire, notUtf8(wire.body!));
    expect([res.status, res.body.responseCode]).toEqual([400, '4004900']);
    expect(res.body.additionalInfo.debugMessage).toContain('not valid UTF-8');
  });

  it.each(adapters)(
    'answers the push envelope MSG_PARSE_ERROR over %s for a body that is gzipped, over 1 MiB or not UTF-8',
    async (_, send) => {
      const gzipped = push({ 'content-encoding': 'gzip' });
      const plain = push();
      const answers = [
        await send(gzipped, gzipSync(gzipped.body!)),
        await send(plain, Buffer.from(`${plain.body!}${' '.repeat(maxBodyBytes)}`)),
        await send(plain, notUtf8(plain.body!)),
      ];
      expect(answers.map((a) => [a.status, a.body.response.body.resultInfo.resultCode])).toEqual([
        [200, 'MSG_PARSE_ERROR'],
        [200, 'MSG_PARSE_ERROR'],
        [200, 'MSG_PARSE_ERROR'],
      ]);
      expect(answers.map((a) => a.body.response.body.additionalInfo.debugMessage)).toEqual([
        expect.stringContaining('Content-Encoding'),
        expect.stringContaining('1 MiB'),
        expect.stringContaining('not valid UTF-8'),
      ]);
      expect(answers.every((a) => a.body.signature.length > 0)).toBe(true);
    },
  );

  it.each(adapters)(
    'answers an /__admin body over 1 MiB over %s with 413 in the admin error shape, not a protocol envelope',
    async (_, send) => {
      const wire: WireRequest = {
        method: 'POST',
        path: '/__admin/scenarios/arm',
        headers: { 'content-type': 'application/json' },
        body: `{"endpoint":"${'x'.repeat(maxBodyBytes)}"}`,
      };
      const res = await send(wire, Buffer.from(wire.body!));
      expect(res.status).toBe(413);
      expect(res.body.error.message).toContain(bodyTooLargeReason);
      expect(res.body.responseCode).toBeUndefined();
    },
  );
});
