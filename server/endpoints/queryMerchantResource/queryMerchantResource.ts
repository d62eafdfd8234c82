import { defineEndpoint, type AdmittedExchange } from '../../core/endpoint.js';
import type { SandboxDeps } from '../../core/types.js';
import { readMerchantBalance } from '../../disbursement/merchantBalance.js';
import type { Merchant } from '../../merchants/Merchant.js';
import { merchantAmount } from '../../merchants/merchantAmount.js';
import { findOwnMerchant } from '../../merchants/merchantBook.js';
import { merchantProtocol } from '../../merchants/merchantProtocol.js';
import type { Envelope } from '../../protocols/envelope/envelopeProtocol.js';
import { queryMerchantResourcePostman } from './queryMerchantResourcePostman.js';

type ResourceType = 'MERCHANT_DEPOSIT_BALANCE' | 'MERCHANT_AVAILABLE_BALANCE' | 'MERCHANT_TOTAL_BALANCE';

interface QueryMerchantResourceBody {
  requestMerchantId: string;
  merchantResourceInfoList: ResourceType[];
}

type BalanceReader = (merchant: Merchant, exchange: AdmittedExchange, deps: SandboxDeps) => string;

/** The deposit is the one top-ups and bank transfers draw down (docs/disbursement.md), so a partner sees them here. */
const balanceOf: Record<ResourceType, BalanceReader> = {
  MERCHANT_DEPOSIT_BALANCE: (_m, exchange, deps) =>
    readMerchantBalance(deps, exchange.partner.partnerId, exchange.session).balance,
  MERCHANT_AVAILABLE_BALANCE: (m) => m.balances.available,
  MERCHANT_TOTAL_BALANCE: (m) => m.balances.total,
};

/**
 * queryMerchantResource (Open API envelope, dana.merchant.queryMerchantResource; DANA's Check
 * Disbursement Account): the merchant's balances, one entry per requested resource. Only the
 * caller's own merchant answers; another id: MERCHANT_NOT_EXIST (docs/merchant-management.md#merchants).
 */
export const queryMerchantResource = defineEndpoint({
  id: 'queryMerchantResource',
  method: 'POST',
  paths: ['/dana/merchant/queryMerchantResource.htm'],
  summary: "The merchant's deposit, available and total balances",
  postman: queryMerchantResourcePostman,
  protocol: merchantProtocol('dana.merchant.queryMerchantResource'),
  matchFields: { requestMerchantId: 'request.body.requestMerchantId' },

  handle(exchange, deps) {
    const { body } = (exchange.body as Envelope<QueryMerchantResourceBody>).request;
    const merchant = findOwnMerchant(exchange, deps, body.requestMerchantId);
    if (!merchant)
      return {
        case: 'merchantNotExist',
        detail: 'request.body.requestMerchantId',
        debug: `Merchant ${body.requestMerchantId} is not the merchant of partner ${exchange.partner.partnerId} (${exchange.partner.merchantId ?? 'none'}).`,
      };
    return {
      case: 'successful',
      data: {
        merchantResourceInformations: body.merchantResourceInfoList.map((resourceType) => ({
          resourceType,
          value: merchantAmount(balanceOf[resourceType](merchant, exchange, deps)),
        })),
      },
    };
  },
});
