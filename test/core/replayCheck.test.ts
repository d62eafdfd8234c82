import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReplayGuard, replayDaysKept } from '../../server/core/ReplayGuard.js';
import { snapCases } from '../../server/protocols/snap/snapCases.js';
import type { Sandbox } from '../../server/sandbox.js';
import { admin } from '../support/admin.js';
import { issueToken } from '../endpoints/b2bAccessToken.requests.js';
import { openJourney, otpBody, sendResendOtp } from '../endpoints/resendOtp.requests.js';
import { otherPartner } from '../support/partners.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { createTestSandbox } from '../support/testSandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

let sessions = 0;
const freshSession = () => `replay-${++sessions}`;
const setClock = (session: string, at: string) => admin(sandbox, 'POST', '/clock/set', { at }, session);
const applyOtt = (
  session: string,
  externalId: string,
  headers: Record<string, string> = {},
  target: Sandbox = sandbox,
) =>
  sendApplyOtt(target.app, 'demo-token-active', {
    headers: { 'X-Mock-Session': session, 'X-EXTERNAL-ID': externalId, ...headers },
  });

async function resendOtpTwice(session: string, externalId: string) {
  const token = await issueToken(sandbox.app, { session });
  await openJourney(sandbox, session, 'j-replay');
  const send = () =>
    sendResendOtp(sandbox.app, otpBody('j-replay'), { token, session, headers: { 'X-EXTERNAL-ID': externalId } });
  return [await send(), await send()];
}

describe('X-EXTERNAL-ID replay check', () => {
  it('answers 4094900 Conflict with HTTP 409 when Apply OTT reuses an X-EXTERNAL-ID the same Jakarta day', async () => {
    const session = freshSession();
    expect((await applyOtt(session, 'ext-ott-1')).body.responseCode).toBe('2004900');
    const again = await applyOtt(session, 'ext-ott-1');
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ responseCode: '4094900', responseMessage: snapCases.conflict.message });
  });

  it('answers 4098100 Conflict with HTTP 409 when Resend OTP reuses an X-EXTERNAL-ID the same Jakarta day', async () => {
    const [first, again] = await resendOtpTwice(freshSession(), 'ext-otp-1');
    expect(first.body.responseCode).toBe('4038113');
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ responseCode: '4098100', responseMessage: snapCases.conflict.message });
  });

  it('allows the id again on the next Jakarta day', async () => {
    const session = freshSession();
    await setClock(session, '2026-11-22T23:59:30+07:00');
    expect((await applyOtt(session, 'ext-midnight')).body.responseCode).toBe('2004900');
    await setClock(session, '2026-11-23T00:00:30+07:00');
    expect((await applyOtt(session, 'ext-midnight')).body.responseCode).toBe('2004900');
  });

  it('allows a Resend OTP id again on the next Jakarta day', async () => {
    const session = freshSession();
    await setClock(session, '2026-11-22T23:55:00+07:00');
    await resendOtpTwice(session, 'ext-otp-midnight');
    await setClock(session, '2026-11-23T00:05:00+07:00');
    const [nextDay] = await resendOtpTwice(session, 'ext-otp-midnight');
    expect(nextDay.body.responseCode).toBe('4038113');
  });

  it('counts days in Jakarta time, not UTC', async () => {
    const session = freshSession();
    await setClock(session, '2026-11-22T06:00:00+07:00');
    await applyOtt(session, 'ext-jakarta-day');
    await setClock(session, '2026-11-22T08:00:00+07:00');
    expect((await applyOtt(session, 'ext-jakarta-day')).body.responseCode).toBe('4094900');
    await setClock(session, '2026-11-22T23:30:00+07:00');
    await applyOtt(session, 'ext-utc-day');
    await setClock(session, '2026-11-23T00:30:00+07:00');
    expect((await applyOtt(session, 'ext-utc-day')).body.responseCode).toBe('2004900');
  });

  it('refuses an id one endpoint used on another endpoint of the same client', async () => {
    const session = freshSession();
    await applyOtt(session, 'ext-shared');
    const [otp] = await resendOtpTwice(session, 'ext-shared');
    expect(otp.body.responseCode).toBe('4098100');
  });

  it('lets another client use the same id', async () => {
    const session = freshSession();
    await applyOtt(session, 'ext-two-clients');
    const theirs = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      key: otherPartner.privateKey,
      headers: {
        'X-Mock-Session': session,
        'X-EXTERNAL-ID': 'ext-two-clients',
        'X-PARTNER-ID': otherPartner.partnerId,
      },
    });
    expect(theirs.body.responseCode).toBe('2004900');
  });

  it('does not use up the id of a request a check refused', async () => {
    const session = freshSession();
    expect((await applyOtt(session, 'ext-refused', { 'X-SIGNATURE': 'bm90IGEgc2lnbmF0dXJl' })).body.responseCode).toBe(
      '4014900',
    );
    expect((await applyOtt(session, 'ext-refused')).body.responseCode).toBe('2004900');
  });

  it('keeps refusing reused ids after the clock went to later days and came back', async () => {
    const session = freshSession();
    const send = async (externalId: string) => {
      const token = await issueToken(sandbox.app, { session });
      return sendResendOtp(sandbox.app, otpBody('j-replay'), {
        token,
        session,
        headers: { 'X-EXTERNAL-ID': externalId },
      });
    };
    await openJourney(sandbox, session, 'j-replay');
    await send('R1');
    expect((await send('R1')).status).toBe(409);
    await setClock(session, '2027-03-01T23:59:00+07:00');
    await send('M');
    await setClock(session, '2027-03-02T00:01:00+07:00');
    await send('M');
    await admin(sandbox, 'POST', '/clock/reset', {}, session);
    expect((await send('R1')).body.responseCode).toBe('4098100');
    await send('R2');
    expect((await send('R2')).body.responseCode).toBe('4098100');
  });

  it('allows any reuse with replayCheck switched off', async () => {
    const lenient = await createTestSandbox({ replayCheck: false });
    const codes = [
      (await applyOtt('lenient', 'ext-lenient', {}, lenient)).body.responseCode,
      (await applyOtt('lenient', 'ext-lenient', {}, lenient)).body.responseCode,
    ];
    await lenient.close();
    expect(codes).toEqual(['2004900', '2004900']);
  });
});

