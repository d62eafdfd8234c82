import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sandbox } from '../../server/sandbox.js';
import { sendB2b2c } from '../support/snapRequest.js';
import { sendApplyOtt } from './applyOtt.requests.js';
import { pushHead, sendEnvelope } from './pushNotificationUser.requests.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { demoPartner } from '../support/partners.js';
import { loginOnPage } from '../pages/oauthPage.requests.js';
import { accountUnbindingPath } from './accountUnbinding.requests.js';
import { bindCustomer, sendApplyToken } from './applyToken.requests.js';
import { balanceInquiryPath } from './balanceInquiry.requests.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

const balanceOf = (token: string, session?: string, headers: Record<string, string> = {}) =>
  sendB2b2c(
    sandbox.app,
    balanceInquiryPath,
    { balanceTypes: ['BALANCE'], additionalInfo: { accessToken: token, deviceId: 'jest-device' } } as never,
    { session, headers },
  );

const unbind = (token: string, session?: string) =>
  sendB2b2c(
    sandbox.app,
    accountUnbindingPath,
    { merchantId: demoPartner.merchantId, additionalInfo: { accessToken: token, deviceId: 'jest-device' } } as never,
    { session },
  );

const profile = (accessToken: string, userResources: unknown = ['MASK_DANA_ID'], session?: string) =>
  sendEnvelope(sandbox.app, {
    path: '/dana/member/query/queryUserProfile.htm',
    head: pushHead({ function: 'dana.member.query.queryUserProfile', accessToken }),
    body: { userResources },
    session,
  });

describe('the widget binding operations', () => {
  it('renews the tokens with the REFRESH_TOKEN grant, once', async () => {
    const authCode = await loginOnPage(sandbox.app, { session: 'refresh' });
    const first = await sendApplyToken(
      sandbox.app,
      { grantType: 'AUTHORIZATION_CODE', authCode },
      { session: 'refresh' },
    );
    const grant = { grantType: 'REFRESH_TOKEN', refreshToken: first.body.refreshToken };
    const renewed = await sendApplyToken(sandbox.app, grant, { session: 'refresh' });
    expect(renewed.body.responseCode).toBe('2007400');
    expect(renewed.body.accessToken).not.toBe(first.body.accessToken);
    expect((await balanceOf(renewed.body.accessToken, 'refresh')).body.responseCode).toBe('2001100');
    const again = await sendApplyToken(sandbox.app, grant, { session: 'refresh' });
    expect(again.body).toMatchObject({
      responseCode: '4017400',
      responseMessage: 'Unauthorized. Refresh Token Invalid',
    });
  });

  it('answers 4007402 naming refreshToken when the REFRESH_TOKEN grant has none', async () => {
    const res = await sendApplyToken(sandbox.app, { grantType: 'REFRESH_TOKEN', refreshToken: '' });
    expect(res.body).toMatchObject({
      responseCode: '4007402',
      responseMessage: 'Invalid Mandatory Field refreshToken',
    });
  });

  it('refuses the seeded used and expired auth codes with 4017400 and their reason', async () => {
    for (const [authCode, reason] of [
      ['demo-auth-code-used', 'Auth Code Used'],
      ['demo-auth-code-expired', 'Auth Code Expired'],
    ]) {
      const res = await sendApplyToken(sandbox.app, { grantType: 'AUTHORIZATION_CODE', authCode, refreshToken: '' });
      expect(res.body).toMatchObject({ responseCode: '4017400', responseMessage: `Unauthorized. ${reason}` });
    }
  });

  it('unbinding revokes every token of the binding: Apply OTT then answers 4014902, balance 4011102', async () => {
    const first = await bindCustomer(sandbox.app, 'unbind');
    const second = await bindCustomer(sandbox.app, 'unbind');
    expect((await unbind(first, 'unbind')).body.responseCode).toBe('2000900');
    expect(
      (await sendApplyOtt(sandbox.app, second, { headers: { 'X-Mock-Session': 'unbind' } })).body.responseCode,
    ).toBe('4014902');
    expect((await balanceOf(first, 'unbind')).body.responseCode).toBe('4011102');
    expect((await unbind(first, 'unbind')).body.responseCode).toBe('4010902');
  });

  it('keeps the seeded demo-token-active working with the new operations', async () => {
    const res = await balanceOf('demo-token-active');
    expect(res.body.responseCode).toBe('2001100');
    expect(res.body.accountInfos[0].amount).toEqual({ value: '1500000.00', currency: 'IDR' });
  });

  it('answers queryUserProfile with the requested resources, OAUTH_FAILED for a revoked token, PARAM_ILLEGAL for an unknown resource', async () => {
    const ok = await profile('demo-token-active', ['MASK_DANA_ID', 'BALANCE', 'OTT']);
    expect(ok.body.response.body.resultInfo.resultCode).toBe('SUCCESS');
    expect(ok.body.response.body.userResourceInfos.map((r: { resourceType: string }) => r.resourceType)).toEqual([
      'MASK_DANA_ID',
      'BALANCE',
      'OTT',
    ]);
    expect(JSON.parse(ok.body.response.body.userResourceInfos[1].value)).toEqual({
      currency: 'IDR',
      value: '1500000.00',
    });
    expect((await profile('demo-token-revoked')).body.response.body.resultInfo.resultCode).toBe('OAUTH_FAILED');
    expect((await profile('demo-token-active', ['PASSWORD'])).body.response.body.resultInfo.resultCode).toBe(
      'PARAM_ILLEGAL',
    );
  });

  it.each([
    ['applyToken', 'auth-code-used', '4017400'],
    ['balanceInquiry', 'inactive-account', '4031118'],
    ['accountUnbinding', 'invalid-token', '4010902'],
  ])('answers %s scenario %s with %s through X-Mock-Scenario', async (endpoint, scenario, code) => {
    const headers = { 'X-Mock-Scenario': scenario };
    const res =
      endpoint === 'applyToken'
        ? await sendApplyToken(sandbox.app, { grantType: 'AUTHORIZATION_CODE', authCode: 'x' }, { headers })
        : endpoint === 'balanceInquiry'
          ? await balanceOf('demo-token-active', undefined, headers)
          : await sendB2b2c(
              sandbox.app,
              accountUnbindingPath,
              {
                merchantId: demoPartner.merchantId,
                additionalInfo: { accessToken: 'demo-token-active', deviceId: 'd' },
              } as never,
              { headers },
            );
    expect(res.body.responseCode).toBe(code);
  });

  it('journals the page login and the operations in the session', async () => {
    await bindCustomer(sandbox.app, 'journalled');
    const entries = sandbox.control.forSession('journalled').journal();
    expect(entries.map((e) => [e.endpoint, e.code])).toEqual([
      ['oauthPage', 'AUTH_CODE_ISSUED'],
      ['applyToken', '2007400'],
    ]);
  });
});
