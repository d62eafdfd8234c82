import type { AuthCode } from '../store/entities.js';
import type { Store } from '../store/store.js';

/** What applyToken concludes about an auth code: DANA answers every failure with 4017400 and its reason. */
export type AuthCodeVerdict =
  { state: 'redeemed'; code: AuthCode } | { state: 'unknown' | 'used' | 'expired' | 'otherPartner'; reason: string };

/**
 * Redeems an auth code once (DANA UAT ApplyTokenFailAuthcodeUsed: the second exchange is refused),
 * checking its expiry on the sandbox clock and that the partner exchanging it is the one it was issued to.
 */
export function redeemAuthCode(
  store: Store,
  value: string,
  partnerId: string,
  now: Date,
  scope?: string,
): AuthCodeVerdict {
  const code = store.get('authCodes', value, scope);
  if (!code)
    return { state: 'unknown', reason: `No auth code "${value}" was issued by the OAuth page (or it was reset).` };
  if (code.usedAt) return { state: 'used', reason: `Auth code "${value}" was already exchanged at ${code.usedAt}.` };
  if (Date.parse(code.expiresAt) <= now.getTime())
    return { state: 'expired', reason: `Auth code "${value}" expired at ${code.expiresAt} (sandbox clock).` };
  if (code.partnerId !== partnerId)
    return {
      state: 'otherPartner',
      reason: `Auth code "${value}" was issued to partner ${code.partnerId}, not ${partnerId}.`,
    };
  const redeemed = { ...code, usedAt: now.toISOString() };
  store.put('authCodes', value, redeemed, scope);
  return { state: 'redeemed', code: redeemed };
}
