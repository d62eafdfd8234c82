import type { IdGenerator } from '../core/ids.js';
import type { Store } from '../store/store.js';
import { bindingLifetimes } from './bindingLifetimes.js';
import type { Binding } from './issueAuthCode.js';

/** What applyToken hands back: a customer access token and the refresh token that renews it. */
export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

/** Stores a new access and refresh token pair for a customer bound to a partner. */
export function issueCustomerTokens(
  store: Store,
  ids: IdGenerator,
  binding: Binding,
  now: Date,
  scope?: string,
): IssuedTokens {
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
  const tokens: IssuedTokens = {
    accessToken: ids.token(64),
    accessTokenExpiresAt: at(bindingLifetimes.accessTokenSeconds),
    refreshToken: ids.token(64),
    refreshTokenExpiresAt: at(bindingLifetimes.refreshTokenSeconds),
  };
  const { customerId, partnerId, scopes } = binding;
  store.put(
    'customerTokens',
    tokens.accessToken,
    {
      value: tokens.accessToken,
      customerId,
      partnerId,
      scopes,
      refreshToken: tokens.refreshToken,
      expiresAt: tokens.accessTokenExpiresAt.toISOString(),
      status: 'ACTIVE',
    },
    scope,
  );
  store.put(
    'refreshTokens',
    tokens.refreshToken,
    {
      value: tokens.refreshToken,
      customerId,
      partnerId,
      scopes,
      expiresAt: tokens.refreshTokenExpiresAt.toISOString(),
      status: 'ACTIVE',
    },
    scope,
  );
  return tokens;
}
