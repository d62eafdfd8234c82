import type { PostmanFolderSpec } from '../../core/examples.js';
import { merchantRequest, merchantVariables } from '../../merchants/merchantExamples.js';

const merchantInfoRequest = (roleId = '{{merchantId}}', loginType = 'ROLE') =>
  merchantRequest(
    '/dana/member/merchant/queryMerchantInfo.htm',
    'dana.ap.bizprod.biz.service.openapi.merchant.queryMerchantInfo',
    { roleId, loginType, isQueryAccount: true },
  );

/** The queryMerchantInfo folder: the demo merchant's seeded profile and accounts. */
export const queryMerchantInfoPostman: PostmanFolderSpec = {
  name: 'queryMerchantInfo',
  description:
    "DANA's Open API envelope (always HTTP 200; the result is response.body.resultInfo). dana-node 2.x names it merchantManagementApi.queryMerchantInfo.",
  base: merchantInfoRequest(),
  variables: merchantVariables,
  items: [
    { name: 'Merchant by id, with accounts: SUCCESS', request: merchantInfoRequest(), expect: { code: 'SUCCESS' } },
    {
      name: 'Merchant by login phone: SUCCESS',
      request: merchantInfoRequest('62-81234567890', 'MOBILE_NO'),
      expect: { code: 'SUCCESS' },
    },
    {
      name: "Another merchant's id: MERCHANT_NOT_EXIST",
      request: merchantInfoRequest('216620000000000099999'),
      expect: { code: 'MERCHANT_NOT_EXIST' },
    },
    {
      name: 'Unknown loginType',
      request: merchantInfoRequest(undefined, 'EMAIL'),
      expect: { code: 'PARAM_ILLEGAL' },
    },
    {
      name: 'Bad signature',
      request: merchantInfoRequest(),
      expect: { code: 'INVALID_SIGNATURE' },
      spoilSignature: true,
    },
    'scenarios',
  ],
};
