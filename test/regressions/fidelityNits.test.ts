import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { snapResponseMessage } from '../../server/protocols/snap/snapCases.js';
import type { Sandbox } from '../../server/sandbox.js';
import { admin } from '../support/admin.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { issueToken, sendTokenRequest } from '../endpoints/b2bAccessToken.requests.js';
import { openJourney, otpBody, sendResendOtp } from '../endpoints/resendOtp.requests.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

const withFraction = '2026-11-22T10:00:00.123+07:00';

it('answers 4004901 Invalid Field Format X-TIMESTAMP to Apply OTT when X-TIMESTAMP has fractional seconds', async () => {
  const res = await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { 'X-TIMESTAMP': withFraction } });
  expect([res.status, res.body.responseCode]).toEqual([400, '4004901']);
  expect(res.body.responseMessage).toBe(snapResponseMessage('invalidFieldFormat', 'X-TIMESTAMP'));
});

it('answers 4007301 and 4008101 to the B2B token and Resend OTP when X-TIMESTAMP has fractional seconds', async () => {
  const token = await sendTokenRequest(sandbox.app, { headers: { 'X-TIMESTAMP': withFraction } });
  expect(token.body).toEqual({
    responseCode: '4007301',
    responseMessage: snapResponseMessage('invalidFieldFormat', 'X-TIMESTAMP'),
  });
  const session = 'nits-otp';
  const b2b = await issueToken(sandbox.app, { session });
  await openJourney(sandbox, session, 'j-nits');
  const otp = await sendResendOtp(sandbox.app, otpBody('j-nits'), {
    token: b2b,
    session,
    headers: { 'X-TIMESTAMP': withFraction },
  });
  expect(otp.body.responseCode).toBe('4008101');
});

it('still takes X-TIMESTAMP with any offset, Z included, when it has no fraction', async () => {
  for (const timestamp of ['2026-11-22T03:00:00Z', '2026-11-21T22:00:00-05:00'])
    expect(
      (await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { 'X-TIMESTAMP': timestamp } })).body
        .responseCode,
    ).toBe('2004900');
});

it('answers 4007302 Invalid Mandatory Field grantType to {"grantType":null}: null is missing, as on every endpoint', async () => {
  const res = await sendTokenRequest(sandbox.app, { body: { grantType: null } });
  expect([res.status, res.body]).toEqual([
    400,
    { responseCode: '4007302', responseMessage: snapResponseMessage('invalidMandatoryField', 'grantType') },
  ]);
});

it('takes a customer token of 512 characters after "Bearer " and refuses 513 as 4004901 Authorization-Customer', async () => {
  const session = 'nits-512';
  const long = (n: number) => 't'.repeat(n);
  await admin(
    sandbox,
    'POST',
    '/fixtures/customerTokens',
    { value: long(512), customerId: 'cust-active', expiresAt: '2099-01-01T00:00:00+07:00' },
    session,
  );
  const fits = await sendApplyOtt(sandbox.app, long(512), { headers: { 'X-Mock-Session': session } });
  expect(fits.body.responseCode).toBe('2004900');
  const over = await sendApplyOtt(sandbox.app, long(513), { headers: { 'X-Mock-Session': session } });
  expect(over.body).toEqual({
    responseCode: '4004901',
    responseMessage: snapResponseMessage('invalidFieldFormat', 'Authorization-Customer'),
  });
});
