import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { createDanaHandlers } from '../../server/adapters/msw.js';
import { maxBodyBytes } from '../../server/adapters/readBody.js';
import type { Sandbox } from '../../server/sandbox.js';
import { demoPartner, otherPartner } from '../support/partners.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { applyOttWire } from '../endpoints/applyOtt.requests.js';
import { pushWire } from '../endpoints/pushNotificationUser.requests.js';
import { resendOtpWire } from '../endpoints/resendOtp.requests.js';
import { tokenWire } from '../endpoints/b2bAccessToken.requests.js';
import { type WireRequest } from '../support/wireRequests.js';

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

const big = { padding: 'x'.repeat(maxBodyBytes) };
const ott = (extra: Record<string, unknown> = {}) => ({
  userResources: ['OTT'],
  additionalInfo: { accessToken: 'demo-token-active', ...extra },
});
/** The wire request with its body sent as other bytes (the signature still covers the body). */
const asBytes = (
  wire: WireRequest,
  bytes: (body: string) => Uint8Array,
  headers: Record<string, string> = {},
): WireRequest => ({ ...wire, headers: { ...wire.headers, ...headers }, bytes: bytes(wire.body!) });
const gzipped = (body: string) => gzipSync(body);
const notUtf8 = (body: string) =>
  Buffer.concat([Buffer.from(body.slice(0, 5)), Buffer.from([0xc3, 0x28]), Buffer.from(body.slice(5))]);
const resendBody = (journeyId: string, overrides: Record<string, unknown> = {}) => ({
  journeyId,
  bankCardToken: 'demo-card-active',
  merchantId: demoPartner.merchantId,
  additionalInfo: { orderId: `order-${journeyId}` },
  ...overrides,
});
const scenario = (name: string) => ({ 'x-mock-scenario': name });

/**
 * One case per row, in order: what it is, the wire code HTTP must answer (responseCode, resultCode,
 * or what a client sees of a fault), and its request (which may use the B2B token an earlier row got).
 */
