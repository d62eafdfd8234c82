import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { snapCases, snapResponseMessage } from '../../server/protocols/snap/snapCases.js';
import type { Sandbox } from '../../server/sandbox.js';
import { admin } from '../support/admin.js';
import { advanceClock, openJourney, otpBody, sendResendOtp } from './resendOtp.requests.js';
import { issueToken } from './b2bAccessToken.requests.js';
import { createTestSandbox, fixedNow } from '../support/testSandbox.js';
import { internalsOf } from '../../server/internals.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

let sessions = 0;
/** A fresh session with its own clock, a B2B token and an open journey `j-<n>` on demo-card-active. */
async function freshJourney(extra: Record<string, unknown> = {}) {
  const session = `otp-${++sessions}`;
  const journeyId = `j-${sessions}`;
  const token = await issueToken(sandbox.app, { session });
  await openJourney(sandbox, session, journeyId, extra);
  const resend = (body: unknown = otpBody(journeyId), headers: Record<string, string | undefined> = {}) =>
    sendResendOtp(sandbox.app, body, { token, session, headers });
  return { session, journeyId, token, resend };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const expectCode = (res: { status: number; body: any }, status: number, code: string, message: string) => {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ responseCode: code, responseMessage: message });
};

describe('Resend OTP', () => {
  it('answers 2008100 with a UUID chargeToken and a 32-hex traceId once a minute has passed', async () => {
    const { resend, session } = await freshJourney();
    await advanceClock(sandbox, session, 60);
    const res = await resend();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      responseCode: '2008100',
      responseMessage: snapCases.successful.message,
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      chargeToken: expect.stringMatching(uuid),
    });
  });

  it('records the resend as the journey lastOtpSentAt, read from the sandbox clock', async () => {
    const { resend, session, journeyId } = await freshJourney();
    await advanceClock(sandbox, session, 90);
    await resend();
    expect(internalsOf(sandbox).store.get('journeys', journeyId, session)?.lastOtpSentAt).toBe(
      new Date(fixedNow + 90_000).toISOString(),
    );
  });

  it('answers 4038113 with HTTP 403 and a chargeToken when the last OTP went out less than a minute ago', async () => {
    const { resend, session } = await freshJourney();
    await advanceClock(sandbox, session, 59);
    const res = await resend();
    expectCode(res, 403, '4038113', snapCases.otpSentToCardholder.message);
    expect(res.body.chargeToken).toMatch(uuid);
    expect(res.body.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers 4038115 "Transaction Not Permitted. " with the trailing space of the seed sample once the journey is 10 minutes old', async () => {
    const { resend, session } = await freshJourney();
    await advanceClock(sandbox, session, 600);
    const res = await resend();
    expectCode(res, 403, '4038115', 'Transaction Not Permitted. ');
    expect(res.body.responseMessage).toBe(snapResponseMessage('transactionNotPermitted', ''));
    expect(res.body).toMatchObject({
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      chargeToken: expect.stringMatching(uuid),
    });
  });

  it('still resends at 9 minutes 59 seconds', async () => {
    const { resend, session } = await freshJourney();
    await advanceClock(sandbox, session, 599);
    expect((await resend()).body.responseCode).toBe('2008100');
  });

  it.each([
    ['closed', 'demo-journey-closed', 'demo-order-closed'],
    ['opened in 2020', 'demo-journey-expired', 'demo-order-expired'],
  ])('answers 4038115 for the seeded journey that is %s', async (_what, journeyId, orderId) => {
    const { resend } = await freshJourney();
    expect((await resend(otpBody(journeyId, 'demo-card-active', orderId))).body.responseCode).toBe('4038115');
  });

  it.each([
    [
      'an unknown bankCardToken',
      otpBody('j-x', 'no-such-card'),
      401,
      '4018104',
      snapCases.customerTokenNotFound.message,
    ],
    ['an inactive card', otpBody('j-x', 'demo-card-inactive'), 403, '4038118', snapCases.inactiveCard.message],
    ['an unknown journey', otpBody('no-such-journey'), 404, '4048107', snapCases.journeyNotFound.message],
  ])('answers %s with its code and HTTP status', async (_what, body, status, code, message) => {
    const { resend } = await freshJourney();
    const res = await resend(body);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ responseCode: code, responseMessage: message });
  });

  it('answers 4048107 when the journey belongs to another card or another order', async () => {
    const { resend, journeyId } = await freshJourney();
    expect((await resend(otpBody(journeyId, '912b11d4f0444ea097ad272b30813cd1'))).body.responseCode).toBe('4048107');
    expect((await resend(otpBody(journeyId, 'demo-card-active', 'another-order'))).body.responseCode).toBe('4048107');
  });

  it('checks the card before the journey: unknown card 4018104, inactive card 4038118, whatever the journey', async () => {
    const { resend } = await freshJourney();
    expect((await resend(otpBody('no-such-journey', 'no-such-card'))).body.responseCode).toBe('4018104');
    expect((await resend(otpBody('no-such-journey', 'demo-card-inactive'))).body.responseCode).toBe('4038118');
  });

  it('answers 4048107 before 4038115 for a closed journey named with another card', async () => {
    const { resend } = await freshJourney();
    expect(
      (await resend(otpBody('demo-journey-closed', '912b11d4f0444ea097ad272b30813cd1', 'demo-order-closed'))).body
        .responseCode,
    ).toBe('4048107');
  });

  it('answers 4038115 before 4038113 when the journey is over 10 minutes old and its last OTP is recent', async () => {
    const { resend } = await freshJourney({
      createdAt: new Date(fixedNow - 11 * 60_000).toISOString(),
      lastOtpSentAt: new Date(fixedNow - 10_000).toISOString(),
    });
    expect((await resend()).body.responseCode).toBe('4038115');
  });

  it('answers 4038115 before 4038113 when a journey that just sent its OTP is closed', async () => {
    const { resend } = await freshJourney({ closed: true });
    expect((await resend()).body.responseCode).toBe('4038115');
  });

  it('serves cards and journeys created through /__admin in the session', async () => {
    const { session, token } = await freshJourney();
    await admin(
      sandbox,
      'POST',
      '/fixtures/cards',
      [
        { bankCardToken: 'card-from-admin', status: 'ACTIVE' },
        { bankCardToken: 'card-off', status: 'INACTIVE' },
      ],
      session,
    );
    await openJourney(sandbox, session, 'j-admin-card', { bankCardToken: 'card-from-admin' });
    await advanceClock(sandbox, session, 61);
    const send = (card: string) => sendResendOtp(sandbox.app, otpBody('j-admin-card', card), { token, session });
    expect([(await send('card-from-admin')).body.responseCode, (await send('card-off')).body.responseCode]).toEqual([
      '2008100',
      '4038118',
    ]);
    const globalToken = await issueToken(sandbox.app);
    expect(
      (await sendResendOtp(sandbox.app, otpBody('j-admin-card', 'card-from-admin'), { token: globalToken })).body
        .responseCode,
    ).toBe('4018104');
  });

  it('walks a journey through the sandbox clock: 4038113, +61 s 2008100, 4038113, +10 min 4038115', async () => {
    const { resend, session } = await freshJourney();
    const codes = [(await resend()).body.responseCode];
    await advanceClock(sandbox, session, 61);
    codes.push((await resend()).body.responseCode, (await resend()).body.responseCode);
    await advanceClock(sandbox, session, 10 * 60);
    codes.push((await resend()).body.responseCode);
    expect(codes).toEqual(['4038113', '2008100', '4038113', '4038115']);
  });

  it('validates 2008100, 4038113 and 4038115 against schemas/resendOtp/response.json', async () => {
    const { resend, session } = await freshJourney();
    const validate = internalsOf(sandbox).endpoints.get('resendOtp')!.validators.response;
    const answers = [await resend()];
    await advanceClock(sandbox, session, 61);
    answers.push(await resend());
    await advanceClock(sandbox, session, 600);
    answers.push(await resend());
    expect(answers.map((r) => [r.body.responseCode, validate(r.body)])).toEqual([
      ['4038113', true],
      ['2008100', true],
      ['4038115', true],
    ]);
  });
});
