import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { formatJakartaTime } from '../../server/core/jakartaTime.js';
import type { Sandbox } from '../../server/sandbox.js';
import { pushBody, sendEnvelope } from '../endpoints/pushNotificationUser.requests.js';
import { demoPartner } from '../support/partners.js';
import { createTestSandbox, fixedNow } from '../support/testSandbox.js';
import { freshReference, paths, post } from './payments.requests.js';

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await createTestSandbox();
});
afterEach(() => sandbox.close());

const money = (value: string) => ({ value, currency: 'IDR' });
const orderBody = (partnerReferenceNo: string, value = '100000.00', validForMs = 30 * 60_000) => ({
  partnerReferenceNo,
  merchantId: demoPartner.merchantId,
  amount: money(value),
  validUpTo: formatJakartaTime(new Date(fixedNow + validForMs)),
  urlParams: [{ url: 'https://merchant.example/return', type: 'PAY_RETURN', isDeeplink: 'N' }],
  additionalInfo: { order: { orderTitle: 'Sepatu' } },
});
const query = (originalPartnerReferenceNo: string) =>
  post(sandbox.app, paths.queryPayment, {
    originalPartnerReferenceNo,
    serviceCode: '54',
    merchantId: demoPartner.merchantId,
  });
const refund = (originalPartnerReferenceNo: string, partnerRefundNo: string, value: string) =>
  post(sandbox.app, paths.refundOrder, {
    originalPartnerReferenceNo,
    partnerRefundNo,
    refundAmount: money(value),
    merchantId: demoPartner.merchantId,
  });
const balance = () => sandbox.control.listFixtures('customers').find((c) => c.id === 'cust-active')!.balance;

async function paidOrder(value = '100000.00'): Promise<string> {
  const reference = freshReference('paid');
  expect((await post(sandbox.app, paths.createOrder, orderBody(reference, value))).body.responseCode).toBe('2005400');
  sandbox.control.payments.pay(reference, 'cust-active');
  return reference;
}

test("a payment takes the amount from the seeded customer's balance and refunds give it back, never more than was paid", async () => {
  expect(balance()).toBe('1500000.00');
  const reference = await paidOrder();
  expect(balance()).toBe('1400000.00');
  expect((await refund(reference, 'r1', '30000.00')).body.responseCode).toBe('2005800');
  expect(balance()).toBe('1430000.00');
  const tooMuch = await refund(reference, 'r2', '70000.01');
  expect([tooMuch.body.responseCode, tooMuch.body.responseMessage]).toEqual([
    '4035815',
    'Transaction Not Permitted refundAmount',
  ]);
  expect((await refund(reference, 'r2', '70000.00')).body.responseCode).toBe('2005800');
  expect(balance()).toBe('1500000.00');
  expect((await refund(reference, 'r3', '0.01')).body.responseCode).toBe('4035815');
  const fully = await query(reference);
  expect([fully.body.latestTransactionStatus, fully.body.transactionStatusDesc]).toEqual(['04', 'REFUNDED']);
  expect(fully.body.additionalInfo.amountDetail.refundAmount).toEqual(money('100000.00'));
  expect(fully.body.additionalInfo.refunds.map((r: { partnerRefundNo: string }) => r.partnerRefundNo)).toEqual([
    'r1',
    'r2',
  ]);
});

test('a refund is idempotent by partnerRefundNo: the same amount answers the same refund, another amount 4045818', async () => {
  const reference = await paidOrder();
  const first = await refund(reference, 'same', '1000.00');
  const again = await refund(reference, 'same', '1000.00');
  expect(again.body).toMatchObject({ responseCode: '2005800', refundNo: first.body.refundNo });
  expect(balance()).toBe('1401000.00');
  expect((await refund(reference, 'same', '2000.00')).body.responseCode).toBe('4045818');
});

test('a payment larger than the balance is refused and the order stays INIT', async () => {
  const reference = freshReference('rich');
  await post(sandbox.app, paths.createOrder, orderBody(reference, '2000000.00'));
  expect(() => sandbox.control.payments.pay(reference, 'cust-active')).toThrow('Insufficient balance');
  expect((await query(reference)).body.latestTransactionStatus).toBe('01');
});

test('the same createOrder again answers the same order; another request with its partnerReferenceNo 4045418', async () => {
  const reference = freshReference('dup');
  const first = await post(sandbox.app, paths.createOrder, orderBody(reference));
  const repeat = await post(sandbox.app, paths.createOrder, orderBody(reference));
  expect(repeat.body).toMatchObject({ responseCode: '2005400', referenceNo: first.body.referenceNo });
  const other = await post(sandbox.app, paths.createOrder, orderBody(reference, '5.00'));
  expect([other.status, other.body.responseCode, other.body.responseMessage]).toEqual([
    404,
    '4045418',
    'Inconsistent Request',
  ]);
});

test('an unpaid order closes at validUpTo on the sandbox clock; then it cannot be paid and cancel answers 4035700', async () => {
  const reference = freshReference('late');
  await post(sandbox.app, paths.createOrder, orderBody(reference, '10.00', 60_000));
  sandbox.control.clock.advance(59_000);
  expect((await query(reference)).body.transactionStatusDesc).toBe('INIT');
  sandbox.control.clock.advance(1_000);
  const closed = await query(reference);
  expect([closed.body.latestTransactionStatus, closed.body.transactionStatusDesc]).toEqual(['05', 'CLOSED']);
  expect(() => sandbox.control.payments.pay(reference)).toThrow('is CLOSED');
  const cancel = await post(sandbox.app, paths.cancelOrder, {
    originalPartnerReferenceNo: reference,
    merchantId: demoPartner.merchantId,
  });
  expect(cancel.body.responseCode).toBe('4035700');
});

test('cancelling a paid order gives the customer the money back; a cancelled order cannot be refunded', async () => {
  const reference = await paidOrder('2500.00');
  const cancel = await post(sandbox.app, paths.cancelOrder, {
    originalPartnerReferenceNo: reference,
    merchantId: demoPartner.merchantId,
  });
  expect(cancel.body).toMatchObject({ responseCode: '2005700', originalPartnerReferenceNo: reference });
  expect(balance()).toBe('1500000.00');
  expect((await refund(reference, 'after-cancel', '1.00')).body.responseCode).toBe('4045800');
});

test('a createOrder whose validUpTo is already past answers 4005401 naming validUpTo', async () => {
  const res = await post(sandbox.app, paths.createOrder, orderBody(freshReference('past'), '10.00', -1000));
  expect([res.body.responseCode, res.body.responseMessage]).toEqual(['4005401', 'Invalid Field Format validUpTo']);
});

test("pushNotificationUser accepts a paid order's referenceNo as its acquirementId", async () => {
  const reference = await paidOrder('10.00');
  const { referenceNo } = sandbox.control.payments.order(reference);
  const res = await sendEnvelope(sandbox.app, { body: pushBody(referenceNo) });
  expect(res.body.response.body.resultInfo.resultCodeId).toBe('00000000');
});
