import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Dana } from 'dana-node';
import { createSandbox, type Sandbox } from '../../server/sandbox.js';
import { demoPartner } from '../support/partners.js';
import { createDanaClient, isolateSdkEnvironment } from '../support/danaNodeClient.js';
import { createDivisionBody, createShopBody } from '../merchants/merchants.requests.js';

let restoreEnvironment: () => void;
let sandbox: Sandbox;
let dana: Dana;

beforeAll(async () => {
  restoreEnvironment = isolateSdkEnvironment();
  sandbox = await createSandbox({ inMemory: true, logLevel: 'silent' });
  const { url } = await sandbox.listen(0);
  dana = createDanaClient('merchantManagementApi', url, { clientSecret: demoPartner.clientSecret });
});
afterAll(async () => {
  await sandbox.close();
  restoreEnvironment();
});

const resultCode = (answer: { response?: { body?: { resultInfo?: { resultCode?: string } } } }) =>
  answer.response?.body?.resultInfo?.resultCode;

test("dana-node's MerchantManagementApi creates, queries and updates a division and a shop under it", async () => {
  const api = dana.merchantManagementApi;
  const externalDivisionId = `sdk-division-${Date.now()}`;
  const division = await api.createDivision(createDivisionBody({ externalDivisionId }) as never);
  expect(resultCode(division)).toBe('SUCCESS');
  const divisionId = division.response.body.divisionId as string;
  expect(divisionId).toMatch(/^\d{21}$/);

  const byExternalId = await api.queryDivision({
    merchantId: demoPartner.merchantId,
    divisionId: externalDivisionId,
    divisionIdType: 'EXTERNAL_ID',
  });
  expect(byExternalId.response.body.divisionResourceInfo).toMatchObject({
    divisionId,
    externalDivisionId,
    parentRoleType: 'MERCHANT',
    divisionType: 'REGION',
  });

  const renamed = await api.updateDivision({
    ...(createDivisionBody({ externalDivisionId }) as Record<string, unknown>),
    divisionId,
    divisionIdType: 'INNER_ID',
    divisionName: 'Renamed by the SDK',
    newExternalDivisionId: `${externalDivisionId}-v2`,
  } as never);
  expect(resultCode(renamed)).toBe('SUCCESS');
  const afterRename = await api.queryDivision({ divisionId, divisionIdType: 'INNER_ID' });
  expect(afterRename.response.body.divisionResourceInfo).toMatchObject({
    divisionName: 'Renamed by the SDK',
    externalDivisionId: `${externalDivisionId}-v2`,
  });

  const externalShopId = `sdk-shop-${Date.now()}`;
  const shop = await api.createShop(
    createShopBody({ externalShopId, shopParentType: 'DIVISION', parentDivisionId: divisionId }) as never,
  );
  expect(resultCode(shop)).toBe('SUCCESS');
  const shopId = shop.response.body.shopId as string;

  const queried = await api.queryShop({ shopId, shopIdType: 'INNER_ID' });
  expect(queried.response.body.shopResourceInfo).toMatchObject({
    merchantId: demoPartner.merchantId,
    parentDivisionId: divisionId,
    parentRoleType: 'DIVISION',
    externalShopId,
    mainName: 'Toko Jest',
  });

  const updated = await api.updateShop({
    shopId: externalShopId,
    shopIdType: 'EXTERNAL_ID',
    merchantId: demoPartner.merchantId,
    mainName: 'Toko Jest Baru',
    shopAddress: (createShopBody() as { shopAddress: object }).shopAddress,
  } as never);
  expect(resultCode(updated)).toBe('SUCCESS');
  const requeried = await api.queryShop({
    merchantId: demoPartner.merchantId,
    shopId: externalShopId,
    shopIdType: 'EXTERNAL_ID',
  });
  expect(requeried.response.body.shopResourceInfo?.mainName).toBe('Toko Jest Baru');

  const again = await api.createShop(createShopBody({ externalShopId }) as never);
  expect(again.response.body.resultInfo).toMatchObject({ resultStatus: 'F', resultCode: 'ROLE_HAS_EXIST' });
});
