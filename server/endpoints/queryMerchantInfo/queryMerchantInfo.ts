import { defineEndpoint, type AdmittedExchange } from '../../core/endpoint.js';
import { formatJakartaTime } from '../../core/jakartaTime.js';
import type { SandboxDeps } from '../../core/types.js';
import type { Merchant } from '../../merchants/Merchant.js';
import { readMerchantBalance } from '../../disbursement/merchantBalance.js';
import { merchantAmount } from '../../merchants/merchantAmount.js';
import { findOwnMerchant } from '../../merchants/merchantBook.js';
import { merchantProtocol } from '../../merchants/merchantProtocol.js';
import type { Envelope } from '../../protocols/envelope/envelopeProtocol.js';
import { queryMerchantInfoPostman } from './queryMerchantInfoPostman.js';

interface QueryMerchantInfoBody {
  roleId: string;
  loginType: 'ROLE' | 'MOBILE_NO';
  isQueryAccount?: boolean;
}

/**
 * The merchant's accounts as dana-node's MerchantAccountInfo lists them: the settlement account
 * holds the total and available balances, the deposit account the disbursement deposit (DANA's UAT
 * runner reads MERCHANT_DEPOSIT_ACCOUNT's totalAmount before topping it up).
 */
function accountsOf(merchant: Merchant, deposit: string): Record<string, unknown>[] {
  const account = (type: string, suffix: string, total: string, available: string) => ({
    accountNo: `${merchant.merchantId}${suffix}`,
    status: 'ENABLE',
    debitFreezeStatus: 'ENABLE',
    creditFreezeStatus: 'ENABLE',
    totalAmount: merchantAmount(total),
    availableAmount: merchantAmount(available),
    currency: 'IDR',
    accountType: type,
  });
  const { total, available } = merchant.balances;
  return [
    account('MERCHANT_SETTLEMENT_ACCOUNT', '01', total, available),
    account('MERCHANT_DEPOSIT_ACCOUNT', '03', deposit, deposit),
  ];
}

/** The caller's merchant named by its id (ROLE) or its login phone (MOBILE_NO, `62-8...`). */
function merchantOf(exchange: AdmittedExchange, deps: SandboxDeps, body: QueryMerchantInfoBody): Merchant | undefined {
  const own = findOwnMerchant(exchange, deps, exchange.partner.merchantId ?? '');
  if (!own) return undefined;
  return (body.loginType === 'ROLE' ? own.merchantId : own.phoneNumber) === body.roleId ? own : undefined;
}

/**
 * queryMerchantInfo (Open API envelope, dana.ap.bizprod.biz.service.openapi.merchant.queryMerchantInfo;
 * dana-node 2.x): the merchant's profile and, with isQueryAccount, its accounts. Only the caller's own
 * merchant answers; another: MERCHANT_NOT_EXIST (docs/merchant-management.md#merchants).
 */
export const queryMerchantInfo = defineEndpoint({
  id: 'queryMerchantInfo',
  method: 'POST',
  paths: ['/dana/member/merchant/queryMerchantInfo.htm'],
  summary: "The merchant's profile and, on request, its accounts and balances",
  postman: queryMerchantInfoPostman,
  protocol: merchantProtocol('dana.ap.bizprod.biz.service.openapi.merchant.queryMerchantInfo'),
  matchFields: { roleId: 'request.body.roleId' },

  handle(exchange, deps) {
    const { body } = (exchange.body as Envelope<QueryMerchantInfoBody>).request;
    const merchant = merchantOf(exchange, deps, body);
    if (!merchant)
      return {
        case: 'merchantNotExist',
        detail: 'request.body.roleId',
        debug: `Partner ${exchange.partner.partnerId} has no merchant with ${body.loginType} "${body.roleId}".`,
      };
    return {
      case: 'successful',
      data: {
        merchantInformation: {
          merchantId: merchant.merchantId,
          phoneNumber: merchant.phoneNumber,
          merchantType: 'CORPORATION',
          officialName: merchant.officialName,
          mccCodes: merchant.mccCodes,
          sizeType: merchant.sizeType,
          merchantStatus: merchant.status,
          createdTime: merchant.createdAt && formatJakartaTime(new Date(merchant.createdAt)),
          ...(body.isQueryAccount && {
            accounts: accountsOf(
              merchant,
              readMerchantBalance(deps, exchange.partner.partnerId, exchange.session).balance,
            ),
          }),
        },
      },
    };
  },
});
