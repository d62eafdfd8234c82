import { afterEach, beforeEach, expect, test } from '@jest/globals';
import request from 'supertest';
import { formatJakartaTime } from '../../server/core/jakartaTime.js';
import type { Sandbox } from '../../server/sandbox.js';
import { retryDelaysSeconds } from '../../server/webhooks/WebhookDelivery.js';
import { acknowledged, startNotifyReceiver, type NotifyReceiver } from '../support/notifyReceiver.js';
import { demoPartner } from '../support/partners.js';
import { createTestSandbox, fixedNow } from '../support/testSandbox.js';
import { freshReference, paths, post } from './payments.requests.js';

let sandbox: Sandbox;
let receiver: NotifyReceiver;
beforeEach(async () => {
  sandbox = await createTestSandbox({ webhookTimeoutMs: 2000 });
});
afterEach(async () => {
  await sandbox.close();
  await receiver?.close();
});

/** A VA order (as DANA's finish-notify runner creates it) notifying the receiver; returns its numbers. */
async function createVaOrder(value: string, validForMs = 30 * 60_000) {
  const partnerReferenceNo = freshReference('notify');
  const res = await post(sandbox.app, paths.createOrder, {
    partnerReferenceNo,
    merchantId: demoPartner.merchantId,
    amount: { value, currency: 'IDR' },
    validUpTo: formatJakartaTime(new Date(fixedNow + validForMs)),
    urlParams: [{ url: receiver.url(), type: 'NOTIFICATION', isDeeplink: 'Y' }],
    payOptionDetails: [
      { payMethod: 'VIRTUAL_ACCOUNT', payOption: 'VIRTUAL_ACCOUNT_CIMB', transAmount: { value, currency: 'IDR' } },
    ],
    additionalInfo: { mcc: '5732', envInfo: { sourcePlatform: 'IPG', terminalType: 'SYSTEM' } },
  });
  expect(res.body.responseCode).toBe('2005400');
  return { partnerReferenceNo, paymentCode: res.body.additionalInfo.paymentCode as string };
}

const payVa = (virtualAccountNo: string) =>
  request(sandbox.app)
    .post('/__admin/sandbox-tools/execute')
    .send({ urlEndpoint: '/v1.0/transfer-va/payment.htm', requestBody: { virtualAccountNo } });

const notified = () => receiver.received.map((r) => JSON.parse(r.body));

test('a partner webhook that answers 500 twice and then 200 gets three attempts, all journalled', async () => {
  receiver = await startNotifyReceiver([{ status: 500 }, { status: 500 }, acknowledged]);
  const { partnerReferenceNo, paymentCode } = await createVaOrder('11011.00');
  expect((await payVa(paymentCode)).status).toBe(200);
  await sandbox.control.payments.settled();
  sandbox.control.clock.advance(retryDelaysSeconds[0] * 1000);
  await sandbox.control.payments.settled();
  sandbox.control.clock.advance(retryDelaysSeconds[1] * 1000);
  await sandbox.control.payments.settled();

  expect(notified().map((n) => [n.originalPartnerReferenceNo, n.latestTransactionStatus])).toEqual([
    [partnerReferenceNo, '00'],
    [partnerReferenceNo, '00'],
    [partnerReferenceNo, '00'],
  ]);
  const outbound = sandbox.control.journal().filter((e) => e.verdicts.direction === 'outbound');
  expect(outbound.map((e) => [e.endpoint, e.response.status, e.verdicts.attempt])).toEqual([
    ['finishNotify', 500, 1],
    ['finishNotify', 500, 2],
    ['finishNotify', 200, 3],
  ]);
  const { body } = await request(sandbox.app).get('/__admin/webhooks');
  expect(body.webhooks).toMatchObject([{ partnerReferenceNo, status: 'delivered', attempts: [{}, {}, {}] }]);
});

