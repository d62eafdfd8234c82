import type { PostmanFolderSpec } from '../../core/examples.js';
import { merchantRequest, merchantVariables, sampleAddress } from '../../merchants/merchantExamples.js';

const updateShopRequest = (overrides: Record<string, unknown> = {}) =>
  merchantRequest('/dana/merchant/shop/updateShop.htm', 'dana.merchant.shop.updateShop', {
    shopId: '{{demoShopId}}',
    merchantId: '{{merchantId}}',
    shopIdType: 'INNER_ID',
    mainName: 'Demo Shop, renamed',
    shopAddress: sampleAddress,
    ...overrides,
  });

/** The updateShop folder: the demo merchant's seeded shop, renamed in the collection's session. */
export const updateShopPostman: PostmanFolderSpec = {
  name: 'updateShop',
  description: "DANA's Open API envelope (always HTTP 200; the result is response.body.resultInfo).",
  base: updateShopRequest(),
  variables: merchantVariables,
  items: [
    { name: 'Seeded shop renamed: SUCCESS', request: updateShopRequest(), expect: { code: 'SUCCESS' } },
    {
      name: 'Unknown shop: SHOP_NOT_EXIST',
      request: updateShopRequest({ shopId: 'no-such-shop', shopIdType: 'EXTERNAL_ID' }),
      expect: { code: 'SHOP_NOT_EXIST' },
    },
    {
      name: 'Bad postcode',
      request: updateShopRequest({ shopAddress: { ...sampleAddress, postcode: '1271' } }),
      expect: { code: 'PARAM_ILLEGAL' },
    },
    {
      name: 'Bad signature',
      request: updateShopRequest(),
      expect: { code: 'INVALID_SIGNATURE' },
      spoilSignature: true,
    },
    'scenarios',
  ],
};
