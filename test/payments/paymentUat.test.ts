import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Sandbox } from '../../server/sandbox.js';
import { expectLikeDana } from '../support/expectLikeDana.js';
import { acknowledged, startNotifyReceiver, type NotifyReceiver } from '../support/notifyReceiver.js';
import { createTestSandbox, fixedNow } from '../support/testSandbox.js';
import {
  fillCase,
  freshReference,
  paths,
  post,
  prepareOrder,
  readUatCases,
  spacedTimestamp,
  wrongSignature,
  type OrderSetup,
} from './payments.requests.js';

/** How DANA's runner drives one case (DANA's uat-script, test/node/<product>/<operation>_test.ts). */
interface Driver {
  path: string;
  /** The order the case works on, brought to this state first; absent = a fresh reference no order has. */
  setup?: OrderSetup;
  headers?: Record<string, string | undefined>;
  /** What the runner changes in the case's request. */
  edit?: (body: Record<string, any>) => void;
  /** Send the request once before, then `edit` it and send again (duplicate-reference cases). */
  sendTwice?: boolean;
}

const noTimestamp = { 'X-TIMESTAMP': '' };
const badSignature = { 'X-SIGNATURE': wrongSignature };
const badTimestamp = { 'X-TIMESTAMP': spacedTimestamp(fixedNow) };
const amount = (value: string) => (body: Record<string, any>) => {
  body.amount.value = value;
  if (body.payOptionDetails?.[0]) body.payOptionDetails[0].transAmount.value = value;
};
const refundAmount = (value: string) => (body: Record<string, any>) => (body.refundAmount.value = value);

const pg: Record<string, Record<string, Driver>> = {
  CreateOrder: {
    CreateOrderRedirect: { path: paths.createOrder },
    CreateOrderApi: { path: paths.createOrder },
    CreateOrderBalance: { path: paths.createOrder },
    CreateOrderNetworkPayPgQris: { path: paths.createOrder },
    CreateOrderNetworkPayPgOtherWallet: { path: paths.createOrder },
    CreateOrderNetworkPayPgOtherVaBank: { path: paths.createOrder },
    CreateOrderInvalidFieldFormat: { path: paths.createOrder },
    CreateOrderInconsistentRequest: { path: paths.createOrder, sendTwice: true, edit: amount('10000.00') },
    CreateOrderInvalidMandatoryField: { path: paths.createOrder, headers: noTimestamp },
    CreateOrderUnauthorized: { path: paths.createOrder, headers: badSignature },
  },
  QueryPayment: {
    QueryPaymentCreatedOrder: { path: paths.queryPayment, setup: 'created' },
    QueryPaymentPaidOrder: { path: paths.queryPayment, setup: 'paid' },
    QueryPaymentCanceledOrder: { path: paths.queryPayment, setup: 'cancelled' },
    QueryPaymentInvalidFormat: { path: paths.queryPayment, setup: 'created', headers: badTimestamp },
    QueryPaymentInvalidMandatoryField: { path: paths.queryPayment, setup: 'created', headers: noTimestamp },
    QueryPaymentTransactionNotFound: { path: paths.queryPayment },
    QueryPaymentGeneralError: { path: paths.queryPayment, setup: 'paid' },
    QueryPaymentUnauthorized: { path: paths.queryPayment, setup: 'created', headers: badSignature },
  },
  CancelOrder: {
    CancelOrderValidScenario: { path: paths.cancelOrder, setup: 'created' },
    CancelOrderTimeout: { path: paths.cancelOrder },
    CancelOrderInProgress: { path: paths.cancelOrder },
    CancelOrderUserStatusAbnormal: { path: paths.cancelOrder },
    CancelOrderMerchantStatusAbnormal: { path: paths.cancelOrder },
    CancelOrderInvalidMandatoryField: { path: paths.cancelOrder, setup: 'created', headers: noTimestamp },
    CancelOrderTransactionNotFound: { path: paths.cancelOrder },
    CancelOrderTransactionExpired: { path: paths.cancelOrder },
    CancelOrderNotAllowed: { path: paths.cancelOrder },
    CancelOrderAccountStatusAbnormal: { path: paths.cancelOrder },
    CancelOrderInsufficientFunds: { path: paths.cancelOrder },
    CancelOrderInvalidTransactionStatus: { path: paths.cancelOrder, setup: 'refunded' },
    CancelOrderUnauthorized: { path: paths.cancelOrder, headers: badSignature },
    CancelOrderRequestTimeout: { path: paths.cancelOrder },
  },
  RefundOrder: {
    RefundOrderValidScenario: { path: paths.refundOrder, setup: 'paid' },
    RefundOrderNotAllowed: { path: paths.refundOrder, setup: 'paid' },
    RefundOrderDuplicateRequest: { path: paths.refundOrder, setup: 'refunded', edit: refundAmount('10000.00') },
    RefundOrderNotPaid: { path: paths.refundOrder, setup: 'created' },
    RefundOrderIllegalParameter: { path: paths.refundOrder, setup: 'paid' },
    RefundOrderInvalidMandatoryParameter: { path: paths.refundOrder, setup: 'paid', headers: { 'X-SIGNATURE': '' } },
    RefundOrderInvalidBill: { path: paths.refundOrder },
    RefundOrderInsufficientFunds: { path: paths.refundOrder, setup: 'paid' },
    RefundOrderUnauthorized: { path: paths.refundOrder, setup: 'paid', headers: badSignature },
    RefundOrderTimeout: { path: paths.refundOrder, setup: 'paid' },
    RefundOrderMerchantStatusAbnormal: { path: paths.refundOrder, setup: 'paid' },
    RefundOrderInProgress: { path: paths.refundOrder, setup: 'paid' },
    RefundOrderIdempotent: { path: paths.refundOrder, setup: 'paid' },
  },
  ConsultPay: {
    ConsultPayBalancedSuccess: { path: paths.consultPay },
    ConsultPayBalancedInvalidFieldFormat: { path: paths.consultPay, edit: (body) => (body.merchantId = '') },
    ConsultPayBalancedInvalidMandatoryField: { path: paths.consultPay, headers: noTimestamp },
  },
};

