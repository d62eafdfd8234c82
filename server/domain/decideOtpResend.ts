import type { Card, Journey } from '../store/entities.js';

/** BNC's Resend OTP document, 4038115: "Transaction invalid after 10 minutes." (docs/protocol.md#resend-otp) */
export const journeyLifetimeMs = 10 * 60_000;
/** BNC's Resend OTP document, 4038113: "The OTP code already sent within 1 minute period." (docs/protocol.md#resend-otp) */
export const otpCooldownMs = 60_000;

/** What a Resend OTP request names: the journey, its card and its order. */
export interface OtpResendRequest {
  journeyId: string;
  bankCardToken: string;
  orderId: string;
}

export type OtpRefusal =
  'customerTokenNotFound' | 'inactiveCard' | 'journeyNotFound' | 'transactionNotPermitted' | 'otpSentToCardholder';

export type OtpResendVerdict = { case: 'successful'; journey: Journey } | { case: OtpRefusal; reason: string };

const seconds = (ms: number) => `${Math.floor(ms / 1000)} s`;

/**
 * Resend OTP's business rules, first match wins: card known -> card active -> journey of this card
 * and order -> journey open and under 10 minutes old -> last OTP at least 60 s ago. Reads no store
 * and no clock, so every rule and their order are testable with plain values.
 */
export function decideOtpResend(
  request: OtpResendRequest,
  card: Card | undefined,
  journey: Journey | undefined,
  now: Date,
): OtpResendVerdict {
  const { journeyId, bankCardToken, orderId } = request;
  if (!card)
    return {
      case: 'customerTokenNotFound',
      reason: `No card with bankCardToken "${bankCardToken}" (fixtures or POST /__admin/fixtures/cards).`,
    };
  if (card.status !== 'ACTIVE') return { case: 'inactiveCard', reason: `Card "${bankCardToken}" is ${card.status}.` };
  if (!journey)
    return {
      case: 'journeyNotFound',
      reason: `No journey "${journeyId}" (POST /__admin/fixtures/journeys opens one).`,
    };
  if (journey.bankCardToken !== bankCardToken)
    return {
      case: 'journeyNotFound',
      reason: `Journey "${journeyId}" belongs to card "${journey.bankCardToken}", not "${bankCardToken}".`,
    };
  if (journey.orderId !== orderId)
    return {
      case: 'journeyNotFound',
      reason: `Journey "${journeyId}" belongs to order "${journey.orderId}", not "${orderId}".`,
    };
  if (journey.closed) return { case: 'transactionNotPermitted', reason: `Journey "${journeyId}" is closed.` };
  const age = now.getTime() - Date.parse(journey.createdAt);
  if (age >= journeyLifetimeMs)
    return {
      case: 'transactionNotPermitted',
      reason: `Journey "${journeyId}" was opened ${seconds(age)} ago (at ${journey.createdAt}); it closes after 10 minutes (sandbox clock).`,
    };
  const sinceOtp = now.getTime() - Date.parse(journey.lastOtpSentAt);
  if (sinceOtp < otpCooldownMs)
    return {
      case: 'otpSentToCardholder',
      reason: `An OTP was sent ${seconds(sinceOtp)} ago (at ${journey.lastOtpSentAt}); wait 60 s between OTPs (sandbox clock).`,
    };
  return { case: 'successful', journey };
}
