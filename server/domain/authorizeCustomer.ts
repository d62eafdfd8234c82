import type { Exchange } from '../core/endpoint.js';
import { commonCases, SandboxError } from '../core/SandboxError.js';
import type { Outcome } from '../core/types.js';
import type { Customer, CustomerToken } from '../store/entities.js';
import type { Store } from '../store/store.js';
import { checkCustomerToken, stripBearer } from './checkCustomerToken.js';

/** Why a B2B2C request cannot act for its customer: SNAP case keys every such endpoint's catalogue has. */
export type CustomerRefusal = Outcome<
  'invalidCustomerToken' | 'inactiveCard' | 'doNotHonor' | 'generalError' | 'internalServerError'
>;

/** The customer a B2B2C request acts for, once their token and account status passed. */
export interface AuthorizedCustomer {
  customer: Customer;
  token: CustomerToken;
}

/** "Bearer" alone names no customer: the mandatory header is as good as missing, as for Apply OTT. */
export function checkCustomerHeader(headers: Record<string, string>): void {
  const token = stripBearer((headers['authorization-customer'] ?? '').trim());
  if (token === '' || /^bearer$/i.test(token))
    throw new SandboxError(
      commonCases.invalidMandatoryField,
      'Authorization-Customer',
      'Authorization-Customer carries no customer token: send "Bearer <accessToken>".',
    );
}

/** dana-node sends additionalInfo.accessToken as Authorization-Customer; a body naming another token is inconsistent. */
export function checkTokensAgree(exchange: Exchange): void {
  const body = exchange.body as { additionalInfo: { accessToken: string } };
  if (stripBearer(body.additionalInfo.accessToken) !== stripBearer(exchange.request.headers['authorization-customer']))
    throw new SandboxError(
      commonCases.invalidFieldFormat,
      'additionalInfo.accessToken',
      'additionalInfo.accessToken must be the same customer token as Authorization-Customer.',
    );
}

/**
 * The customer behind a SNAP B2B2C request, or the outcome that stops it. DANA UAT (Widget.json,
 * BalanceInquiry): a token that is unknown, expired or revoked -> 401xx02 AccessTokenInvalid; a frozen
 * account -> 403xx18 InactiveAccount; an abnormal one -> 403xx05 AccountUserStatusAbnormal.
 */
export function authorizeCustomer(
  store: Store,
  exchange: Exchange & { partner: { partnerId: string } },
): AuthorizedCustomer | CustomerRefusal {
  const value = stripBearer(exchange.request.headers['authorization-customer']);
  const verdict = checkCustomerToken(store, value, exchange.partner.partnerId, exchange.receivedAt, exchange.session);
  if (verdict.state !== 'valid') return { case: 'invalidCustomerToken', debug: verdict.reason };
  const { customer, token } = verdict;
  const who = `Customer ${customer.id} (${customer.phone})`;
  if (customer.status === 'FROZEN') return { case: 'inactiveCard', debug: `${who}: DANA froze this account.` };
  if (customer.status === 'ABNORMAL') return { case: 'doNotHonor', debug: `${who} has an abnormal account status.` };
  if (customer.forcedOutcome)
    return {
      case: customer.forcedOutcome,
      debug: `${who} always fails with ${customer.forcedOutcome} (sandbox test user).`,
    };
  return { customer, token };
}