describe('X-EXTERNAL-ID memory across sessions', () => {
  it("keeps today's ids of one session when another session moves its clock across several days", () => {
    const guard = new ReplayGuard();
    expect(guard.seen('a', '2026-11-22', 'id-1')).toBe(false);
    ['2026-12-01', '2026-12-02', '2026-12-03'].forEach((day) => guard.seen('b', day, 'x'));
    expect(guard.seen('a', '2026-11-22', 'id-1')).toBe(true);
  });

  it('never forgets the day it is writing, even when that day sorts before the days it holds', () => {
    const guard = new ReplayGuard();
    ['2027-03-01', '2027-03-02'].forEach((day) => guard.seen('a', day, 'x'));
    expect(guard.seen('a', '2026-11-22', 'id-1')).toBe(false);
    expect(guard.seen('a', '2026-11-22', 'id-1')).toBe(true);
  });

  it('forgets the day used least recently once a scope holds replayDaysKept days, whatever their calendar order', () => {
    const guard = new ReplayGuard();
    const days = Array.from({ length: replayDaysKept }, (_, i) => `2027-03-${String(10 - i).padStart(2, '0')}`);
    days.forEach((day) => guard.seen('a', day, 'id'));
    expect(guard.seen('a', days[0], 'id')).toBe(true);
    guard.seen('a', '2026-11-22', 'id');
    expect(guard.seen('a', days[0], 'id')).toBe(true);
    expect(guard.seen('a', days[1], 'id')).toBe(false);
  });
});
