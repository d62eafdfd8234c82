import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import type { Sandbox } from '../../server/sandbox.js';
import { admin } from '../support/admin.js';
import { pushBody, pushHead, pushPath } from '../endpoints/pushNotificationUser.requests.js';
import { resendOtpPath } from '../endpoints/resendOtp.requests.js';
import { tokenPath } from '../endpoints/b2bAccessToken.requests.js';
import { demoPartner } from '../support/partners.js';
import { createTestSandbox } from '../support/testSandbox.js';

const applyOttPath = '/rest/v1.1/qr/apply-ott';
let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await createTestSandbox();
});
afterEach(() => sandbox.close());

/** Asks the helper to sign, then sends exactly what it returned plus the caller's own headers, as the Postman script does. */
async function sendSigned(path: string, body: string, ownHeaders: Record<string, string> = {}, session?: string) {
  const signed = await admin(sandbox, 'POST', '/sign', { partnerId: demoPartner.partnerId, path, body }, session);
  expect(signed.status).toBe(200);
  const headers = Object.fromEntries(
    Object.entries({ 'content-type': 'application/json', ...ownHeaders, ...signed.body.headers }).map(([k, v]) => [
      k.toLowerCase(),
      v as string,
    ]),
  );
  if (session) headers['x-mock-session'] = session;
  const response = await sandbox.handle({ method: 'POST', path, search: '', headers, rawBody: signed.body.body });
  return { signed: signed.body, response, json: JSON.parse(response.body) };
}

describe('the /__admin/sign signing helper', () => {
  test('signs an Apply OTT request so the gateway checks pass and an OTT is issued', async () => {
    const body = JSON.stringify(
      { userResources: ['OTT'], additionalInfo: { accessToken: 'demo-token-active' } },
      null,
      2,
    );
    const { signed, json } = await sendSigned(applyOttPath, body, {
      'Authorization-Customer': 'Bearer demo-token-active',
      'CHANNEL-ID': '95221',
      'X-DEVICE-ID': 'postman',
    });
    expect(json.responseCode).toBe('2004900');
    expect(signed.headers['X-PARTNER-ID']).toBe(demoPartner.partnerId);
    expect(signed.body).toBe(body);
    expect(signed.signedText).toMatch(/^POST:\/rest\/v1\.1\/qr\/apply-ott:[0-9a-f]{64}:2026-11-22T10:00:00\+07:00$/);
  });

  test('gives every signed SNAP request a fresh X-EXTERNAL-ID, so repeated sends never trip the replay check', async () => {
    const body = JSON.stringify({ userResources: ['OTT'], additionalInfo: { accessToken: 'demo-token-active' } });
    const own = {
      'Authorization-Customer': 'Bearer demo-token-active',
      'CHANNEL-ID': '95221',
      'X-DEVICE-ID': 'postman',
    };
    const first = await sendSigned(applyOttPath, body, own);
    const second = await sendSigned(applyOttPath, body, own);
    expect(second.signed.headers['X-EXTERNAL-ID']).not.toBe(first.signed.headers['X-EXTERNAL-ID']);
    expect(second.json.responseCode).toBe('2004900');
  });

  test('signs a B2B access-token request over X-CLIENT-KEY|X-TIMESTAMP and the token then opens Resend OTP', async () => {
    const token = await sendSigned(tokenPath, JSON.stringify({ grantType: 'client_credentials' }));
    expect(token.json.responseCode).toBe('2007300');
    expect(token.signed.signedText).toBe(`${demoPartner.partnerId}|2026-11-22T10:00:00+07:00`);
    await admin(sandbox, 'POST', '/fixtures/journeys', {
      journeyId: 'j-sign',
      orderId: 'o-sign',
      bankCardToken: 'demo-card-active',
    });
    const otp = JSON.stringify({
      journeyId: 'j-sign',
      bankCardToken: 'demo-card-active',
      merchantId: demoPartner.merchantId,
      additionalInfo: { orderId: 'o-sign' },
    });
    const resend = await sendSigned(resendOtpPath, otp, {
      Authorization: `Bearer ${token.json.accessToken}`,
      'CHANNEL-ID': '95221',
    });
    expect(resend.json.responseCode).toBe('4038113');
  });

  test('signs the request member of a pretty-printed envelope byte for byte and the push succeeds', async () => {
    const draft = JSON.stringify({ request: { head: pushHead(), body: pushBody() } }, null, 2);
    const { signed, json } = await sendSigned(pushPath, draft);
    expect(json.response.body.resultInfo.resultCode).toBe('SUCCESS');
    expect(signed.signedText).toContain('\n');
    expect(signed.body.startsWith(`{"request":${signed.signedText},"signature":"`)).toBe(true);
  });

  test('stamps X-TIMESTAMP from the sandbox clock of the session', async () => {
    await admin(sandbox, 'POST', '/clock/advance', { minutes: 90 }, 'signer');
    const signed = await admin(
      sandbox,
      'POST',
      '/sign',
      { partnerId: demoPartner.partnerId, path: tokenPath, body: '{}' },
      'signer',
    );
    expect(signed.body.headers['X-TIMESTAMP']).toBe('2026-11-22T11:30:00+07:00');
  });

  test('never signs for a partner registered with only its public key (403)', async () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await admin(sandbox, 'POST', '/keys/partners', {
      partnerId: 'public-only',
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    });
    const signed = await admin(sandbox, 'POST', '/sign', { partnerId: 'public-only', path: applyOttPath, body: '{}' });
    expect(signed.status).toBe(403);
    expect(signed.body.error.message).toContain('only the public key of partner public-only');
  });

  test('can be switched off, and then answers 404 and no partner shows it', async () => {
    await sandbox.close();
    sandbox = await createTestSandbox({ signingHelper: false });
    const signed = await admin(sandbox, 'POST', '/sign', {
      partnerId: demoPartner.partnerId,
      path: applyOttPath,
      body: '{}',
    });
    expect(signed.status).toBe(404);
    expect(signed.body.error.message).toContain('switched off');
    const partners = await admin(sandbox, 'GET', '/keys/partners');
    expect(partners.body.partners.every((p: { signingHelper: boolean }) => p.signingHelper === false)).toBe(true);
  });

  test('explains an unknown partner, a path no endpoint serves, an unsignable envelope and a malformed ask', async () => {
    const unknown = await admin(sandbox, 'POST', '/sign', { partnerId: 'nobody', path: applyOttPath });
    expect([unknown.status, unknown.body.error.message]).toEqual([404, expect.stringContaining('No partner "nobody"')]);
    const unrouted = await admin(sandbox, 'POST', '/sign', {
      partnerId: demoPartner.partnerId,
      path: '/rest/v9/nothing',
    });
    expect([unrouted.status, unrouted.body.error.message]).toEqual([
      404,
      expect.stringContaining('No emulated endpoint at /rest/v9/nothing'),
    ]);
    const notJson = await admin(sandbox, 'POST', '/sign', {
      partnerId: demoPartner.partnerId,
      path: pushPath,
      body: '{"request":',
    });
    expect([notJson.status, notJson.body.error.message]).toEqual([
      400,
      expect.stringContaining('Cannot sign this pushNotificationUser request: the body is not JSON'),
    ]);
    const noPath = await admin(sandbox, 'POST', '/sign', { partnerId: demoPartner.partnerId });
    expect([noPath.status, noPath.body.error.message]).toEqual([400, expect.stringContaining('path')]);
  });
});
