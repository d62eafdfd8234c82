import type { IdGenerator } from '../core/ids.js';
import type { AuthCode } from '../store/entities.js';
import type { Store } from '../store/store.js';
import { bindingLifetimes } from './bindingLifetimes.js';

/** Who logged in on the OAuth page, for which partner, and what they consented to. */
export interface Binding {
  customerId: string;
  partnerId: string;
  scopes: string[];
}

/** The auth code the OAuth page hands to the partner's redirectUrl once the customer logged in and consented. */
export function issueAuthCode(store: Store, ids: IdGenerator, binding: Binding, now: Date, scope?: string): AuthCode {
  const code: AuthCode = {
    value: ids.token(32),
    ...binding,
    issuedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + bindingLifetimes.authCodeSeconds * 1000).toISOString(),
  };
  store.put('authCodes', code.value, code, scope);
  return code;
}