const widget: Record<string, Record<string, Driver>> = {
  Payment: {
    PaymentSuccess: { path: paths.widgetPayment },
    PaymentPaying: { path: paths.widgetPayment },
    PaymentFailInvalidFormat: { path: paths.widgetPayment },
    PaymentFailMissingOrInvalidMandatoryField: { path: paths.widgetPayment, headers: noTimestamp },
    PaymentFailInvalidSignature: { path: paths.widgetPayment, headers: { 'X-SIGNATURE': 'invalid_signature' } },
    PaymentFailMerchantNotExistOrStatusAbnormal: { path: paths.widgetPayment },
    PaymentFailInconsistentRequest: { path: paths.widgetPayment, sendTwice: true, edit: amount('10000.00') },
    PaymentFailInternalServerError: { path: paths.widgetPayment },
    PaymentFailGeneralError: { path: paths.widgetPayment },
    PaymentFailNotPermitted: { path: paths.widgetPayment },
    PaymentFailExceedAmountLimit: { path: paths.widgetPayment },
  },
  QueryOrder: {
    QueryOrderSuccessPaid: { path: paths.widgetQueryPayment, setup: 'paid' },
    QueryOrderSuccessInitiated: { path: paths.widgetQueryPayment, setup: 'created' },
    QueryOrderSuccessPaying: { path: paths.widgetQueryPayment, setup: 'paying' },
    QueryOrderSuccessCancelled: { path: paths.widgetQueryPayment, setup: 'cancelled' },
    QueryOrderFailInvalidField: { path: paths.widgetQueryPayment, setup: 'created', headers: badTimestamp },
    QueryOrderFailInvalidMandatoryField: { path: paths.widgetQueryPayment, setup: 'created', headers: noTimestamp },
    QueryOrderFailTransactionNotFound: { path: paths.widgetQueryPayment },
    QueryOrderFailGeneralError: { path: paths.widgetQueryPayment, setup: 'paid' },
  },
  CancelOrder: {
    CancelOrderValidScenario: { path: paths.widgetCancelOrder, setup: 'created' },
    CancelOrderFailUserStatusAbnormal: { path: paths.widgetCancelOrder },
    CancelOrderFailMerchantStatusAbnormal: { path: paths.widgetCancelOrder },
    CancelOrderFailMissingParameter: { path: paths.widgetCancelOrder },
    CancelOrderFailOrderNotExist: { path: paths.widgetCancelOrder },
    CancelOrderFailExceedCancelWindowTime: { path: paths.widgetCancelOrder },
    CancelOrderFailNotAllowedByAgreement: { path: paths.widgetCancelOrder },
    CancelOrderFailAccountStatusAbnormal: { path: paths.widgetCancelOrder },
    CancelOrderFailInsufficientMerchantBalance: { path: paths.widgetCancelOrder },
    CancelOrderFailOrderInvalidStatus: { path: paths.widgetCancelOrder, setup: 'refunded' },
    CancelOrderFailTimeout: { path: paths.widgetCancelOrder },
  },
  RefundOrder: {
    RefundOrderValidScenario: { path: paths.widgetRefundOrder, setup: 'paid' },
    RefundFailDuplicateRequest: { path: paths.widgetRefundOrder, setup: 'refunded', edit: refundAmount('10000.00') },
    RefundFailOrderNotPaid: { path: paths.widgetRefundOrder, setup: 'created' },
    RefundFailMandatoryParameterInvalid: { path: paths.widgetRefundOrder, setup: 'paid', headers: noTimestamp },
    RefundFailOrderNotExist: { path: paths.widgetRefundOrder },
    RefundFailTimeout: { path: paths.widgetRefundOrder, setup: 'paid' },
    RefundIdempotent: { path: paths.widgetRefundOrder, setup: 'refunded' },
    RefundFailMerchantStatusAbnormal: { path: paths.widgetRefundOrder, setup: 'paid' },
    RefundFailInvalidSignature: { path: paths.widgetRefundOrder, setup: 'paid', headers: badSignature },
  },
};

