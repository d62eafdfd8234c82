import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { snapResponseMessage } from '../../server/protocols/snap/snapCases.js';
import type { Sandbox } from '../../server/sandbox.js';
import { admin } from '../support/admin.js';
import { pushBody, sendEnvelope } from '../endpoints/pushNotificationUser.requests.js';
import { issueToken } from '../endpoints/b2bAccessToken.requests.js';
import { openJourney, otpBody, sendResendOtp } from '../endpoints/resendOtp.requests.js';
import { otherPartner } from '../support/partners.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { createTestSandbox } from '../support/testSandbox.js';

const timeoutDelayMs = 400;
let sandbox: Sandbox;
let url: string;
beforeAll(async () => {
  sandbox = await createTestSandbox({ timeoutDelayMs });
  url = (await sandbox.listen(0)).url;
});
beforeEach(() => sandbox.control.reset());
afterAll(() => sandbox.close());

const arm = (body: unknown, session?: string) => admin(sandbox, 'POST', '/scenarios/arm', body, session);
const resultCode = (res: { body: any }) => res.body.response.body.resultInfo.resultCode;

describe('scripted outcomes', () => {
  it('timeout: answers the normal response once the configured delay has passed', async () => {
    const started = Date.now();
    const res = await sendApplyOtt(url as never, 'demo-token-active', { headers: { 'X-Mock-Scenario': 'timeout' } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(timeoutDelayMs - 20);
    expect(res.status).toBe(200);
    expect(res.body.responseCode).toBe('2004900');
  });

  it('checks the headers before a scripted outcome: a missing X-TIMESTAMP answers 4004902, not the scenario', async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      headers: { 'X-Mock-Scenario': 'ott-issued', 'X-TIMESTAMP': undefined },
    });
    expect(res.body.responseCode).toBe('4004902');
    expect(res.body.responseMessage).toBe(snapResponseMessage('invalidMandatoryField', 'X-TIMESTAMP'));
  });

  it('checks the body schema before a scripted outcome, and an armed rule is not used up by a refused request', async () => {
    await arm({ endpoint: 'applyOtt', scenario: 'do-not-honor', times: 1 });
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      body: { additionalInfo: { accessToken: 'demo-token-active' } },
    });
    expect(res.body.responseCode.slice(0, 3)).toBe('400');
    expect(res.body.responseMessage).toContain('userResources');
    expect((await sendApplyOtt(sandbox.app, 'demo-token-active')).body.responseCode).toBe('4034905');
  });

  it('matches an armed rule on partnerId', async () => {
    await arm({ endpoint: 'applyOtt', scenario: 'do-not-honor', match: { partnerId: otherPartner.partnerId } });
    expect((await sendApplyOtt(sandbox.app, 'demo-token-active')).body.responseCode).toBe('2004900');
    const other = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      key: otherPartner.privateKey,
      headers: { 'X-PARTNER-ID': otherPartner.partnerId },
    });
    expect(other.body.responseCode).toBe('4034905');
  });

  it('matches an armed rule on journeyId', async () => {
    const session = 'match-journey';
    const token = await issueToken(sandbox.app, { session });
    await openJourney(sandbox, session, 'j-plain');
    await openJourney(sandbox, session, 'j-armed');
    await arm({ endpoint: 'resendOtp', scenario: 'transaction-closed', match: { journeyId: 'j-armed' } }, session);
    expect((await sendResendOtp(sandbox.app, otpBody('j-armed'), { token, session })).body.responseCode).toBe(
      '4038115',
    );
    // The journey's first OTP was just sent, so the unarmed one answers from state: throttled.
    expect((await sendResendOtp(sandbox.app, otpBody('j-plain'), { token, session })).body.responseCode).toBe(
      '4038113',
    );
  });

  it('matches an armed rule on acquirementId', async () => {
    const session = 'match-order';
    await arm(
      { endpoint: 'pushNotificationUser', scenario: 'system-error', match: { acquirementId: 'demo-order-active' } },
      session,
    );
    expect(resultCode(await sendEnvelope(sandbox.app, { session, body: pushBody('demo-order-other-merchant') }))).toBe(
      'MERCHANT_NOT_MATCH',
    );
    expect(resultCode(await sendEnvelope(sandbox.app, { session, body: pushBody('demo-order-active') }))).toBe(
      'SYSTEM_ERROR',
    );
  });

  it('refuses a match field the endpoint does not declare, naming the fields it takes', async () => {
    const res = await arm({ endpoint: 'applyOtt', scenario: 'do-not-honor', match: { journeyId: 'j-1' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'match.journeyId is not a field applyOtt matches on; it takes match.partnerId, match.token, match.body.',
    );
    const resend = await arm({ endpoint: 'resendOtp', scenario: 'otp-sent', match: { acquirementId: 'o-1' } });
    expect(resend.body.error.message).toContain('it takes match.partnerId, match.token, match.body, match.journeyId.');
  });
});
