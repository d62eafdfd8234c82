import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { envelopeRows, merchantManagementRows, withDetail } from '../../server/protocols/envelope/envelopeCases.js';
import type { Sandbox } from '../../server/sandbox.js';
import { demoPartner, otherPartner } from '../support/partners.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { createDivisionBody, createShopBody, fresh, sendMerchant, type MerchantCall } from './merchants.requests.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

const rows = { ...envelopeRows, ...merchantManagementRows };
/** The resultInfo a row renders, with the field or reason after its message. */
const result = (key: keyof typeof rows, detail?: string) => {
  const { resultStatus, resultCodeId, resultCode, resultMsg } = rows[key];
  return { resultStatus, resultCodeId, resultCode, resultMsg: withDetail(resultMsg, detail) };
};
const asOther: MerchantCall = {
  key: otherPartner.privateKey,
  head: { clientId: otherPartner.partnerId, clientSecret: otherPartner.clientSecret },
};
const app = () => sandbox.app;
const seededShop = '216620000000000000101';
const seededDivision = '216620000000000000201';
const address = createShopBody().shopAddress;

it('answers ROLE_HAS_EXIST "shop has existed" for a second shop with the same externalShopId, any name', async () => {
  const externalShopId = fresh('shop');
  expect((await sendMerchant(app(), 'createShop', createShopBody({ externalShopId }))).result).toEqual(
    result('successful'),
  );
  const again = await sendMerchant(app(), 'createShop', createShopBody({ externalShopId, mainName: 'Other' }));
  expect(again.result).toEqual(result('shopHasExisted', 'request.body.externalShopId'));
  expect(again.body.shopId).toBeUndefined();
});

it('lets another merchant use the same externalShopId: it is unique per merchant', async () => {
  const created = await sendMerchant(
    app(),
    'createShop',
    createShopBody({ externalShopId: 'demo-shop', merchantId: otherPartner.merchantId }),
    asOther,
  );
  expect(created.result).toEqual(result('successful'));
});

it('answers ROLE_HAS_EXIST "division has existed" for a second division with the same externalDivisionId', async () => {
  const again = await sendMerchant(
    app(),
    'createDivision',
    createDivisionBody({ externalDivisionId: 'demo-division' }),
  );
  expect(again.result).toEqual(result('divisionHasExisted', 'request.body.externalDivisionId'));
});

it('answers ROLE_HAS_EXIST when updateShop moves a shop to an externalShopId another shop has', async () => {
  const externalShopId = fresh('shop');
  await sendMerchant(app(), 'createShop', createShopBody({ externalShopId }));
  const res = await sendMerchant(app(), 'updateShop', {
    shopId: externalShopId,
    shopIdType: 'EXTERNAL_ID',
    merchantId: demoPartner.merchantId,
    shopAddress: address,
    newExternalShopId: 'demo-shop',
  });
  expect(res.result).toEqual(result('shopHasExisted', 'request.body.newExternalShopId'));
});

it.each([
  [
    'queryShop',
    { shopId: '216620000000000099999', shopIdType: 'INNER_ID' },
    result('shopNotExist', 'request.body.shopId'),
  ],
  [
    'updateShop',
    { shopId: 'no-such-shop', shopIdType: 'EXTERNAL_ID', merchantId: demoPartner.merchantId, shopAddress: address },
    result('shopNotExist', 'request.body.shopId'),
  ],
  [
    'queryDivision',
    { divisionId: 'no-such-division', divisionIdType: 'EXTERNAL_ID', merchantId: demoPartner.merchantId },
    result('divisionNotExist', 'request.body.divisionId'),
  ],
  [
    'updateDivision',
    {
      merchantId: demoPartner.merchantId,
      divisionIdType: 'EXTERNAL_ID',
      externalDivisionId: 'no-such-division',
      newExternalDivisionId: 'whatever',
      divisionName: 'x',
      divisionAddress: address,
      divisionType: 'REGION',
      mccCodes: ['0783'],
      extInfo: {},
    },
    result('divisionNotExist', 'request.body.externalDivisionId'),
  ],
] as const)("answers %s for an unknown id with DANA's not-found code", async (operation, body, expected) => {
  expect((await sendMerchant(app(), operation, body as never)).result).toEqual(expected);
});

