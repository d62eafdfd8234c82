import type { PostmanFolderSpec } from '../../core/examples.js';
import { merchantRequest, merchantVariables } from '../../merchants/merchantExamples.js';

const assetCardRequest = (memberId = '{{merchantId}}', assetTypeList: unknown = ['VA_ACCOUNT']) =>
  merchantRequest('/dana/member/asset/queryAssetCardList.htm', 'dana.member.asset.queryAssetCardList', {
    memberId,
    enableOnly: 'true',
    assetTypeList,
  });

/** The queryAssetCardList folder: the demo merchant's seeded BNI top-up virtual account. */
export const queryAssetCardListPostman: PostmanFolderSpec = {
  name: 'queryAssetCardList',
  description:
    "DANA's Open API envelope (always HTTP 200; the result is response.body.resultInfo). dana-node 2.x names it merchantManagementApi.queryAssetCardList.",
  base: assetCardRequest(),
  variables: merchantVariables,
  items: [
    { name: 'Virtual accounts: SUCCESS', request: assetCardRequest(), expect: { code: 'SUCCESS' } },
    {
      name: "Another merchant's id: MERCHANT_NOT_EXIST",
      request: assetCardRequest('216620000000000099999'),
      expect: { code: 'MERCHANT_NOT_EXIST' },
    },
    { name: 'Unknown asset type', request: assetCardRequest(undefined, ['GOLD']), expect: { code: 'PARAM_ILLEGAL' } },
    {
      name: 'Bad signature',
      request: assetCardRequest(),
      expect: { code: 'INVALID_SIGNATURE' },
      spoilSignature: true,
    },
    'scenarios',
  ],
};
