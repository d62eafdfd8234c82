import { describe, expect, it } from '@jest/globals';
import { decideOtpResend, journeyLifetimeMs, otpCooldownMs } from '../../server/domain/decideOtpResend.js';
import type { Card, Journey } from '../../server/store/entities.js';

const opened = Date.parse('2026-11-22T10:00:00+07:00');
const at = (ms: number) => new Date(opened + ms);
const card: Card = { bankCardToken: 'card-1', status: 'ACTIVE' };
const journey: Journey = {
  journeyId: 'j-1',
  orderId: 'o-1',
  bankCardToken: 'card-1',
  createdAt: at(0).toISOString(),
  lastOtpSentAt: at(0).toISOString(),
};
const request = { journeyId: 'j-1', bankCardToken: 'card-1', orderId: 'o-1' };
const decide = (
  overrides: {
    card?: Card | undefined;
    journey?: Journey | undefined;
    request?: Partial<typeof request>;
    now?: Date;
  } = {},
) =>
  decideOtpResend(
    { ...request, ...overrides.request },
    'card' in overrides ? overrides.card : card,
    'journey' in overrides ? overrides.journey : journey,
    overrides.now ?? at(otpCooldownMs),
  ).case;

describe('decideOtpResend', () => {
  it('resends when the card is active, the journey is its own and open, and the last OTP is a minute old', () => {
    expect(decideOtpResend(request, card, journey, at(otpCooldownMs))).toEqual({ case: 'successful', journey });
  });

  it('refuses an unknown card with customerTokenNotFound (4018104)', () => {
    expect(decide({ card: undefined })).toBe('customerTokenNotFound');
  });

  it('refuses an inactive card with inactiveCard (4038118)', () => {
    expect(decide({ card: { ...card, status: 'INACTIVE' } })).toBe('inactiveCard');
  });

  it.each([
    ['unknown', { journey: undefined }],
    ['of another card', { request: { bankCardToken: 'card-2' }, card: { ...card, bankCardToken: 'card-2' } }],
    ['of another order', { request: { orderId: 'o-2' } }],
  ])('refuses a journey that is %s with journeyNotFound (4048107)', (_what, overrides) => {
    expect(decide(overrides)).toBe('journeyNotFound');
  });

  it('refuses a closed journey and one 10 minutes old with transactionNotPermitted (4038115)', () => {
    expect(decide({ journey: { ...journey, closed: true } })).toBe('transactionNotPermitted');
    expect(decide({ now: at(journeyLifetimeMs) })).toBe('transactionNotPermitted');
    expect(decide({ now: at(journeyLifetimeMs - 1) })).toBe('successful');
  });

  it('refuses an OTP less than 60 s after the last one with otpSentToCardholder (4038113)', () => {
    expect(decide({ now: at(otpCooldownMs - 1) })).toBe('otpSentToCardholder');
    expect(decide({ now: at(0) })).toBe('otpSentToCardholder');
  });

  it('applies the rules in order: card, activity, journey, age or closed, cooldown', () => {
    const stale = { ...journey, bankCardToken: 'card-2', closed: true };
    expect(decide({ card: undefined, journey: undefined })).toBe('customerTokenNotFound');
    expect(decide({ card: { ...card, status: 'INACTIVE' }, journey: undefined })).toBe('inactiveCard');
    expect(decide({ journey: stale, now: at(0) })).toBe('journeyNotFound');
    expect(
      decide({
        journey: { ...journey, lastOtpSentAt: at(journeyLifetimeMs).toISOString() },
        now: at(journeyLifetimeMs + 1),
      }),
    ).toBe('transactionNotPermitted');
    expect(decide({ journey: { ...journey, closed: true }, now: at(0) })).toBe('transactionNotPermitted');
  });

  it('says why in the reason it gives', () => {
    const verdict = decideOtpResend(request, card, journey, at(30_000));
    expect(verdict).toMatchObject({ case: 'otpSentToCardholder', reason: expect.stringContaining('30 s ago') });
  });
});
