import type { PostmanFolderSpec } from '../../core/examples.js';
import { merchantRequest, merchantVariables, sampleAddress } from '../../merchants/merchantExamples.js';

const createShopRequest = (overrides: Record<string, unknown> = {}) =>
  merchantRequest('/dana/merchant/shop/createShop.htm', 'dana.merchant.shop.createShop', {
    apiVersion: '3',
    merchantId: '{{merchantId}}',
    shopParentType: 'MERCHANT',
    mainName: 'Toko Postman',
    shopAddress: sampleAddress,
    shopDesc: 'description',
    externalShopId: '{{$guid}}',
    sizeType: 'UMI',
    ...overrides,
  });

/** The createShop folder: a fresh externalShopId each run, the seeded one to see the duplicate code. */
export const createShopPostman: PostmanFolderSpec = {
  name: 'createShop',
  description:
    "DANA's Open API envelope (always HTTP 200; the result is response.body.resultInfo). DANA issues the shopId; externalShopId is unique per merchant.",
  base: createShopRequest(),
  variables: merchantVariables,
  items: [
    { name: 'Shop created: SUCCESS', request: createShopRequest(), expect: { code: 'SUCCESS' } },
    {
      name: 'externalShopId already used: ROLE_HAS_EXIST',
      request: createShopRequest({ externalShopId: 'demo-shop' }),
      expect: { code: 'ROLE_HAS_EXIST' },
    },
    {
      name: 'Unknown parent division: DIVISION_NOT_EXIST',
      request: createShopRequest({ shopParentType: 'EXTERNAL_DIVISION', parentDivisionId: 'no-such-division' }),
      expect: { code: 'DIVISION_NOT_EXIST' },
    },
    {
      name: "Another merchant's id: MERCHANT_NOT_EXIST",
      request: createShopRequest({ merchantId: '216620000000000099999' }),
      expect: { code: 'MERCHANT_NOT_EXIST' },
    },
    { name: 'Bad sizeType', request: createShopRequest({ sizeType: 'HUGE' }), expect: { code: 'PARAM_ILLEGAL' } },
    {
      name: 'Bad signature',
      request: createShopRequest(),
      expect: { code: 'INVALID_SIGNATURE' },
      spoilSignature: true,
    },
    'scenarios',
  ],
};
