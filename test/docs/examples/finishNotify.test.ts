import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Dana } from 'dana-node';
import { WebhookParser } from 'dana-node/webhook/v1';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createDanaHandlers, createSandbox, loadDemoPartner, type Sandbox } from 'dana-mock';

let sandbox: Sandbox;
const server = setupServer();
beforeAll(async () => {
  sandbox = await createSandbox({ inMemory: true, logLevel: 'silent' });
  server.use(...createDanaHandlers(sandbox));
  server.listen({ onUnhandledRequest: 'bypass' });
});
afterAll(async () => {
  server.close();
  await sandbox.close();
});

it('pays a VA order as the sandbox tools do and verifies the finish notify with WebhookParser', async () => {
  const notifies: { path: string; headers: Record<string, string>; body: string }[] = [];
  // The partner's webhook, answered in-process by MSW: no HTTP receiver to run.
  server.use(
    http.post('https://merchant.example/dana/notify', async ({ request }) => {
      const { pathname } = new URL(request.url);
      notifies.push({ path: pathname, headers: Object.fromEntries(request.headers), body: await request.text() });
      return HttpResponse.json({ responseCode: '2005600', responseMessage: 'Successful' });
    }),
  );
  const demo = loadDemoPartner(); // TEST-ONLY
  const dana = new Dana({ partnerId: demo.partnerId, privateKey: demo.privateKey, env: 'sandbox' });
  const order = await dana.paymentGatewayApi.createOrder({
    partnerReferenceNo: `order-${Date.now()}`,
    merchantId: demo.merchantId,
    amount: { value: '11011.00', currency: 'IDR' },
    urlParams: [{ url: 'https://merchant.example/dana/notify', type: 'NOTIFICATION', isDeeplink: 'N' }],
    payOptionDetails: [
      {
        payMethod: 'VIRTUAL_ACCOUNT',
        payOption: 'VIRTUAL_ACCOUNT_CIMB',
        transAmount: { value: '11011.00', currency: 'IDR' },
      },
    ],
    additionalInfo: { mcc: '5732', envInfo: { sourcePlatform: 'IPG', terminalType: 'SYSTEM' } },
  } as never);

  const payments = sandbox.control.payments;
  payments.executeSandboxTool('/v1.0/transfer-va/payment.htm', {
    virtualAccountNo: order.additionalInfo!.paymentCode!,
  });
  await payments.settled(); // every due notify attempt made and answered

  process.env.DANA_ENV = 'production'; // else a WebhookParser may use DANA's real sandbox key instead of this one
  const [notify] = notifies;
  const parsed = new WebhookParser(payments.danaPublicKey()).parseWebhook(
    'POST',
    notify.path,
    notify.headers,
    notify.body,
  );
  expect(parsed).toMatchObject({ originalReferenceNo: order.referenceNo, latestTransactionStatus: '00' });
  expect(payments.notifies()[0]).toMatchObject({ status: 'delivered', attempts: [{ outcome: 'acknowledged' }] });
});