const cases: [string, string, (token: string) => WireRequest][] = [
  // Apply OTT: every response code, and each check that answers it
  ['applyOtt success', '2004900', () => applyOttWire('demo-token-active', 'p-1')],
  [
    'applyOtt unparsable JSON',
    '4004900',
    () => applyOttWire('demo-token-active', 'p-6', { body: '{"userResources":' }),
  ],
  ['applyOtt body over 1 MiB', '4004900', () => applyOttWire('demo-token-active', 'p-big', { body: ott(big) })],
  [
    'applyOtt gzipped body',
    '4004900',
    () => asBytes(applyOttWire('demo-token-active', 'p-gzip'), gzipped, { 'content-encoding': 'gzip' }),
  ],
  ['applyOtt body not UTF-8', '4004900', () => asBytes(applyOttWire('demo-token-active', 'p-utf8'), notUtf8)],
  [
    'applyOtt invalid body format',
    '4004901',
    () =>
      applyOttWire('demo-token-active', 'p-3', {
        body: { userResources: ['OTTasd!#$'], additionalInfo: { accessToken: 'demo-token-active' } },
      }),
  ],
  [
    'applyOtt invalid X-TIMESTAMP format',
    '4004901',
    () => applyOttWire('demo-token-active', 'p-ts', { headers: { 'x-timestamp': 'yesterday' } }),
  ],
  [
    'applyOtt missing header',
    '4004902',
    () => applyOttWire('demo-token-active', 'p-4', { headers: { 'x-device-id': undefined } }),
  ],
  [
    'applyOtt missing body member',
    '4004902',
    () =>
      applyOttWire('demo-token-active', 'p-member', { body: { additionalInfo: { accessToken: 'demo-token-active' } } }),
  ],
  [
    'applyOtt X-TIMESTAMP an hour off',
    '4014900',
    () => applyOttWire('demo-token-active', 'p-skew', { headers: { 'x-timestamp': '2026-11-22T11:00:00+07:00' } }),
  ],
  [
    'applyOtt unknown client',
    '4014900',
    () => applyOttWire('demo-token-active', 'p-client', { headers: { 'x-partner-id': 'nobody' } }),
  ],
  [
    'applyOtt bad signature',
    '4014900',
    () => applyOttWire('demo-token-active', 'p-5', { key: otherPartner.privateKey }),
  ],
  ['applyOtt expired token', '4014902', () => applyOttWire('demo-token-expired', 'p-expired')],
  ['applyOtt unknown token', '4014904', () => applyOttWire('no-such-token', 'p-2')],
  ['applyOtt abnormal user', '4034905', () => applyOttWire('demo-token-abnormal', 'p-abnormal')],
  [
    'applyOtt scripted do-not-honor',
    '4034905',
    () => applyOttWire('demo-token-active', 'p-7', { headers: scenario('do-not-honor') }),
  ],
  ['applyOtt reused X-EXTERNAL-ID', '4094900', () => applyOttWire('demo-token-active', 'p-1')],
  ['applyOtt over the OTT limit', '4294900', () => applyOttWire('demo-token-rate-limited', 'p-rate')],
  ['applyOtt general error', '5004900', () => applyOttWire('demo-token-general-error', 'p-general')],
  ['applyOtt internal error', '5004901', () => applyOttWire('demo-token-internal-error', 'p-internal')],
  // Transport faults
  [
    'fault malformed-json',
    '(cut JSON)',
    () => applyOttWire('demo-token-active', 'p-cut', { headers: scenario('malformed-json') }),
  ],
  [
    'fault empty-response',
    '(empty)',
    () => applyOttWire('demo-token-active', 'p-8', { headers: scenario('empty-response') }),
  ],
  [
    'fault timeout (short configured delay)',
    '2004900',
    () => applyOttWire('demo-token-active', 'p-slow', { headers: scenario('timeout') }),
  ],
  [
    'fault connection-reset',
    '(network error)',
    () => applyOttWire('demo-token-active', 'p-reset', { headers: scenario('connection-reset') }),
  ],
  // Routing
  ['unknown path', '4040002', () => ({ method: 'POST', path: '/rest/v1.1/qr/nothing', headers: {}, body: '{}' })],
  ['wrong method', '4054900', () => ({ method: 'GET', path: '/rest/v1.1/qr/apply-ott', headers: {} })],
  // B2B access token
  ['b2bAccessToken success', '2007300', () => tokenWire()],
  ['b2bAccessToken unparsable JSON', '4007300', () => tokenWire(undefined, '{"grantType":')],
  ['b2bAccessToken invalid grantType', '4007301', () => tokenWire(undefined, '{"grantType":"password"}')],
  [
    'b2bAccessToken invalid X-TIMESTAMP format',
    '4007301',
    () => tokenWire(undefined, undefined, { headers: { 'x-timestamp': 'yesterday' } }),
  ],
  ['b2bAccessToken missing grantType', '4007302', () => tokenWire(undefined, '{}')],
  [
    'b2bAccessToken missing X-TIMESTAMP',
    '4007302',
    () => tokenWire(undefined, undefined, { headers: { 'x-timestamp': undefined } }),
  ],
  ['b2bAccessToken unknown client', '4017300', () => tokenWire(undefined, undefined, { clientKey: 'nobody' })],
  ['b2bAccessToken bad signature', '4017300', () => tokenWire(otherPartner.privateKey)],
  // Resend OTP
  ['resendOtp OTP sent', '2008100', (token) => resendOtpWire(token, 'p-12', 'parity-ready')],
  [
    'resendOtp unparsable JSON',
    '4008100',
    (token) => resendOtpWire(token, 'p-r1', 'parity-ready', undefined, { body: '{"journeyId":' }),
  ],
  [
    'resendOtp invalid X-TIMESTAMP format',
    '4008101',
    (token) => resendOtpWire(token, 'p-r2', 'parity-ready', undefined, { headers: { 'x-timestamp': 'yesterday' } }),
  ],
  [
    'resendOtp invalid journeyId format',
    '4008101',
    (token) =>
      resendOtpWire(token, 'p-r3', 'parity-ready', undefined, { body: resendBody('parity-ready', { journeyId: 5 }) }),
  ],
  [
    'resendOtp missing X-EXTERNAL-ID',
    '4008102',
    (token) => resendOtpWire(token, 'p-r4', 'parity-ready', undefined, { headers: { 'x-external-id': undefined } }),
  ],
  [
    'resendOtp missing journeyId',
    '4008102',
    (token) =>
      resendOtpWire(token, 'p-r5', 'parity-ready', undefined, {
        body: resendBody('parity-ready', { journeyId: undefined }),
      }),
  ],
  [
    'resendOtp unknown client',
    '4018100',
    (token) => resendOtpWire(token, 'p-r6', 'parity-ready', undefined, { headers: { 'x-client-key': 'nobody' } }),
  ],
  [
    'resendOtp bad signature',
    '4018100',
    (token) => resendOtpWire(token, 'p-r7', 'parity-ready', undefined, { key: otherPartner.privateKey }),
  ],
  ['resendOtp without a B2B token', '4018101', () => resendOtpWire(undefined, 'p-9', 'parity-journey')],
  ['resendOtp unknown card', '4018104', (token) => resendOtpWire(token, 'p-11', 'parity-journey', 'no-such-card')],
  ['resendOtp within a minute of the last OTP', '4038113', (token) => resendOtpWire(token, 'p-10', 'parity-ready')],
  ['resendOtp journey past ten minutes', '4038115', (token) => resendOtpWire(token, 'p-13', 'parity-old')],
  [
    'resendOtp inactive card',
    '4038118',
    (token) => resendOtpWire(token, 'p-r8', 'parity-journey', 'demo-card-inactive'),
  ],
  ['resendOtp unknown journey', '4048107', (token) => resendOtpWire(token, 'p-r9', 'no-such-journey')],
  ['resendOtp reused X-EXTERNAL-ID', '4098100', (token) => resendOtpWire(token, 'p-12', 'parity-ready')],
  [
    'resendOtp scripted journey-not-found',
    '4048107',
    (token) => resendOtpWire(token, 'p-r10', 'parity-journey', undefined, { headers: scenario('journey-not-found') }),
  ],
  // pushNotificationUser (always HTTP 200, signed)
  ['push success', 'SUCCESS', () => pushWire('m-1')],
  ['push unparsable', 'MSG_PARSE_ERROR', () => pushWire('m-4', { raw: '{"request":' })],
  ['push gzipped body', 'MSG_PARSE_ERROR', () => asBytes(pushWire('m-gzip'), gzipped, { 'content-encoding': 'gzip' })],
  ['push missing accessToken', 'PARAM_MISSING', () => pushWire('m-7', { head: { accessToken: undefined } })],
  ['push invalid reqTime', 'PARAM_ILLEGAL', () => pushWire('m-9', { head: { reqTime: 'yesterday' } })],
  ['push unknown clientId', 'KEY_NO_FOUND', () => pushWire('m-10', { head: { clientId: 'nobody' } })],
  ['push bad signature', 'INVALID_SIGNATURE', () => pushWire('m-2', { key: otherPartner.privateKey })],
  [
    'push wrong function',
    'FUNCTION_NOT_MATCH',
    () => pushWire('m-11', { head: { function: 'dana.acquiring.order.pay' } }),
  ],
  ['push wrong clientSecret', 'OAUTH_FAILED', () => pushWire('m-6', { head: { clientSecret: 'wrong' } })],
  ['push wrong method', 'INVALID_API', () => ({ ...pushWire('m-12'), method: 'GET', body: undefined })],
  ['push unknown Open API path', 'NO_INTERFACE_DEF', () => ({ ...pushWire('m-5'), path: '/v1/payments/nothing' })],
  ['push unknown order', 'INVALID_TRANS_ID', () => pushWire('m-3', { acquirementId: 'no-such-order' })],
  [
    "push another merchant's order",
    'MERCHANT_NOT_MATCH',
    () => pushWire('m-13', { acquirementId: 'demo-order-other-merchant' }),
  ],
  ['push second push', 'MORE_THAN_ONCE_INVOKE', () => pushWire('m-8')],
  ['push order that fails', 'SYSTEM_ERROR', () => pushWire('m-14', { acquirementId: 'demo-order-system-error' })],
  [
    'push scripted not-supported-merchant',
    'NOT_SUPPORTED_MERCHANT',
    () => ({
      ...pushWire('m-15'),
      headers: { 'content-type': 'application/json', ...scenario('not-supported-merchant') },
    }),
  ],
];

