import type { RefreshToken } from '../store/entities.js';
import type { Store } from '../store/store.js';

/** What applyToken's REFRESH_TOKEN grant concludes about the refresh token it was given. */
export type RefreshTokenVerdict =
  | { state: 'valid'; token: RefreshToken }
  | { state: 'unknown' | 'revoked' | 'expired' | 'otherPartner'; reason: string };

/** Looks a refresh token up as seen from `scope` at `now` (sandbox clock), for the partner presenting it. */
export function checkRefreshToken(
  store: Store,
  value: string,
  partnerId: string,
  now: Date,
  scope?: string,
): RefreshTokenVerdict {
  const token = store.get('refreshTokens', value, scope);
  if (!token) return { state: 'unknown', reason: `No refresh token "${value}" was issued by applyToken.` };
  if (token.status === 'REVOKED')
    return { state: 'revoked', reason: `Refresh token "${value}" was revoked by account unbinding.` };
  if (Date.parse(token.expiresAt) <= now.getTime())
    return { state: 'expired', reason: `Refresh token "${value}" expired at ${token.expiresAt} (sandbox clock).` };
  if (token.partnerId !== partnerId)
    return {
      state: 'otherPartner',
      reason: `Refresh token "${value}" was issued to partner ${token.partnerId}, not ${partnerId}.`,
    };
  return { state: 'valid', token };
}
