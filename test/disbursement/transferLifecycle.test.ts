import { afterAll, beforeAll, expect, test } from '@jest/globals';
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

const inSession = (session: string) => ({ 'X-Mock-Session': session });

test('an in-progress transfer sent again answers 2024300 until its settlement on the sandbox clock, then 2004300', async () => {
  const body = uatRequest('TransferToBank', 'DisbursementBankValidAccountInProgress', freshReference('repeat'));
  const send = () => post(sandbox.app, paths.transferToBank, body, inSession('repeat'));
  const first = await send();
  expect(first.body.responseCode).toBe('2024300');
  await admin(sandbox, 'POST', '/clock/advance', { seconds: 59 }, 'repeat');
  expect((await send()).body).toMatchObject({ responseCode: '2024300', referenceNo: first.body.referenceNo });
  await admin(sandbox, 'POST', '/clock/advance', { seconds: 1 }, 'repeat');
  expect((await send()).body).toMatchObject({
    responseCode: '2004300',
    responseMessage: 'Success',
    referenceNo: first.body.referenceNo,
  });
  // Drawn once: 1,000,000,000.00 - 50,000.00.
  expect(
    (await admin(sandbox, 'GET', `/merchant-balances/${demoPartner.partnerId}`, undefined, 'repeat')).body,
  ).toMatchObject({
    balance: '999950000.00',
  });
});

test('a refused top-up sent again is refused again, even once the deposit could pay it; a new number goes through', async () => {
  await admin(sandbox, 'POST', `/merchant-balances/${demoPartner.partnerId}`, { balance: '0.00' }, 'refused');
  const body = uatRequest('TransferToDana', 'TopUpCustomerValid', freshReference('refused'));
  const send = () => post(sandbox.app, paths.transferToDana, body, inSession('refused'));
  expect((await send()).body.responseCode).toBe('4033814');
  await admin(sandbox, 'POST', `/merchant-balances/${demoPartner.partnerId}/fund`, { amount: '10.00' }, 'refused');
  expect((await send()).body.responseCode).toBe('4033814');
  body.partnerReferenceNo = freshReference('refused-new');
  expect((await send()).body.responseCode).toBe('2003800');
});

test("the transfer status finds a transfer by DANA's referenceNo alone; the top-up status does not know it", async () => {
  const transfer = await post(
    sandbox.app,
    paths.transferToBank,
    uatRequest('TransferToBank', 'DisbursementBankValidAccount', freshReference('by-dana-number')),
  );
  const byDanaNumber = await post(sandbox.app, paths.transferToBankInquiryStatus, {
    originalReferenceNo: transfer.body.referenceNo,
    serviceCode: '00',
  });
  expect(byDanaNumber.body).toMatchObject({
    responseCode: '2000000',
    originalPartnerReferenceNo: transfer.body.partnerReferenceNo,
    latestTransactionStatus: '00',
  });
  const atTopUpStatus = await post(sandbox.app, paths.transferToDanaInquiryStatus, {
    originalPartnerReferenceNo: transfer.body.partnerReferenceNo,
    serviceCode: '38',
  });
  expect(atTopUpStatus.body.responseCode).toBe('4043901');
});

test('a status inquiry naming no transfer answers 4000002 Invalid Mandatory Field originalPartnerReferenceNo', async () => {
  const res = await post(sandbox.app, paths.transferToBankInquiryStatus, { serviceCode: '00' });
  expect(res.body).toMatchObject({
    responseCode: '4000002',
    responseMessage: 'Invalid Mandatory Field originalPartnerReferenceNo',
  });
});

test.each([
  ['transferToDana', 'TransferToDana', 'TopUpCustomerValid', '4033814'],
  ['transferToBank', 'TransferToBank', 'DisbursementBankValidAccount', '4034314'],
  ['bankAccountInquiry', 'BankAccountInquiry', 'InquiryBankAccountValidDataAmount', '4034214'],
] as const)(
  'a scripted insufficient-funds answer on %s is worded as DANA words it, like the real one',
  async (_endpoint, operation, name, code) => {
    const body = uatRequest(operation, name, freshReference('scripted'));
    const path = paths[_endpoint];
    const res = await post(sandbox.app, path, body, { 'X-Mock-Scenario': 'insufficient-funds' });
    expect(res.body).toMatchObject({ responseCode: code, responseMessage: 'Insufficient Fund' });
  },
);
