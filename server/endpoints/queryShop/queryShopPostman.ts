import type { PostmanFolderSpec } from '../../core/examples.js';
import { merchantRequest, merchantVariables } from '../../merchants/merchantExamples.js';

const queryShopRequest = (shopId = '{{demoShopId}}', shopIdType = 'INNER_ID') =>
  merchantRequest('/dana/merchant/shop/queryShop.htm', 'dana.merchant.shop.queryShop', {
    merchantId: '{{merchantId}}',
    shopId,
    shopIdType,
  });

/** The queryShop folder: the demo merchant's seeded shop by either id, and an unknown one. */
export const queryShopPostman: PostmanFolderSpec = {
  name: 'queryShop',
  description: "DANA's Open API envelope (always HTTP 200; the result is response.body.resultInfo).",
  base: queryShopRequest(),
  variables: merchantVariables,
  items: [
    { name: 'Seeded shop by shopId: SUCCESS', request: queryShopRequest(), expect: { code: 'SUCCESS' } },
    {
      name: 'Seeded shop by externalShopId: SUCCESS',
      request: queryShopRequest('demo-shop', 'EXTERNAL_ID'),
      expect: { code: 'SUCCESS' },
    },
    {
      name: 'Unknown shop: SHOP_NOT_EXIST',
      request: queryShopRequest('216620000000000099999'),
      expect: { code: 'SHOP_NOT_EXIST' },
    },
    { name: 'Bad shopIdType', request: queryShopRequest(undefined, 'SHOP_ID'), expect: { code: 'PARAM_ILLEGAL' } },
    { name: 'Bad signature', request: queryShopRequest(), expect: { code: 'INVALID_SIGNATURE' }, spoilSignature: true },
    'scenarios',
  ],
};
