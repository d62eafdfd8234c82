import { describe, expect, it } from '@jest/globals';
import { createSequentialIds } from '../../server/core/ids.js';
import { bindingLifetimes } from '../../server/domain/bindingLifetimes.js';
import { checkCustomerToken } from '../../server/domain/checkCustomerToken.js';
import { checkRefreshToken } from '../../server/domain/checkRefreshToken.js';
import { issueAuthCode } from '../../server/domain/issueAuthCode.js';
import { issueCustomerTokens } from '../../server/domain/issueCustomerTokens.js';
import { redeemAuthCode } from '../../server/domain/redeemAuthCode.js';
import { revokeBinding } from '../../server/domain/revokeBinding.js';
import { openLowdbStore } from '../../server/store/lowdbStore.js';

const partnerId = '2026112200000000000001';
const binding = { customerId: 'cust-active', partnerId, scopes: ['QUERY_BALANCE'] };
const now = new Date('2026-11-22T10:00:00+07:00');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

async function setUp() {
  const store = await openLowdbStore({});
  store.put('customers', 'cust-active', { id: 'cust-active', phone: '083811223355', status: 'ACTIVE' });
  return { store, ids: createSequentialIds() };
}

describe('binding credentials', () => {
  it('redeems an auth code once, then reports it used', async () => {
    const { store, ids } = await setUp();
    const code = issueAuthCode(store, ids, binding, now);
    expect(redeemAuthCode(store, code.value, partnerId, later(1)).state).toBe('redeemed');
    expect(redeemAuthCode(store, code.value, partnerId, later(2)).state).toBe('used');
  });

  it('reports an auth code expired once its lifetime passed on the sandbox clock', async () => {
    const { store, ids } = await setUp();
    const code = issueAuthCode(store, ids, binding, now);
    expect(redeemAuthCode(store, code.value, partnerId, later(bindingLifetimes.authCodeSeconds)).state).toBe('expired');
  });

  it('refuses an auth code to a partner it was not issued to, and an unknown one', async () => {
    const { store, ids } = await setUp();
    const code = issueAuthCode(store, ids, binding, now);
    expect(redeemAuthCode(store, code.value, '2026112200000000000002', now).state).toBe('otherPartner');
    expect(redeemAuthCode(store, 'never-issued', partnerId, now).state).toBe('unknown');
  });

  it('keeps an auth code of one session out of another', async () => {
    const { store, ids } = await setUp();
    const code = issueAuthCode(store, ids, binding, now, 'session-a');
    expect(redeemAuthCode(store, code.value, partnerId, now, 'session-b').state).toBe('unknown');
  });

  it('issues an access token the customer-token check accepts, stored with its customer and partner', async () => {
    const { store, ids } = await setUp();
    const tokens = issueCustomerTokens(store, ids, binding, now);
    const verdict = checkCustomerToken(store, tokens.accessToken, partnerId, now);
    expect(verdict.state).toBe('valid');
    expect(store.get('customerTokens', tokens.accessToken)).toMatchObject({ customerId: 'cust-active', partnerId });
    expect(checkRefreshToken(store, tokens.refreshToken, partnerId, now).state).toBe('valid');
  });

  it('revokes every token of the binding, and only that binding', async () => {
    const { store, ids } = await setUp();
    const first = issueCustomerTokens(store, ids, binding, now);
    const second = issueCustomerTokens(store, ids, binding, now);
    const other = issueCustomerTokens(store, ids, { ...binding, partnerId: '2026112200000000000002' }, now);
    const presented = store.get('customerTokens', first.accessToken)!;
    expect(revokeBinding(store, presented, partnerId)).toBe(2);
    expect(checkCustomerToken(store, second.accessToken, partnerId, now).state).toBe('revoked');
    expect(checkRefreshToken(store, first.refreshToken, partnerId, now).state).toBe('revoked');
    expect(checkCustomerToken(store, other.accessToken, '2026112200000000000002', now).state).toBe('valid');
  });
});