it("treats another merchant's shop and division as unknown", async () => {
  const shop = await sendMerchant(app(), 'queryShop', { shopId: seededShop, shopIdType: 'INNER_ID' }, asOther);
  expect(shop.result).toEqual(result('shopNotExist', 'request.body.shopId'));
  const division = await sendMerchant(
    app(),
    'queryDivision',
    { divisionId: seededDivision, divisionIdType: 'INNER_ID' },
    asOther,
  );
  expect(division.result).toEqual(result('divisionNotExist', 'request.body.divisionId'));
});

it('answers DIVISION_NOT_EXIST "parent division not exist" for a shop or division under an unknown division', async () => {
  const shop = await sendMerchant(
    app(),
    'createShop',
    createShopBody({ shopParentType: 'EXTERNAL_DIVISION', parentDivisionId: 'no-such-division' }),
  );
  expect(shop.result).toEqual(result('parentDivisionNotExist', 'request.body.parentDivisionId'));
  const division = await sendMerchant(
    app(),
    'createDivision',
    createDivisionBody({ parentRoleType: 'DIVISION', parentDivisionId: '216620000000000099999' }),
  );
  expect(division.result).toEqual(result('parentDivisionNotExist', 'request.body.parentDivisionId'));
});

it("answers MERCHANT_NOT_EXIST when the merchantId is not the partner's merchant", async () => {
  const res = await sendMerchant(app(), 'createShop', createShopBody({ merchantId: otherPartner.merchantId }));
  expect(res.result).toEqual(result('merchantNotExist', 'request.body.merchantId'));
});

it.each([
  ['createShop', createShopBody({ sizeType: 'HUGE' }), result('paramIllegal', 'request.body.sizeType')],
  ['createShop', createShopBody({ taxNo: '12345678901234' }), result('paramIllegal', 'request.body.taxNo')],
  [
    'createShop',
    createShopBody({ shopParentType: 'DIVISION', parentDivisionId: undefined }),
    result('paramMissing', 'request.body.parentDivisionId'),
  ],
  ['queryShop', { shopId: 'demo-shop', shopIdType: 'EXTERNAL_ID' }, result('paramMissing', 'request.body.merchantId')],
  [
    'createDivision',
    createDivisionBody({ externalDivisionId: undefined }),
    result('paramMissing', 'request.body.externalDivisionId'),
  ],
  [
    'createDivision',
    createDivisionBody({ divisionAddress: { ...address, postcode: '1271' } }),
    result('paramIllegal', 'request.body.divisionAddress.postcode'),
  ],
  [
    'queryMerchantResource',
    { requestMerchantId: demoPartner.merchantId, merchantResourceInfoList: [] },
    result('paramMissing', 'request.body.merchantResourceInfoList'),
  ],
] as const)('answers %s with a bad field naming that field', async (operation, body, expected) => {
  expect((await sendMerchant(app(), operation, body as never)).result).toEqual(expected);
});

it("keeps a session's shops in that session", async () => {
  const externalShopId = fresh('shop');
  const created = await sendMerchant(app(), 'createShop', createShopBody({ externalShopId }), { session: 'shops-a' });
  const query = { shopId: created.body.shopId, shopIdType: 'INNER_ID' };
  expect((await sendMerchant(app(), 'queryShop', query, { session: 'shops-a' })).result).toEqual(result('successful'));
  expect((await sendMerchant(app(), 'queryShop', query, { session: 'shops-b' })).result.resultCode).toBe(
    'SHOP_NOT_EXIST',
  );
});