/** Runs every case in order against a fresh, identically seeded sandbox. */
async function runAll(sandbox: Sandbox, send: Send): Promise<WireResponse[]> {
  sandbox.control.createFixtures('journeys', [
    { journeyId: 'parity-journey', orderId: 'order-parity-journey', bankCardToken: 'demo-card-active' },
    {
      journeyId: 'parity-ready',
      orderId: 'order-parity-ready',
      bankCardToken: 'demo-card-active',
      createdAt: '2026-11-22T09:55:00+07:00',
    },
    {
      journeyId: 'parity-old',
      orderId: 'order-parity-old',
      bankCardToken: 'demo-card-active',
      createdAt: '2026-11-22T09:45:00+07:00',
    },
  ]);
  const out: WireResponse[] = [];
  let token = '';
  for (const [name, , build] of cases) {
    // X-Debug-Mode: the reasons must be the same bytes too.
    const wire = build(token);
    const res = await send({ ...wire, headers: { ...wire.headers, 'x-debug-mode': 'true' } });
    if (name.startsWith('b2bAccessToken success')) token = JSON.parse(res.body).accessToken;
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
const sandboxes: Sandbox[] = [];
beforeAll(async () => {
  const [a, b] = [await createTestSandbox({ timeoutDelayMs: 20 }), await createTestSandbox({ timeoutDelayMs: 20 })];
  sandboxes.push(a, b);
  http = await runAll(a, overHttp(a));
  const server = setupServer(...createDanaHandlers(b));
  server.listen({ onUnhandledRequest: 'bypass' });
  try {
    msw = await runAll(b, overMsw);
  } finally {
    server.close();
  }
});
afterAll(() => Promise.all(sandboxes.map((s) => s.close())));

describe('HTTP and MSW parity', () => {
  it.each(cases.map(([name, code], i) => ({ name, code, i })))(
    '$name answers $code, the same bytes over HTTP and MSW',
    ({ code, i }) => {
      expect(wireCode(http[i])).toBe(code);
      expect(msw[i]).toEqual(http[i]);
    },
  );
});
