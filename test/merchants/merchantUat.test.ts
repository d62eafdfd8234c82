import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Sandbox } from '../../server/sandbox.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { fillUat, readMerchantUat, sendMerchant, type MerchantOperation } from './merchants.requests.js';

/** Each UAT group's operations, as DANA's runner names them in MerchantManagement.json. */
const operations: Record<string, MerchantOperation> = { CreateShop: 'createShop', CreateDivision: 'createDivision' };
/** The id a successful create answers with, which DANA's sample shows as a placeholder value. */
const issuedId: Record<string, string> = { CreateShop: 'shopId', CreateDivision: 'divisionId' };

const cases = (['Shop', 'Division'] as const).flatMap((group) =>
  Object.entries(readMerchantUat(group)).map(([name, uat]) => ({ name, uat })),
);

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

test.each([...cases.map((c) => ({ ...c, round: 1 })), ...cases.map((c) => ({ ...c, round: 2 }))])(
  "MerchantManagement $name answers DANA's resultInfo (round $round, fresh ids and names)",
  async ({ name, uat }) => {
    const operation = operations[name];
    if (!operation) throw new Error(`No operation for UAT case ${name}: every case needs one.`);
    const res = await sendMerchant(sandbox.app, operation, fillUat(uat.request));
    expect(res.status).toBe(200);
    expect(res.result).toEqual(uat.response.resultInfo);
    expect(res.body[issuedId[name]]).toMatch(/^\d{21}$/);
  },
);
