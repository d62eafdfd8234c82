import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Sandbox } from '../../server/sandbox.js';
import { fillCase, freshReference, post, readUatCases, wrongSignature } from '../payments/payments.requests.js';
import { demoPartner } from '../support/partners.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { expectLikeDana } from '../support/expectLikeDana.js';
import { paths, prepare, uatRequest, type Setup } from './disbursement.requests.js';

/** How DANA's runner drives one case (DANA's uat-script, test/node/disbursement/<operation>_test.ts). */
interface Driver {
  path: string;
  /** The disbursement a status case reads, made first through the API; absent = a fresh number nobody used. */
  setup?: Setup;
  headers?: Record<string, string>;
  edit?: (body: Record<string, any>) => void;
  /** Send the request once before, then `edit` it and send again (idempotency and inconsistency cases). */
  sendTwice?: boolean;
}

const badSignature = { 'X-SIGNATURE': wrongSignature };
const amount = (value: string) => (body: Record<string, any>) => (body.amount.value = value);

const drivers: Record<string, Record<string, Driver>> = {
  DanaAccountInquiry: {
    InquiryCustomerValidData: { path: paths.danaAccountInquiry },
    InquiryCustomerFrozenAccount: { path: paths.danaAccountInquiry },
    InquiryCustomerUnregisteredAccount: { path: paths.danaAccountInquiry },
    InquiryCustomerExceededLimit: { path: paths.danaAccountInquiry },
    InquiryCustomerUnauthorizedSignature: { path: paths.danaAccountInquiry, headers: badSignature },
  },
  TransferToDana: {
    TopUpCustomerValid: { path: paths.transferToDana },
    TopUpCustomerTimeout: { path: paths.transferToDana },
    TopUpCustomerIdempotent: { path: paths.transferToDana, sendTwice: true },
    TopUpCustomerFrozenAccount: { path: paths.transferToDana },
    TopUpCustomerExceedAmountLimit: { path: paths.transferToDana },
    TopUpCustomerMissingMandatoryField: { path: paths.transferToDana },
    TopUpCustomerUnauthorizedSignature: { path: paths.transferToDana, headers: badSignature },
    TopUpCustomerInvalidFieldFormat: { path: paths.transferToDana },
    TopUpCustomerInconsistentRequest: { path: paths.transferToDana, sendTwice: true, edit: amount('4.00') },
    TopUpCustomerInternalServerError: { path: paths.transferToDana },
    TopUpCustomerInternalGeneralError: { path: paths.transferToDana },
    TopUpCustomerInsufficientFund: { path: paths.transferToDana },
  },
  TransferToDanaInquiryStatus: {
    InquiryTopUpStatusValidPaid: { path: paths.transferToDanaInquiryStatus, setup: 'paidTopUp' },
    InquiryTopUpStatusValidFail: { path: paths.transferToDanaInquiryStatus, setup: 'failedTopUp' },
    InquiryTopUpStatusInvalidFieldFormat: { path: paths.transferToDanaInquiryStatus, setup: 'paidTopUp' },
    InquiryTopUpStatusMissingMandatoryField: {
      path: paths.transferToDanaInquiryStatus,
      setup: 'paidTopUp',
      headers: { 'X-TIMESTAMP': '' },
    },
    InquiryTopUpStatusUnauthorizedSignature: {
      path: paths.transferToDanaInquiryStatus,
      setup: 'paidTopUp',
      headers: badSignature,
    },
    InquiryTopUpStatusNotFoundTransaction: { path: paths.transferToDanaInquiryStatus },
  },
  BankAccountInquiry: {
    InquiryBankAccountValidDataAmount: { path: paths.bankAccountInquiry },
    InquiryBankAccountInsufficientFund: { path: paths.bankAccountInquiry },
    InquiryBankAccountUnauthorizedSignature: { path: paths.bankAccountInquiry, headers: badSignature },
    InquiryBankAccountInactiveAccount: { path: paths.bankAccountInquiry },
    InquiryBankAccountInvalidMerchant: { path: paths.bankAccountInquiry },
    InquiryBankAccountInvalidCard: { path: paths.bankAccountInquiry },
    InquiryBankAccountInvalidFieldFormat: { path: paths.bankAccountInquiry },
    InquiryBankAccountMissingMandatoryField: { path: paths.bankAccountInquiry },
  },
  TransferToBank: {
    DisbursementBankValidAccount: { path: paths.transferToBank },
    DisbursementBankInsufficientFund: { path: paths.transferToBank },
    DisbursementBankValidAccountInProgress: { path: paths.transferToBank },
    DisbursementBankUnauthorizedSignature: { path: paths.transferToBank, headers: badSignature },
    DisbursementBankMissingMandatoryField: { path: paths.transferToBank },
    DisbursementBankInvalidFieldFormat: { path: paths.transferToBank },
    DisbursementBankInvalidMandatoryFieldFormat: { path: paths.transferToBank, headers: { 'X-SIGNATURE': '' } },
    DisbursementBankInconsistentRequest: { path: paths.transferToBank, sendTwice: true, edit: amount('2.00') },
    DisbursementBankSuspectedFraud: { path: paths.transferToBank },
    DisbursementBankGeneralError: { path: paths.transferToBank },
    DisbursementBankUnknownError: { path: paths.transferToBank },
    DisbursementBankInactiveAccount: { path: paths.transferToBank },
  },
  TransferToBankInquiryStatus: {
    TransferToBankInquiryStatusSuccessful: { path: paths.transferToBankInquiryStatus, setup: 'bankTransfer' },
    TransferToBankInquiryStatusTransactionNotFound: { path: paths.transferToBankInquiryStatus },
  },
};