test("DANA's magic amounts: 11011.00 notifies success, 11012.00 an internal error, 11013.00 an expiry at validUpTo", async () => {
  receiver = await startNotifyReceiver([acknowledged]);
  const success = await createVaOrder('11011.00');
  const failure = await createVaOrder('11012.00');
  const expiry = await createVaOrder('11013.00', 135_000);
  expect((await payVa(success.paymentCode)).status).toBe(200);
  expect((await payVa(failure.paymentCode)).status).toBe(200);
  const refused = await payVa(expiry.paymentCode);
  expect(refused.status).toBe(409);
  expect(refused.body.error.message).toContain('11013.00');
  await sandbox.control.payments.settled();
  expect(notified()).toHaveLength(2);
  sandbox.control.clock.advance(135_000);
  await sandbox.control.payments.settled();
  expect(
    notified().map((n) => [n.originalPartnerReferenceNo, n.latestTransactionStatus, n.transactionStatusDesc]),
  ).toEqual([
    [success.partnerReferenceNo, '00', 'SUCCESS'],
    [failure.partnerReferenceNo, '06', 'FAILED'],
    [expiry.partnerReferenceNo, '05', 'CLOSED'],
  ]);
  expect(JSON.parse(notified()[2].additionalInfo.extendInfo)).toEqual({ closedReason: 'ORDER_EXPIRED' });
});

test('the control plane pays, fails and expires orders without a browser, each notified once', async () => {
  receiver = await startNotifyReceiver([acknowledged]);
  const [a, b, c] = [await createVaOrder('10.00'), await createVaOrder('20.00'), await createVaOrder('30.00')];
  expect((await request(sandbox.app).post(`/__admin/orders/${a.partnerReferenceNo}/pay`)).body.status).toBe('SUCCESS');
  expect(
    (await request(sandbox.app).post(`/__admin/orders/${b.partnerReferenceNo}/fail`).send({ reason: 'BANK_DOWN' })).body
      .status,
  ).toBe('FAILED');
  expect(sandbox.control.payments.expire(c.partnerReferenceNo).status).toBe('CLOSED');
  const again = await request(sandbox.app).post(`/__admin/orders/${a.partnerReferenceNo}/expire`);
  expect([again.status, again.body.error.message]).toEqual([409, `Order ${a.partnerReferenceNo} is already SUCCESS.`]);
  await sandbox.control.payments.settled();
  expect(notified().map((n) => n.latestTransactionStatus)).toEqual(['00', '06', '05']);
  const unknown = await payVa('8000000000000000');
  expect(unknown.status).toBe(404);
  const wrongTool = await request(sandbox.app)
    .post('/__admin/sandbox-tools/execute')
    .send({ urlEndpoint: '/v1.0/transfer-va/inquiry.htm', requestBody: { virtualAccountNo: a.paymentCode } });
  expect([wrongTool.status, wrongTool.body.error.message]).toEqual([
    400,
    'The sandbox tools run /v1.0/transfer-va/payment.htm only, not "/v1.0/transfer-va/inquiry.htm".',
  ]);
});

test('POST /__admin/webhooks/{id}/redeliver sends an acknowledged notify again', async () => {
  receiver = await startNotifyReceiver([acknowledged]);
  const { paymentCode } = await createVaOrder('11011.00');
  await payVa(paymentCode);
  await sandbox.control.payments.settled();
  const [delivery] = sandbox.control.payments.notifies();
  expect((await request(sandbox.app).post(`/__admin/webhooks/${delivery.id}/redeliver`)).status).toBe(202);
  await sandbox.control.payments.settled();
  expect(receiver.received).toHaveLength(2);
  expect(receiver.received[1].body).toBe(receiver.received[0].body);
  expect((await request(sandbox.app).post('/__admin/webhooks/nope/redeliver')).status).toBe(404);
});

test('orders and their notifies belong to the session that created them', async () => {
  receiver = await startNotifyReceiver([acknowledged]);
  const res = await post(sandbox.app, paths.createOrder, {
    partnerReferenceNo: 'shared-number',
    merchantId: demoPartner.merchantId,
    amount: { value: '5.00', currency: 'IDR' },
    urlParams: [{ url: receiver.url(), type: 'NOTIFICATION', isDeeplink: 'Y' }],
  }).set('X-Mock-Session', 'shop-a');
  expect(res.body.responseCode).toBe('2005400');
  expect(res.body.webRedirectUrl).toContain('?session=shop-a');
  expect(sandbox.control.forSession('shop-a').payments.orders()).toHaveLength(1);
  expect(sandbox.control.payments.orders()).toHaveLength(0);
  const query = await post(sandbox.app, paths.queryPayment, {
    originalPartnerReferenceNo: 'shared-number',
    serviceCode: '54',
    merchantId: demoPartner.merchantId,
  });
  expect(query.body.responseCode).toBe('4045501');
});
