import type { Customer, CustomerToken } from '../store/entities.js';
import type { Store } from '../store/store.js';

/** What the gateway concludes about a customer (user) access token. */
export type CustomerTokenVerdict =
  | { state: 'valid'; token: CustomerToken; customer: Customer }
  | { state: 'unknown' | 'expired' | 'revoked' | 'otherPartner' | 'noCustomer'; reason: string };

export function stripBearer(value: string): string {
  return value.replace(/^Bearer\s+/i, '');
}

/** Looks a customer token up as seen from `scope` at `now`; shared by Apply OTT and the envelope's accessToken. */
export function checkCustomerToken(
  store: Store,
  value: string,
  partnerId: string,
  now: Date,
  scope?: string,
): CustomerTokenVerdict {
  const token = store.get('customerTokens', value, scope);
  if (!token)
    return {
      state: 'unknown',
      reason: `No customer token "${value}" exists (fixtures or POST /__admin/fixtures/customerTokens).`,
    };
  if (token.status === 'REVOKED') return { state: 'revoked', reason: `Customer token "${value}" was revoked.` };
  if (Date.parse(token.expiresAt) <= now.getTime())
    return { state: 'expired', reason: `Customer token "${value}" expired at ${token.expiresAt} (sandbox clock).` };
  if (token.partnerId && token.partnerId !== partnerId)
    return {
      state: 'otherPartner',
      reason: `Customer token "${value}" was issued to partner ${token.partnerId}, not ${partnerId}.`,
    };
  const customer = store.get('customers', token.customerId, scope);
  if (!customer)
    return {
      state: 'noCustomer',
      reason: `Customer token "${value}" names customer ${token.customerId}, who does not exist.`,
    };
  return { state: 'valid', token, customer };
}
