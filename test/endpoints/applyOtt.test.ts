import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sandbox } from '../../server/sandbox.js';
import { snapCases, snapResponseMessage } from '../../server/protocols/snap/snapCases.js';
import { demoPartner, otherPartner } from '../support/partners.js';
import { sendApplyOtt } from './applyOtt.requests.js';
import { createTestSandbox, fixedNow } from '../support/testSandbox.js';
import { internalsOf } from '../../server/internals.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

describe('Apply OTT', () => {
  it('answers 2004900 with a fresh OTT for an active customer token', async () => {
    const first = await sendApplyOtt(sandbox.app, 'demo-token-active');
    const second = await sendApplyOtt(sandbox.app, 'demo-token-active');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      responseCode: '2004900',
      responseMessage: snapCases.successful.message,
      additionalInfo: {},
    });
    expect(first.body.userResources).toEqual([{ resourceType: 'OTT', value: expect.any(String) }]);
    expect(second.body.userResources[0].value).not.toBe(first.body.userResources[0].value);
  });

  it('stores each issued OTT with its customer and an expiry', async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active');
    const ott = internalsOf(sandbox).store.get('otts', res.body.userResources[0].value);
    expect(ott).toMatchObject({
      customerId: 'cust-active',
      tokenValue: 'demo-token-active',
      partnerId: demoPartner.partnerId,
    });
    expect(Date.parse(ott!.expiresAt)).toBeGreaterThan(fixedNow);
  });

  it('validates every success against schemas/applyOtt/response.json', async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active');
    expect(internalsOf(sandbox).endpoints.get('applyOtt')!.validators.response(res.body)).toBe(true);
  });

  it('accepts Authorization-Customer without the Bearer prefix', async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      headers: { 'Authorization-Customer': 'demo-token-active' },
    });
    expect(res.body.responseCode).toBe('2004900');
  });

  it.each([
    ['an unknown token', 'no-such-token', 401, '4014904', snapCases.customerTokenNotFound.message],
    ['an expired token', 'demo-token-expired', 401, '4014902', snapCases.invalidCustomerToken.message],
    ['a revoked token', 'demo-token-revoked', 401, '4014902', snapCases.invalidCustomerToken.message],
    ['a customer with abnormal status', 'demo-token-abnormal', 403, '4034905', snapCases.doNotHonor.message],
    ['a customer over the OTT limit', 'demo-token-rate-limited', 429, '4294900', snapCases.tooManyRequests.message],
    ['a customer hitting a general error', 'demo-token-general-error', 500, '5004900', snapCases.generalError.message],
    [
      'a customer hitting an internal error',
      'demo-token-internal-error',
      500,
      '5004901',
      snapCases.internalServerError.message,
    ],
  ])('answers %s with its seed code and the matching HTTP status', async (_what, token, status, code, message) => {
    const res = await sendApplyOtt(sandbox.app, token);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ responseCode: code, responseMessage: message });
  });

  it('answers 4004901 naming additionalInfo.accessToken when it differs from Authorization-Customer', async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      body: { userResources: ['OTT'], additionalInfo: { accessToken: 'demo-token-expired' } },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      responseCode: '4004901',
      responseMessage: snapResponseMessage('invalidFieldFormat', 'additionalInfo.accessToken'),
    });
  });

  it.each(['Bearer', 'bearer'])(
    'answers 4004902 naming Authorization-Customer when it is %j without a token',
    async (value) => {
      const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
        headers: { 'Authorization-Customer': value, 'X-Debug-Mode': 'true' },
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        responseCode: '4004902',
        responseMessage: snapResponseMessage('invalidMandatoryField', 'Authorization-Customer'),
      });
      expect(res.body.additionalInfo.debugMessage).toContain('no customer token');
    },
  );

  it('reports Authorization-Customer without a token with the headers, before the signature', async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      headers: { 'Authorization-Customer': 'Bearer' },
      key: otherPartner.privateKey,
    });
    expect(res.body.responseCode).toBe('4004902');
  });

  it('reports the token mismatch before the replay check: a reused X-EXTERNAL-ID with a mismatched body is 4004901', async () => {
    const headers = { 'X-EXTERNAL-ID': 'ext-mismatch-then-replay', 'X-Mock-Session': 'mismatch-replay' };
    expect((await sendApplyOtt(sandbox.app, 'demo-token-active', { headers })).body.responseCode).toBe('2004900');
    const mismatched = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      headers,
      body: { userResources: ['OTT'], additionalInfo: { accessToken: 'demo-token-expired' } },
    });
    expect(mismatched.body.responseCode).toBe('4004901');
    expect((await sendApplyOtt(sandbox.app, 'demo-token-active', { headers })).body.responseCode).toBe('4094900');
  });

  it('reports the token mismatch before a scripted X-Mock-Scenario answer', async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      headers: { 'X-Mock-Scenario': 'ott-issued' },
      body: { userResources: ['OTT'], additionalInfo: { accessToken: 'demo-token-expired' } },
    });
    expect(res.body).toEqual({
      responseCode: '4004901',
      responseMessage: snapResponseMessage('invalidFieldFormat', 'additionalInfo.accessToken'),
    });
  });

  it('answers 4014902 when the token was issued to another partner', async () => {
    await sandbox.handle({
      method: 'POST',
      path: '/__admin/fixtures/customerTokens',
      search: '',
      headers: {},
      rawBody: JSON.stringify({
        value: 'token-of-other-partner',
        customerId: 'cust-active',
        expiresAt: '2099-01-01T00:00:00+07:00',
        partnerId: otherPartner.partnerId,
      }),
    });
    const res = await sendApplyOtt(sandbox.app, 'token-of-other-partner');
    expect(res.body.responseCode).toBe('4014902');
  });

  it('lets a customer get OTTs again once the sandbox minute has passed', async () => {
    await sandbox.handle({
      method: 'POST',
      path: '/__admin/fixtures/customers',
      search: '',
      headers: {},
      rawBody: JSON.stringify({
        id: 'cust-two-per-minute',
        phone: '0800000002',
        status: 'ACTIVE',
        ottLimitPerMinute: 2,
      }),
    });
    await sandbox.handle({
      method: 'POST',
      path: '/__admin/fixtures/customerTokens',
      search: '',
      headers: {},
      rawBody: JSON.stringify({
        value: 'token-two-per-minute',
        customerId: 'cust-two-per-minute',
        expiresAt: '2099-01-01T00:00:00+07:00',
      }),
    });
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push((await sendApplyOtt(sandbox.app, 'token-two-per-minute')).body.responseCode);
    internalsOf(sandbox).clock.advance(undefined, 60_000);
    codes.push((await sendApplyOtt(sandbox.app, 'token-two-per-minute')).body.responseCode);
    internalsOf(sandbox).clock.reset();
    expect(codes).toEqual(['2004900', '2004900', '4294900', '2004900']);
  });
});
