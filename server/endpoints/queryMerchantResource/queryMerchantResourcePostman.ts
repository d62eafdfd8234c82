import type { PostmanFolderSpec } from '../../core/examples.js';
import { merchantRequest, merchantVariables } from '../../merchants/merchantExamples.js';

const resourceRequest = (
  requestMerchantId = '{{merchantId}}',
  merchantResourceInfoList: unknown = ['MERCHANT_DEPOSIT_BALANCE', 'MERCHANT_AVAILABLE_BALANCE'],
) =>
  merchantRequest('/dana/merchant/queryMerchantResource.htm', 'dana.merchant.queryMerchantResource', {
    requestMerchantId,
    merchantResourceInfoList,
  });

/** The queryMerchantResource folder: the demo merchant's seeded balances. */
export const queryMerchantResourcePostman: PostmanFolderSpec = {
  name: 'queryMerchantResource',
  description:
    "DANA's Open API envelope (always HTTP 200; the result is response.body.resultInfo). Amounts are in the currency's smallest unit.",
  base: resourceRequest(),
  variables: merchantVariables,
  items: [
    { name: 'Balances: SUCCESS', request: resourceRequest(), expect: { code: 'SUCCESS' } },
    {
      name: "Another merchant's id: MERCHANT_NOT_EXIST",
      request: resourceRequest('216620000000000099999'),
      expect: { code: 'MERCHANT_NOT_EXIST' },
    },
    {
      name: 'Unknown resource',
      request: resourceRequest(undefined, ['MERCHANT_LOAN_BALANCE']),
      expect: { code: 'PARAM_ILLEGAL' },
    },
    { name: 'Bad signature', request: resourceRequest(), expect: { code: 'INVALID_SIGNATURE' }, spoilSignature: true },
    'scenarios',
  ],
};
