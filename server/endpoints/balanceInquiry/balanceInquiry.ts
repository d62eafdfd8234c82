import { defineEndpoint } from '../../core/endpoint.js';
import { authorizeCustomer, checkCustomerHeader, checkTokensAgree } from '../../domain/authorizeCustomer.js';
import { balanceInquiryPostman } from './balanceInquiryPostman.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';

interface BalanceInquiryBody {
  partnerReferenceNo?: string;
  balanceTypes?: string[];
}

/**
 * balanceInquiry (SNAP 11, dana-node widgetApi.balanceInquiry): the bound customer's DANA balance
 * (fixtures: `balance`, default 0.00). DANA UAT cases: invalid token 4011102, frozen 4031118,
 * abnormal 4031105, balanceTypes not an array 4001101, a missing mandatory header or field 4001102.
 */
export const balanceInquiry = defineEndpoint({
  id: 'balanceInquiry',
  method: 'POST',
  paths: ['/v1.0/balance-inquiry.htm'],
  summary: "The bound customer's DANA balance",
  postman: balanceInquiryPostman,
  tokenFields: ['additionalInfo.accessToken'],
  protocol: snapProtocol({
    serviceCode: '11',
    clientHeader: 'x-partner-id',
    signature: 'asymmetric',
    checkHeaders: checkCustomerHeader,
    checkBody: checkTokensAgree,
  }),

  handle(exchange, deps) {
    const authorized = authorizeCustomer(deps.store, exchange);
    if ('case' in authorized) return authorized;
    const { customer } = authorized;
    const body = exchange.body as BalanceInquiryBody;
    const amount = { value: customer.balance ?? '0.00', currency: 'IDR' };
    return {
      case: 'successful',
      data: {
        referenceNo: deps.ids.hex(8),
        partnerReferenceNo: body.partnerReferenceNo,
        name: customer.name,
        accountInfos: [{ balanceType: 'BALANCE', amount, availableBalance: amount }],
        additionalInfo: {},
      },
    };
  },
});