const rows = (file: 'PaymentGateway' | 'Widget', drivers: Record<string, Record<string, Driver>>) =>
  Object.entries(drivers).flatMap(([operation, cases]) =>
    Object.entries(readUatCases(file, operation)).map(([name, uat], _, all) => {
      const driver = cases[name];
      // A case that lists no request (QueryPaymentUnauthorized) is sent with its operation's first request, as DANA's runner does.
      if (!uat.request) uat = { ...uat, request: all[0][1].request };
      if (!driver) throw new Error(`No driver for ${file} ${operation} ${name}: every UAT case needs one.`);
      return { label: `${file} ${name}`, uat, driver, widget: file === 'Widget' };
    }),
  );

const cases = [...rows('PaymentGateway', pg), ...rows('Widget', widget)];

let sandbox: Sandbox;
let receiver: NotifyReceiver;
beforeAll(async () => {
  sandbox = await createTestSandbox();
  receiver = await startNotifyReceiver([acknowledged]);
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

/** Runs one case the way DANA's runner does; returns the sandbox's answer and the reference the runner sent. */
async function drive(run: (typeof cases)[number]) {
  const { uat, driver, widget: isWidget } = run;
  const reference = driver.setup
    ? await prepareOrder(sandbox, isWidget, driver.setup, receiver.url())
    : freshReference('none');
  const body = fillCase(uat.request, { reference, notifyUrl: receiver.url() });
  // DANA's widget runner always names a fresh partnerReferenceNo and validUpTo (prepareWidgetPaymentRequest).
  if (driver.path === paths.widgetPayment) body.partnerReferenceNo = reference;
  if (driver.sendTwice) await post(sandbox.app, driver.path, body);
  driver.edit?.(body);
  const res = await post(sandbox.app, driver.path, body, driver.headers);
  return { res, reference };
}

test.each([...cases.map((c) => ({ ...c, round: 1 })), ...cases.map((c) => ({ ...c, round: 2 }))])(
  "$label answers every member DANA's answer has (round $round, fresh ids and timestamps)",
  async (run) => {
    const { res, reference } = await drive(run);
    expectLikeDana(fillCase(run.uat.response, { reference, notifyUrl: '' }), res.body);
    expect(res.status).toBe(Number(run.uat.response.responseCode.slice(0, 3)));
  },
);

test('the query cases read the state they set up: INIT, SUCCESS, PAYING, CANCELLED', async () => {
  const statuses = [];
  for (const name of [
    'QueryOrderSuccessInitiated',
    'QueryOrderSuccessPaid',
    'QueryOrderSuccessPaying',
    'QueryOrderSuccessCancelled',
  ]) {
    const run = cases.find((c) => c.label === `Widget ${name}`)!;
    const { res } = await drive(run);
    statuses.push([res.body.latestTransactionStatus, res.body.transactionStatusDesc]);
  }
  expect(statuses).toEqual([
    ['01', 'INIT'],
    ['00', 'SUCCESS'],
    ['02', 'PAYING'],
    ['05', 'CANCELLED'],
  ]);
});
