import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Dana } from 'dana-node';
import { formatJakartaTime } from '../../server/core/jakartaTime.js';
import { createSandbox, type Sandbox } from '../../server/sandbox.js';
import { demoPartner } from '../support/partners.js';
import { createDanaClient, isolateSdkEnvironment } from '../support/danaNodeClient.js';

let restoreEnvironment: () => void;
let sandbox: Sandbox;
let url: string;
let dana: Dana;

beforeAll(async () => {
  restoreEnvironment = isolateSdkEnvironment();
  sandbox = await createSandbox({ inMemory: true, logLevel: 'silent' });
  url = (await sandbox.listen(0)).url;
  dana = createDanaClient('disbursementApi', url);
});
afterAll(async () => {
  await sandbox.close();
  restoreEnvironment();
});

/** A control-plane call, as a partner's test makes it over HTTP. */
async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}/__admin${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const idr = (value: string) => ({ value, currency: 'IDR' });
const customerNumber = '62811742234';

test('fund the merchant -> inquire -> top up a customer -> transfer to a bank in progress -> advance the clock -> both statuses read success', async () => {
  const run = `journey-${Date.now()}`;
  const funded = await admin('POST', `/merchant-balances/${demoPartner.partnerId}`, { balance: '100000.00' });
  expect(funded).toMatchObject({ status: 200, body: { balance: '100000.00' } });

  const inquiry = await dana.disbursementApi.danaAccountInquiry({
    partnerReferenceNo: `${run}-inquiry`,
    customerNumber,
    amount: idr('20000.00'),
    transactionDate: formatJakartaTime(new Date()),
    additionalInfo: { fundType: 'AGENT_TOPUP_FOR_USER_SETTLE' },
  });
  expect(inquiry).toMatchObject({ responseCode: '2003700', customerNumber, maxAmount: idr('20000000.00') });

  const topUp = await dana.disbursementApi.transferToDana({
    partnerReferenceNo: `${run}-topup`,
    customerNumber,
    amount: idr('20000.00'),
    feeAmount: idr('1000.00'),
    additionalInfo: { fundType: 'AGENT_TOPUP_FOR_USER_SETTLE' },
  });
  expect(topUp).toMatchObject({ responseCode: '2003800', partnerReferenceNo: `${run}-topup`, amount: idr('20000.00') });
  const customer = (await admin('GET', '/fixtures/customers')).body.customers.find(
    (c: { phone: string }) => c.phone === '0811742234',
  );
  expect(customer.balance).toBe('20000.00');

  const bankInquiry = await dana.disbursementApi.bankAccountInquiry({
    partnerReferenceNo: `${run}-bank-inquiry`,
    customerNumber,
    beneficiaryAccountNumber: '2460888509',
    amount: idr('50000.00'),
    additionalInfo: { fundType: 'MERCHANT_WITHDRAW_FOR_CORPORATE', beneficiaryBankCode: '014' },
  });
  expect(bankInquiry).toMatchObject({ responseCode: '2004200', beneficiaryBankShortName: 'BCA' });

  const transfer = await dana.disbursementApi.transferToBank({
    partnerReferenceNo: `${run}-transfer`,
    customerNumber,
    beneficiaryAccountNumber: '2460888509',
    beneficiaryBankCode: '014',
    amount: idr('50000.00'),
    additionalInfo: { fundType: 'MERCHANT_WITHDRAW_FOR_CORPORATE', needNotify: true },
  });
  expect(transfer).toMatchObject({ responseCode: '2024300', responseMessage: 'Request In Progress' });

  const transferStatus = () =>
    dana.disbursementApi.transferToBankInquiryStatus({
      originalPartnerReferenceNo: `${run}-transfer`,
      serviceCode: '00',
    });
  expect(await transferStatus()).toMatchObject({ responseCode: '2000000', latestTransactionStatus: '03' });

  expect((await admin('POST', '/clock/advance', { seconds: 60 })).status).toBe(200);
  expect(await transferStatus()).toMatchObject({
    responseCode: '2000000',
    originalReferenceNo: transfer.referenceNo,
    latestTransactionStatus: '00',
    transactionStatusDesc: 'Success',
  });

  const topUpStatus = await dana.disbursementApi.transferToDanaInquiryStatus({
    originalPartnerReferenceNo: `${run}-topup`,
    serviceCode: '38',
  });
  expect(topUpStatus).toMatchObject({
    responseCode: '2003900',
    originalReferenceNo: topUp.referenceNo,
    latestTransactionStatus: '00',
    amount: idr('20000.00'),
  });

  // 100,000.00 - (20,000.00 + 1,000.00 fee) - 50,000.00
  const left = await admin('GET', `/merchant-balances/${demoPartner.partnerId}`);
  expect(left.body.balance).toBe('29000.00');
  const short = await dana.disbursementApi
    .transferToBank({
      partnerReferenceNo: `${run}-transfer-2`,
      customerNumber,
      beneficiaryAccountNumber: '2460888509',
      beneficiaryBankCode: '014',
      amount: idr('50000.00'),
      additionalInfo: { fundType: 'MERCHANT_WITHDRAW_FOR_CORPORATE' },
    })
    .catch((error: { rawResponse?: unknown }) => error.rawResponse);
  expect(short).toMatchObject({ responseCode: '4034314', responseMessage: 'Insufficient Fund' });
});
