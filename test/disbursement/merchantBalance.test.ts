import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { disbursementTerms } from '../../server/disbursement/magicData.js';
import type { Sandbox } from '../../server/sandbox.js';
import { freshReference, post } from '../payments/payments.requests.js';
import { admin } from '../support/admin.js';
import { demoPartner } from '../support/partners.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { paths, uatRequest } from './disbursement.requests.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

const balancePath = `/merchant-balances/${demoPartner.partnerId}`;
const inSession = (session: string) => ({ 'X-Mock-Session': session });
const topUp = (value: string, session: string, customerNumber = '62811742234') => {
  const body = uatRequest('TransferToDana', 'TopUpCustomerValid', freshReference('deposit'));
  body.amount.value = value;
  body.customerNumber = customerNumber;
  return post(sandbox.app, paths.transferToDana, body, inSession(session));
};
const transfer = (session: string, needNotify: boolean) => {
  const body = uatRequest('TransferToBank', 'DisbursementBankValidAccount', freshReference('transfer'));
  body.additionalInfo.needNotify = needNotify;
  return post(sandbox.app, paths.transferToBank, body, inSession(session));
};

test('a partner that never set its deposit starts with the documented default', async () => {
  const res = await admin(sandbox, 'GET', balancePath, undefined, 'fresh');
  expect(res).toMatchObject({ status: 200, body: { balance: disbursementTerms.defaultMerchantBalance } });
});

test('the deposit can be set and funded, and a top-up it cannot cover answers 4033814 Insufficient Fund', async () => {
  expect((await admin(sandbox, 'POST', balancePath, { balance: '1000.00' }, 'short')).body.balance).toBe('1000.00');
  expect((await topUp('1000.00', 'short')).body).toMatchObject({
    responseCode: '4033814',
    responseMessage: 'Insufficient Fund',
  });
  const funded = await admin(sandbox, 'POST', `${balancePath}/fund`, { amount: '500.00' }, 'short');
  expect(funded.body.balance).toBe('1500.00');
  expect((await topUp('1000.00', 'short')).body.responseCode).toBe('2003800');
  // amount 1,000.00 + feeAmount 1.00
  expect((await admin(sandbox, 'GET', balancePath, undefined, 'short')).body.balance).toBe('499.00');
});

test("a session's deposit is its own: spending in one leaves another and the global scope untouched", async () => {
  await admin(sandbox, 'POST', balancePath, { balance: '60000.00' }, 'spender');
  expect((await transfer('spender', false)).body.responseCode).toBe('2004300');
  expect((await admin(sandbox, 'GET', balancePath, undefined, 'spender')).body.balance).toBe('10000.00');
  expect((await admin(sandbox, 'GET', balancePath, undefined, 'bystander')).body.balance).toBe(
    disbursementTerms.defaultMerchantBalance,
  );
  expect((await admin(sandbox, 'GET', balancePath)).body.balance).toBe(disbursementTerms.defaultMerchantBalance);
});

test('a merchantBalances fixture sets the deposit like the control route', async () => {
  const created = await admin(
    sandbox,
    'POST',
    '/fixtures/merchantBalances',
    { partnerId: demoPartner.partnerId, balance: '10.00' },
    'fixture',
  );
  expect(created.status).toBe(201);
  expect((await transfer('fixture', false)).body.responseCode).toBe('4034314');
});

test("top-ups raise the customer's DANA balance up to the 20,000,000.00 limit, then answer 4033802", async () => {
  await admin(sandbox, 'POST', balancePath, { balance: '50000000.00' }, 'limit');
  expect((await topUp('19999999.00', 'limit')).body.responseCode).toBe('2003800');
  const customers = (await admin(sandbox, 'GET', '/fixtures/customers', undefined, 'limit')).body.customers;
  expect(customers.find((c: { phone: string }) => c.phone === '0811742234').balance).toBe('19999999.00');
  expect((await topUp('1.00', 'limit')).body.responseCode).toBe('2003800');
  expect((await topUp('1.00', 'limit')).body).toMatchObject({ responseCode: '4033802' });
});

test('an in-progress transfer reads Pending until its settlement, and the settle route ends it at once', async () => {
  const started = await transfer('settle', true);
  expect(started.body.responseCode).toBe('2024300');
  const status = () =>
    post(
      sandbox.app,
      paths.transferToBankInquiryStatus,
      { originalPartnerReferenceNo: started.body.partnerReferenceNo, serviceCode: '00' },
      inSession('settle'),
    );
  expect((await status()).body).toMatchObject({ latestTransactionStatus: '03', transactionStatusDesc: 'Pending' });
  const settled = await admin(
    sandbox,
    'POST',
    `/disbursements/${started.body.partnerReferenceNo}/settle`,
    {},
    'settle',
  );
  expect(settled).toMatchObject({ status: 200, body: { status: 'SUCCESS' } });
  expect((await status()).body).toMatchObject({ latestTransactionStatus: '00', transactionStatusDesc: 'Success' });
  const again = await admin(sandbox, 'POST', `/disbursements/${started.body.partnerReferenceNo}/settle`, {}, 'settle');
  expect(again.status).toBe(409);
});

test('the control routes refuse an unknown partner and a malformed amount, naming them', async () => {
  const unknown = await admin(sandbox, 'GET', '/merchant-balances/nobody');
  expect(unknown.status).toBe(404);
  expect(JSON.stringify(unknown.body)).toContain('nobody');
  const malformed = await admin(sandbox, 'POST', balancePath, { balance: '10' });
  expect(malformed.status).toBe(400);
  expect(JSON.stringify(malformed.body)).toContain('balance');
});