it('answers the seeded balances in the smallest currency unit, the deposit being the one disbursements draw down', async () => {
  sandbox.control.disbursements.setBalance(demoPartner.partnerId, '10000000.00');
  const res = await sendMerchant(app(), 'queryMerchantResource', {
    requestMerchantId: demoPartner.merchantId,
    merchantResourceInfoList: ['MERCHANT_DEPOSIT_BALANCE', 'MERCHANT_TOTAL_BALANCE'],
  });
  expect(res.body.merchantResourceInformations).toEqual([
    { resourceType: 'MERCHANT_DEPOSIT_BALANCE', value: '{"amount":"1000000000","currency":"IDR"}' },
    { resourceType: 'MERCHANT_TOTAL_BALANCE', value: '{"amount":"275000000","currency":"IDR"}' },
  ]);
  const other = await sendMerchant(
    app(),
    'queryMerchantResource',
    { requestMerchantId: demoPartner.merchantId, merchantResourceInfoList: ['MERCHANT_DEPOSIT_BALANCE'] },
    asOther,
  );
  expect(other.result).toEqual(result('merchantNotExist', 'request.body.requestMerchantId'));
});

it("answers queryMerchantInfo by merchant id or login phone, with the deposit account DANA's UAT runner reads", async () => {
  sandbox.control.disbursements.setBalance(demoPartner.partnerId, '10000000.00');
  const byId = await sendMerchant(app(), 'queryMerchantInfo', {
    roleId: demoPartner.merchantId,
    loginType: 'ROLE',
    isQueryAccount: true,
  });
  const deposit = byId.body.merchantInformation.accounts.find(
    (a: { accountType: string }) => a.accountType === 'MERCHANT_DEPOSIT_ACCOUNT',
  );
  expect(JSON.parse(deposit.totalAmount)).toEqual({ amount: '1000000000', currency: 'IDR' });
  const byPhone = await sendMerchant(app(), 'queryMerchantInfo', { roleId: '62-81234567890', loginType: 'MOBILE_NO' });
  expect(byPhone.body.merchantInformation).toMatchObject({
    merchantId: demoPartner.merchantId,
    merchantStatus: 'ACTIVE',
  });
  expect(byPhone.body.merchantInformation.accounts).toBeUndefined();
  const unknown = await sendMerchant(app(), 'queryMerchantInfo', {
    roleId: otherPartner.merchantId,
    loginType: 'ROLE',
  });
  expect(unknown.result).toEqual(result('merchantNotExist', 'request.body.roleId'));
});

it('answers queryAssetCardList with the cards of the asked types only', async () => {
  const base = { memberId: demoPartner.merchantId, enableOnly: 'true' };
  const va = await sendMerchant(app(), 'queryAssetCardList', { ...base, assetTypeList: ['VA_ACCOUNT'] });
  expect(va.body.assetCardList).toEqual([expect.objectContaining({ assetType: 'VA_ACCOUNT', instId: 'BNIC1ID' })]);
  const debit = await sendMerchant(app(), 'queryAssetCardList', { ...base, assetTypeList: ['DEBIT_CARD'] });
  expect(debit.body.assetCardList).toEqual([]);
  const other = await sendMerchant(app(), 'queryAssetCardList', { memberId: otherPartner.merchantId });
  expect(other.result).toEqual(result('merchantNotExist', 'request.body.memberId'));
});

it('answers a scripted scenario after the checks, and stores nothing for it', async () => {
  const externalShopId = fresh('shop');
  const scripted = await sendMerchant(app(), 'createShop', createShopBody({ externalShopId }), {
    headers: { 'X-Mock-Scenario': 'shop-exists' },
  });
  expect(scripted.result).toEqual(result('shopHasExisted', 'request.body.externalShopId'));
  expect((await sendMerchant(app(), 'createShop', createShopBody({ externalShopId }))).result).toEqual(
    result('successful'),
  );
});
