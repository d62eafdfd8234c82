import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { snapCases, snapResponseMessage } from '../../server/protocols/snap/snapCases.js';
import type { Sandbox } from '../../server/sandbox.js';
import { bncTokenPath, sendTokenRequest } from './b2bAccessToken.requests.js';
import { demoPartner, otherPartner } from '../support/partners.js';
import { signSnap, testTimestamp } from '../support/snapRequest.js';
import { createTestSandbox, fixedNow } from '../support/testSandbox.js';
import { internalsOf } from '../../server/internals.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

const expectCode = (res: { status: number; body: any }, status: number, code: string, message: string) => {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ responseCode: code, responseMessage: message });
};

describe('B2B access token', () => {
  it('answers 2007300 with a Bearer token, expiresIn "900" and the X-CLIENT-KEY response header', async () => {
    const res = await sendTokenRequest(sandbox.app);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      responseCode: '2007300',
      responseMessage: snapCases.successful.message,
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: '900',
      additionalInfo: {},
    });
    expect(res.headers['x-client-key']).toBe(demoPartner.partnerId);
    expect(res.headers['x-timestamp']).toMatch(/\+07:00$/);
  });

  it('issues a token that fits the 163-character Authorization header of the Resend OTP seed', async () => {
    const { body } = await sendTokenRequest(sandbox.app);
    expect(`Bearer ${body.accessToken}`).toHaveLength(163);
  });

  it('stores each token for its client, expiring 900 s after the sandbox clock, in the session that asked', async () => {
    const { body } = await sendTokenRequest(sandbox.app, { session: 'token-store' });
    expect(internalsOf(sandbox).store.get('b2bTokens', body.accessToken, 'token-store')).toEqual({
      value: body.accessToken,
      clientKey: demoPartner.partnerId,
      issuedAt: new Date(fixedNow).toISOString(),
      expiresAt: new Date(fixedNow + 900_000).toISOString(),
    });
    expect(internalsOf(sandbox).store.get('b2bTokens', body.accessToken)).toBeUndefined();
  });

  it('issues a new token on every call', async () => {
    const a = await sendTokenRequest(sandbox.app);
    const b = await sendTokenRequest(sandbox.app);
    expect(a.body.accessToken).not.toBe(b.body.accessToken);
  });

  it('leaves X-EXTERNAL-ID alone: the token request has none, so a repeated one is no conflict', async () => {
    const headers = { 'X-EXTERNAL-ID': 'token-ext-1' };
    expect((await sendTokenRequest(sandbox.app, { headers })).body.responseCode).toBe('2007300');
    expect((await sendTokenRequest(sandbox.app, { headers })).body.responseCode).toBe('2007300');
  });

  it("answers the same at Bank Neo Commerce's path /open/bi/1.0.0/get/token", async () => {
    expect((await sendTokenRequest(sandbox.app, { path: bncTokenPath })).body.responseCode).toBe('2007300');
  });

  it("accepts BNC's grant_type spelling", async () => {
    expect(
      (await sendTokenRequest(sandbox.app, { body: { grant_type: 'client_credentials' } })).body.responseCode,
    ).toBe('2007300');
  });

  it('takes expiresIn from the configured token lifetime', async () => {
    const short = await createTestSandbox({ b2bTokenTtlSeconds: 60 });
    expect((await sendTokenRequest(short.app)).body.expiresIn).toBe('60');
    await short.close();
  });

  it('validates every success against schemas/b2bAccessToken/response.json', async () => {
    const res = await sendTokenRequest(sandbox.app);
    expect(internalsOf(sandbox).endpoints.get('b2bAccessToken')!.validators.response(res.body)).toBe(true);
  });

  it('answers 4007302 naming grantType when the body has no grant type', async () => {
    expectCode(
      await sendTokenRequest(sandbox.app, { body: {} }),
      400,
      '4007302',
      snapResponseMessage('invalidMandatoryField', 'grantType'),
    );
  });

  it('answers 4007301 naming grantType when it is not client_credentials', async () => {
    expectCode(
      await sendTokenRequest(sandbox.app, { body: { grantType: 'authorization_code' } }),
      400,
      '4007301',
      snapResponseMessage('invalidFieldFormat', 'grantType'),
    );
  });

  it('answers 4007300 when the body is not JSON', async () => {
    expectCode(
      await sendTokenRequest(sandbox.app, { body: 'grantType=client_credentials' }),
      400,
      '4007300',
      snapCases.badRequest.message,
    );
  });

  it.each(['X-TIMESTAMP', 'X-CLIENT-KEY', 'X-SIGNATURE'])(
    'answers 4007302 naming %s when it is missing',
    async (header) => {
      expectCode(
        await sendTokenRequest(sandbox.app, { headers: { [header]: undefined } }),
        400,
        '4007302',
        snapResponseMessage('invalidMandatoryField', header),
      );
    },
  );

  it('reports X-CLIENT-KEY before X-SIGNATURE when both are missing', async () => {
    const res = await sendTokenRequest(sandbox.app, {
      headers: { 'X-CLIENT-KEY': undefined, 'X-SIGNATURE': undefined },
    });
    expect(res.body.responseMessage).toBe(snapResponseMessage('invalidMandatoryField', 'X-CLIENT-KEY'));
  });

  it('answers 4017300 Unauthorized. Unknown Client for an unregistered X-CLIENT-KEY', async () => {
    expectCode(
      await sendTokenRequest(sandbox.app, { clientKey: '2026112299999999999999' }),
      401,
      '4017300',
      snapResponseMessage('unauthorized', 'Unknown Client'),
    );
  });

  it('answers 4017300 Unauthorized. Invalid Signature when another key signed', async () => {
    expectCode(
      await sendTokenRequest(sandbox.app, { key: otherPartner.privateKey }),
      401,
      '4017300',
      snapResponseMessage('unauthorized', 'Invalid Signature'),
    );
  });

  it('answers 4017300 Unauthorized. Invalid Signature for a transaction-style signature instead of clientKey|timestamp', async () => {
    const body = JSON.stringify({ grantType: 'client_credentials' });
    const res = await sendTokenRequest(sandbox.app, {
      body,
      headers: { 'X-SIGNATURE': signSnap('POST', '/v1.0/access-token/b2b', body, testTimestamp) },
    });
    expectCode(res, 401, '4017300', snapResponseMessage('unauthorized', 'Invalid Signature'));
  });

  it('checks the signature before the body', async () => {
    expect((await sendTokenRequest(sandbox.app, { key: otherPartner.privateKey, body: {} })).body.responseCode).toBe(
      '4017300',
    );
  });

  it('answers the token-issued scenario without storing a token', async () => {
    const res = await sendTokenRequest(sandbox.app, { headers: { 'X-Mock-Scenario': 'token-issued' } });
    expect(res.body).toMatchObject({ responseCode: '2007300', tokenType: 'Bearer', expiresIn: '900' });
    expect(internalsOf(sandbox).store.get('b2bTokens', res.body.accessToken)).toBeUndefined();
  });
});
