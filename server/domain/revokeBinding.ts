import type { CustomerToken } from '../store/entities.js';
import type { Store } from '../store/store.js';

/**
 * Ends a customer's binding with a partner (account unbinding): the token presented, and every access
 * and refresh token issued to that partner for that customer, are revoked; Apply OTT and the other
 * operations then answer as for a revoked token. Tokens of other partners stay valid. Returns how many
 * access tokens were revoked.
 */
export function revokeBinding(store: Store, presented: CustomerToken, partnerId: string, scope?: string): number {
  let revoked = 0;
  for (const token of store.list('customerTokens', scope)) {
    const bound = token.customerId === presented.customerId && token.partnerId === partnerId;
    if ((bound || token.value === presented.value) && token.status !== 'REVOKED') {
      store.put('customerTokens', token.value, { ...token, status: 'REVOKED' }, scope);
      revoked++;
    }
  }
  for (const token of store.list('refreshTokens', scope)) {
    if (token.customerId === presented.customerId && token.partnerId === partnerId && token.status !== 'REVOKED')
      store.put('refreshTokens', token.value, { ...token, status: 'REVOKED' }, scope);
  }
  return revoked;
}
