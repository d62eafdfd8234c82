import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPublicKey } from 'node:crypto';
import { connect } from 'node:net';
import { verifyRsaSha256 } from '../../server/core/rsa.js';
import { extractRawMember } from '../../server/protocols/envelope/extractRawMember.js';
import type { Sandbox } from '../../server/sandbox.js';
import { admin } from '../support/admin.js';
import { buildEnvelope, pushPath } from '../endpoints/pushNotificationUser.requests.js';
import { danaPublicKeyPem } from '../support/partners.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { applyOttWire } from '../endpoints/applyOtt.requests.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { internalsOf } from '../../server/internals.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

/** Sends raw bytes over TCP and resolves with everything the server wrote back. */
function sendRawHttp(url: string, text: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

/** The body of a raw HTTP answer, parsed. */
const bodyOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));

let served: Promise<{ url: string }> | undefined;
/** The shared sandbox over a real socket on a free port, started once. */
const listening = () => (served ??= sandbox.listen(0));

describe('a sandbox that is hard to break', () => {
  it('answers 4004900 with X-TIMESTAMP when Node refuses an Apply OTT before Express (headers over 16 KB), saying why', async () => {
    const { url } = await listening();
    const answer = await sendRawHttp(
      url,
      `POST /rest/v1.1/qr/apply-ott HTTP/1.1\r\nHost: x\r\nX-Debug-Mode: true\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer.startsWith('HTTP/1.1 400 Bad Request\r\n')).toBe(true);
    expect(answer).toMatch(/\r\nx-timestamp: 2026-11-22T10:00:00\+07:00\r\n/);
    expect(bodyOf(answer)).toMatchObject({
      responseCode: '4004900',
      additionalInfo: { debugMessage: expect.stringContaining('16 KB') },
    });
  });

  it('answers the signed envelope MSG_PARSE_ERROR with HTTP 200 when Node refuses a push before Express (Content-Length: abc)', async () => {
    const { url } = await listening();
    const answer = await sendRawHttp(
      url,
      `POST ${pushPath} HTTP/1.1\r\nHost: x\r\nX-Debug-Mode: true\r\nContent-Length: abc\r\n\r\n{}`,
    );
    expect(answer.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
    const body = bodyOf(answer);
    expect(body.response.body).toMatchObject({
      resultInfo: { resultCode: 'MSG_PARSE_ERROR' },
      additionalInfo: { debugMessage: expect.stringContaining('not valid HTTP') },
    });
    expect(
      verifyRsaSha256(
        extractRawMember(answer.slice(answer.indexOf('\r\n\r\n') + 4), 'response')!,
        body.signature,
        createPublicKey(danaPublicKeyPem),
      ),
    ).toBe(true);
  });

  it("answers SNAP's 4000000 when Node cannot even read the request line", async () => {
    const { url } = await listening();
    const answer = await sendRawHttp(url, 'POST /rest/v1.1/qr/apply-ott HTTP/9\r\n\r\n');
    expect(answer.startsWith('HTTP/1.1 400 Bad Request\r\n')).toBe(true);
    expect(bodyOf(answer)).toMatchObject({ responseCode: '4000000' });
  });

  it('answers an HTTP/1.1 request without a Host header', async () => {
    const { url } = await listening();
    const answer = await sendRawHttp(url, 'GET /__admin/health HTTP/1.1\r\nConnection: close\r\n\r\n');
    expect(answer.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
    expect(bodyOf(answer)).toMatchObject({ status: 'ok' });
  });

  it('routes an absolute-form request target on its path, and checks the signature over that path', async () => {
    const { url } = await listening();
    const wire = applyOttWire('demo-token-active', 'absolute-form');
    const head = Object.entries({
      ...wire.headers,
      'content-length': String(Buffer.byteLength(wire.body!)),
      connection: 'close',
    })
      .map(([n, v]) => `${n}: ${v}\r\n`)
      .join('');
    const answer = await sendRawHttp(
      url,
      `POST http://gw.partner.test${wire.path} HTTP/1.1\r\n${head}\r\n${wire.body}`,
    );
    expect(bodyOf(answer)).toMatchObject({ responseCode: '2004900' });
  });

  it("answers in the path's own protocol when the pipeline itself fails, never with a crash", async () => {
    const broken = await createTestSandbox();
    internalsOf(broken).store.put('clocks', 'clock', { offsetMs: Number.NaN });
    const snap = await broken.handle({
      method: 'POST',
      path: '/rest/v1.1/qr/apply-ott',
      search: '',
      headers: {},
      rawBody: '{}',
    });
    expect([snap.status, JSON.parse(snap.body).responseCode, snap.headers['x-timestamp']]).toEqual([
      500,
      '5004900',
      expect.stringMatching(/\+07:00$/),
    ]);
    const envelope = await broken.handle({
      method: 'POST',
      path: pushPath,
      search: '',
      headers: {},
      rawBody: buildEnvelope(),
    });
    const parsed = JSON.parse(envelope.body);
    expect([envelope.status, parsed.response.body.resultInfo.resultCode]).toEqual([200, 'SYSTEM_ERROR']);
    expect(
      verifyRsaSha256(
        extractRawMember(envelope.body, 'response')!,
        parsed.signature,
        createPublicKey(danaPublicKeyPem),
      ),
    ).toBe(true);
    const control = await broken.handle({
      method: 'GET',
      path: '/__admin/clock',
      search: '',
      headers: {},
      rawBody: '',
    });
    expect([control.status, JSON.parse(control.body).error.message]).toEqual([
      500,
      expect.stringContaining('failed unexpectedly'),
    ]);
    await broken.close();
  });

  it("turns a failure inside an endpoint into its protocol's general error, and journals it", async () => {
    const failing = await createTestSandbox();
    const { store } = internalsOf(failing);
    const get = store.get.bind(store);
    store.get = ((collection: string, id: string, scope?: string) => {
      if (collection === 'notifications') throw new Error('disk on fire');
      return get(collection as never, id, scope);
    }) as typeof store.get;
    const res = await failing.handle({
      method: 'POST',
      path: pushPath,
      search: '',
      headers: { 'content-type': 'application/json' },
      rawBody: buildEnvelope(),
    });
    expect([res.status, JSON.parse(res.body).response.body.resultInfo]).toEqual([
      200,
      expect.objectContaining({ resultStatus: 'U', resultCode: 'SYSTEM_ERROR' }),
    ]);
    expect(failing.control.journal().at(-1)).toMatchObject({
      code: 'SYSTEM_ERROR',
      debug: expect.stringContaining('failed unexpectedly'),
    });
    await failing.close();
  });

  it('refuses a clock set to an instant that does not exist, and keeps answering', async () => {
    const set = await admin(sandbox, 'POST', '/clock/set', { at: '2026-12-31T23:59:60Z' }, 'bad-clock');
    const advance = await admin(sandbox, 'POST', '/clock/advance', { seconds: 1e300 }, 'bad-clock');
    expect([set.status, advance.status]).toEqual([400, 400]);
    expect(set.body.error.message).toContain('real instant');
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { 'X-Mock-Session': 'bad-clock' } });
    expect(res.body.responseCode).toBe('2004900');
  });

  it('refuses to listen twice, so close() never leaves a second server behind', async () => {
    const once = await createTestSandbox();
    await once.listen(0);
    await expect(once.listen(0)).rejects.toThrow('already listening');
    await once.close();
  });

  it('refuses a control path with broken percent-encoding with 400', async () => {
    const res = await admin(sandbox, 'DELETE', '/fixtures/orders/%E0%A4%A');
    expect([res.status, res.body.error.message]).toEqual([400, expect.stringContaining('percent-encoding')]);
  });
});