const cases = Object.entries(drivers).flatMap(([operation, named]) =>
  Object.entries(readUatCases('Disbursement', operation)).map(([name, uat]) => {
    const driver = named[name];
    if (!driver) throw new Error(`No driver for Disbursement ${operation} ${name}: every UAT case needs one.`);
    return { label: `${operation} ${name}`, operation, name, uat, driver };
  }),
);

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

/** Runs one case the way DANA's runner does; returns the answer and the reference it used. */
async function drive({ operation, name, driver }: (typeof cases)[number]) {
  const reference = driver.setup ? await prepare(sandbox, driver.setup) : freshReference('uat');
  const body = uatRequest(operation, name, reference);
  if (driver.sendTwice) await post(sandbox.app, driver.path, body);
  driver.edit?.(body);
  const res = await post(sandbox.app, driver.path, body, driver.headers);
  return { res, reference };
}

test('every case of the UAT file has a driver (45 cases)', () => {
  expect(cases).toHaveLength(45);
});

test.each([...cases.map((c) => ({ ...c, round: 1 })), ...cases.map((c) => ({ ...c, round: 2 }))])(
  "$label answers DANA's code and message (round $round, fresh references and timestamps)",
  async (run) => {
    const { res, reference } = await drive(run);
    const expected = fillCase(run.uat.response, { reference, notifyUrl: '' });
    const { responseCode, responseMessage, ...members } = expected;
    expectLikeDana({ responseCode, responseMessage }, res.body);
    expect(res.status).toBe(Number(res.body.responseCode.slice(0, 3)));
    // Every member DANA's answer has, as DANA's runner compares them (the gateway's own refusals of bank
    // account inquiry repeat partnerReferenceNo too).
    expectLikeDana(members, res.body);
  },
);

test('an idempotent top-up answers the first answer again, with the same referenceNo, and credits once', async () => {
  const reference = freshReference('idem');
  const body = uatRequest('TransferToDana', 'TopUpCustomerIdempotent', reference);
  const before = sandbox.control.disbursements.balance(demoPartner.partnerId).balance;
  const first = await post(sandbox.app, paths.transferToDana, body);
  const second = await post(sandbox.app, paths.transferToDana, body);
  expect([first.body.responseCode, second.body.responseCode]).toEqual(['2003800', '2003800']);
  expect(second.body.referenceNo).toBe(first.body.referenceNo);
  const after = sandbox.control.disbursements.balance(demoPartner.partnerId).balance;
  // amount 1.00 + feeAmount 1.00, once.
  expect(Number(before) - Number(after)).toBeCloseTo(2, 2);
});
