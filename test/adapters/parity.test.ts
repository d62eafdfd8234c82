import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { createDanaHandlers } from '../../server/adapters/msw.js';
import type { Sandbox } from '../../server/sandbox.js';
import { otherPartner } from '../support/partners.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { applyOttWire, pushWire, resendOtpWire, tokenWire, type WireRequest } from '../support/wireRequests.js';

interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}
type Send = (wire: WireRequest) => Promise<WireResponse>;
/** Added by the transport, not by the sandbox. */
const transportHeaders = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
const keep = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([n]) => !transportHeaders.has(n.toLowerCase())));

/** One case per row: what it is, and its request (which may use the B2B token an earlier row got). */
const cases: [string, (token: string) => WireRequest][] = [
  ['applyOtt success', () => applyOttWire('demo-token-active', 'p-1')],
  ['applyOtt unknown token (4014904)', () => applyOttWire('no-such-token', 'p-2')],
  ['applyOtt invalid format (4004901)', () => applyOttWire('demo-token-active', 'p-3', { body: { userResources: ['OTTasd!#$'], additionalInfo: { accessToken: 'demo-token-active' } } })],
  ['applyOtt missing header (4004902)', () => applyOttWire('demo-token-active', 'p-4', { headers: { 'x-device-id': undefined } })],
  ['applyOtt bad signature (4014900)', () => applyOttWire('demo-token-active', 'p-5', { key: otherPartner.privateKey })],
  ['applyOtt unparsable JSON (4004900)', () => applyOttWire('demo-token-active', 'p-6', { body: '{"userResources":' })],
  ['applyOtt reused X-EXTERNAL-ID (4094900)', () => applyOttWire('demo-token-active', 'p-1')],
  ['applyOtt scripted do-not-honor (4034905)', () => applyOttWire('demo-token-active', 'p-7', { headers: { 'x-mock-scenario': 'do-not-honor' } })],
  ['applyOtt fault empty-response', () => applyOttWire('demo-token-active', 'p-8', { headers: { 'x-mock-scenario': 'empty-response' } })],
  ['unknown path (4040002)', () => ({ method: 'POST', path: '/rest/v1.1/qr/nothing', headers: {}, body: '{}' })],
  ['wrong method (4054900)', () => ({ method: 'GET', path: '/rest/v1.1/qr/apply-ott', headers: {} })],
  ['b2bAccessToken success (2007300)', () => tokenWire()],
  ['b2bAccessToken bad signature (4017300)', () => tokenWire(otherPartner.privateKey)],
  ['b2bAccessToken missing grantType (4007302)', () => tokenWire(undefined, '{}')],
  ['resendOtp without a B2B token (4018101)', () => resendOtpWire(undefined, 'p-9', 'parity-journey')],
  ['resendOtp within a minute of the last OTP (4038113)', (token) => resendOtpWire(token, 'p-10', 'parity-journey')],
  ['resendOtp unknown card (4018104)', (token) => resendOtpWire(token, 'p-11', 'parity-journey', 'no-such-card')],
  ['resendOtp OTP sent (2008100)', (token) => resendOtpWire(token, 'p-12', 'parity-ready')],
  ['resendOtp journey past ten minutes (4038115)', (token) => resendOtpWire(token, 'p-13', 'parity-old')],
  ['pushNotificationUser success', () => pushWire('m-1')],
  ['pushNotificationUser bad signature', () => pushWire('m-2', { key: otherPartner.privateKey })],
  ['pushNotificationUser unknown order', () => pushWire('m-3', { acquirementId: 'no-such-order' })],
  ['pushNotificationUser unparsable', () => pushWire('m-4', { raw: '{"request":' })],
  ['pushNotificationUser wrong clientSecret (OAUTH_FAILED)', () => pushWire('m-6', { head: { clientSecret: 'wrong' } })],
  ['pushNotificationUser missing accessToken (PARAM_MISSING)', () => pushWire('m-7', { head: { accessToken: undefined } })],
  ['pushNotificationUser second push (MORE_THAN_ONCE_INVOKE)', () => pushWire('m-8')],
  ['unknown Open API path (NO_INTERFACE_DEF)', () => ({ ...pushWire('m-5'), path: '/v1/payments/nothing' })],
];

/** Runs every case in order against a fresh, identically seeded sandbox. */
async function runAll(sandbox: Sandbox, send: Send): Promise<WireResponse[]> {
  sandbox.control.createFixtures('journeys', [
    { journeyId: 'parity-journey', orderId: 'order-parity-journey', bankCardToken: 'demo-card-active' },
    { journeyId: 'parity-ready', orderId: 'order-parity-ready', bankCardToken: 'demo-card-active', createdAt: '2026-11-22T09:55:00+07:00' },
    { journeyId: 'parity-old', orderId: 'order-parity-old', bankCardToken: 'demo-card-active', createdAt: '2026-11-22T09:45:00+07:00' },
  ]);
  const out: WireResponse[] = [];
  let token = '';
  for (const [name, build] of cases) {
    const res = await send(build(token));
    if (name.startsWith('b2bAccessToken success')) token = JSON.parse(res.body).accessToken;
    out.push({ ...res, headers: keep(res.headers) });
  }
  return out;
}

const overHttp = (sandbox: Sandbox): Send => async (wire) => {
  let test = request(sandbox.app)[wire.method.toLowerCase() as 'post'](wire.path);
  for (const [n, v] of Object.entries(wire.headers)) test = test.set(n, v);
  const res = await (wire.body === undefined ? test : test.send(wire.body)).buffer(true).parse((r, done) => {
    let text = '';
    r.on('data', (c: Buffer) => (text += c));
    r.on('end', () => done(null, text));
  });
  return { status: res.status, headers: res.headers as Record<string, string>, body: res.body as string };
};

const overMsw: Send = async (wire) => {
  const res = await fetch(`https://api.sandbox.dana.id${wire.path}`, { method: wire.method, headers: wire.headers, body: wire.body });
  return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
};

let http: WireResponse[];
let msw: WireResponse[];
const sandboxes: Sandbox[] = [];
beforeAll(async () => {
  const [a, b] = [await createTestSandbox(), await createTestSandbox()];
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
  it.each(cases.map(([name], i) => ({ name, i })))('$name answers the same bytes over HTTP and MSW', ({ i }) => {
    expect(msw[i]).toEqual(http[i]);
  });

  it('exercises a success and errors on every endpoint', () => {
    const codes = http.map((r) => /"(?:responseCode|resultCode)":"([^"]+)"/.exec(r.body)?.[1]);
    expect(codes).toEqual(expect.arrayContaining(['2004900', '4014904', '4004901', '4004902', '4014900', '4004900', '4094900', '4034905', '4040002', '4054900', '2007300', '4017300', '4018101', '4038113', '4018104', 'SUCCESS', 'INVALID_SIGNATURE', 'INVALID_TRANS_ID', 'MSG_PARSE_ERROR', 'NO_INTERFACE_DEF', '4007302', '2008100', '4038115', 'OAUTH_FAILED', 'PARAM_MISSING', 'MORE_THAN_ONCE_INVOKE']));
  });
});
