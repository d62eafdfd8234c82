import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Dana } from 'dana-node';
import { WebhookParser } from 'dana-node/webhook/v1';
import { formatJakartaTime } from '../../server/core/jakartaTime.js';
import { createSandbox, type Sandbox } from '../../server/sandbox.js';
import { acknowledged, startNotifyReceiver, type NotifyReceiver } from '../support/notifyReceiver.js';
import { demoPartner } from '../support/partners.js';
import { createDanaClient, isolateSdkEnvironment } from '../support/danaNodeClient.js';

let restoreEnvironment: () => void;
let sandbox: Sandbox;
let url: string;
let receiver: NotifyReceiver;
let dana: Dana;

beforeAll(async () => {
  restoreEnvironment = isolateSdkEnvironment();
  sandbox = await createSandbox({ inMemory: true, logLevel: 'silent' });
  url = (await sandbox.listen(0)).url;
  receiver = await startNotifyReceiver([acknowledged]);
  dana = createDanaClient('paymentGatewayApi', url);
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
  restoreEnvironment();
});

test('create order -> VA payment through the sandbox tools -> finish notify parsed by WebhookParser -> query SUCCESS -> refund -> query shows the refund', async () => {
  const partnerReferenceNo = `journey-${Date.now()}`;
  const created = await dana.paymentGatewayApi.createOrder({
    partnerReferenceNo,
    merchantId: demoPartner.merchantId,
    amount: { value: '15000.00', currency: 'IDR' },
    validUpTo: formatJakartaTime(new Date(Date.now() + 30 * 60_000)),
    urlParams: [
      { url: 'https://merchant.example/return', type: 'PAY_RETURN', isDeeplink: 'N' },
      { url: receiver.url('/dana/notify'), type: 'NOTIFICATION', isDeeplink: 'N' },
    ],
    payOptionDetails: [
      {
        payMethod: 'VIRTUAL_ACCOUNT',
        payOption: 'VIRTUAL_ACCOUNT_CIMB',
        transAmount: { value: '15000.00', currency: 'IDR' },
      },
    ],
    additionalInfo: {
      mcc: '5732',
      envInfo: { sourcePlatform: 'IPG', terminalType: 'SYSTEM' },
      order: { orderTitle: 'Paket 10Mb', scenario: 'API' },
    },
  } as never);
  expect(created.responseCode).toBe('2005400');
  const paymentCode = created.additionalInfo?.paymentCode as string;
  expect(paymentCode).toMatch(/^\d{16}$/);

  // DANA's UAT runner's payVirtualAccountSandbox, pointed at the local control plane.
  const tool = await fetch(`${url}/__admin/sandbox-tools/execute`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      urlEndpoint: '/v1.0/transfer-va/payment.htm',
      requestBody: { virtualAccountNo: paymentCode },
    }),
  });
  expect(tool.status).toBe(200);
  await sandbox.control.payments.settled();

  const [notify] = receiver.received;
  // dana-node's WebhookParser verifies with the key it is given only outside DANA_ENV=sandbox: the docs say so.
  process.env.DANA_ENV = 'production';
  const danaPublicKey = await (await fetch(`${url}/__admin/keys/dana`)).text();
  const parsed = new WebhookParser(danaPublicKey).parseWebhook(
    'POST',
    notify.path,
    notify.headers as Record<string, string>,
    notify.body,
  );
  expect(parsed).toMatchObject({
    originalPartnerReferenceNo: partnerReferenceNo,
    originalReferenceNo: created.referenceNo,
    latestTransactionStatus: '00',
    amount: { value: '15000.00', currency: 'IDR' },
  });
  expect(() =>
    new WebhookParser(danaPublicKey).parseWebhook(
      'POST',
      notify.path,
      notify.headers as never,
      notify.body.replace('15000.00', '15001.00'),
    ),
  ).toThrow('Signature verification failed');

  const query = () =>
    dana.paymentGatewayApi.queryPayment({
      originalPartnerReferenceNo: partnerReferenceNo,
      serviceCode: '54',
      merchantId: demoPartner.merchantId,
    });
  const paid = await query();
  expect(paid).toMatchObject({
    responseCode: '2005500',
    latestTransactionStatus: '00',
    transactionStatusDesc: 'SUCCESS',
  });

  const refund = await dana.paymentGatewayApi.refundOrder({
    merchantId: demoPartner.merchantId,
    originalPartnerReferenceNo: partnerReferenceNo,
    partnerRefundNo: `${partnerReferenceNo}-r1`,
    refundAmount: { value: '5000.00', currency: 'IDR' },
    reason: 'Customer complain',
  });
  expect(refund).toMatchObject({
    responseCode: '2005800',
    partnerRefundNo: `${partnerReferenceNo}-r1`,
    refundAmount: { value: '5000.00' },
  });

  const afterRefund = await query();
  expect(afterRefund.latestTransactionStatus).toBe('00');
  expect(afterRefund.additionalInfo?.amountDetail?.refundAmount).toEqual({ value: '5000.00', currency: 'IDR' });
});
