import { afterAll, beforeAll, beforeEach, expect, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import type { Sandbox } from '../../server/sandbox.js';
import { launchChromium } from '../support/browser.js';
import { acknowledged, startNotifyReceiver, type NotifyReceiver } from '../support/notifyReceiver.js';
import { demoPartner } from '../support/partners.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { freshReference, paths, post } from '../payments/payments.requests.js';

let sandbox: Sandbox;
let url: string;
let partnerSite: NotifyReceiver;
let browser: Browser;
beforeAll(async () => {
  sandbox = await createTestSandbox();
  url = (await sandbox.listen(0)).url;
  partnerSite = await startNotifyReceiver([acknowledged]);
  browser = await launchChromium();
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await sandbox.close();
  await partnerSite.close();
});
beforeEach(() => sandbox.control.reset());

/** A BALANCE order with goods, returning to the partner site; answers its checkout URL on the listening sandbox. */
async function createOrder(value = '25000.00') {
  const partnerReferenceNo = freshReference('checkout');
  const res = await post(sandbox.app, paths.createOrder, {
    partnerReferenceNo,
    merchantId: demoPartner.merchantId,
    amount: { value, currency: 'IDR' },
    urlParams: [
      { url: partnerSite.url('/return'), type: 'PAY_RETURN', isDeeplink: 'N' },
      { url: partnerSite.url('/notify'), type: 'NOTIFICATION', isDeeplink: 'N' },
    ],
    payOptionDetails: [{ payMethod: 'BALANCE', payOption: '', transAmount: { value, currency: 'IDR' } }],
    additionalInfo: {
      order: {
        orderTitle: 'Sepatu lari',
        goods: [{ name: 'Sepatu lari', quantity: '1', price: { value, currency: 'IDR' } }],
      },
    },
  });
  expect(res.body.responseCode).toBe('2005400');
  const checkout = new URL(res.body.webRedirectUrl);
  return { partnerReferenceNo, checkoutUrl: `${url}${checkout.pathname}${checkout.search}` };
}

const balance = () => sandbox.control.listFixtures('customers').find((c) => c.id === 'cust-active')!.balance;

/** DANA's UAT automation: the DANA method, phone, continue, PIN, continue (selectors from its automate-payment.js). */
async function logIn(checkoutUrl: string, pin = '181818') {
  const page = await browser.newPage();
  await page.goto(checkoutUrl);
  await page.click('.dana .bank-title');
  await page.fill("input[type='tel']", '083811223355');
  await page.click('.agreement__button>.btn-continue');
  await page.fill('.txt-input-pin-field', pin);
  await page.click('.btn-continue');
  return page;
}

test('pays an order in Chromium: merchant, amount and items shown, the PIN checked, the balance charged, back to PAY_RETURN', async () => {
  const { partnerReferenceNo, checkoutUrl } = await createOrder();
  const page = await logIn(checkoutUrl);
  expect(await page.textContent('[data-testid=merchant]')).toBe('Demo Partner (TEST-ONLY)');
  expect(await page.textContent('[data-testid=amount]')).toBe('Rp25.000,00');
  expect(await page.textContent('[data-testid=goods]')).toContain('Sepatu lari');
  await Promise.all([page.waitForURL(partnerSite.url('/return')), page.click('.btn.btn-primary')]);
  await page.close();

  expect(sandbox.control.payments.order(partnerReferenceNo)).toMatchObject({
    status: 'SUCCESS',
    customerId: 'cust-active',
  });
  expect(balance()).toBe('1475000.00');
  await sandbox.control.payments.settled();
  const notify = partnerSite.received.find((r) => r.path === '/notify')!;
  expect(JSON.parse(notify.body)).toMatchObject({
    originalPartnerReferenceNo: partnerReferenceNo,
    latestTransactionStatus: '00',
  });
}, 30_000);

test('a wrong PIN stays on the PIN step with an error, and nothing is paid', async () => {
  const { partnerReferenceNo, checkoutUrl } = await createOrder();
  const page = await logIn(checkoutUrl, '000000');
  expect(await page.textContent('[data-testid=payment-error]')).toBe('PIN yang kamu masukkan salah.');
  expect(await page.isVisible("input[type='password']")).toBe(true);
  await page.close();
  expect(sandbox.control.payments.order(partnerReferenceNo).status).toBe('INIT');
}, 30_000);

test('cancel closes the order and returns to PAY_RETURN', async () => {
  const { partnerReferenceNo, checkoutUrl } = await createOrder();
  const page = await logIn(checkoutUrl);
  await Promise.all([page.waitForURL(partnerSite.url('/return')), page.click('[data-testid=cancel-button]')]);
  await page.close();
  expect(sandbox.control.payments.order(partnerReferenceNo).status).toBe('CANCELLED');
  expect(balance()).toBe('1500000.00');
}, 30_000);

test('more than the balance is refused on the page, the order still open', async () => {
  const { partnerReferenceNo, checkoutUrl } = await createOrder('1500000.01');
  const page = await logIn(checkoutUrl);
  await page.click('[data-testid=pay-button]');
  expect(await page.textContent('[data-testid=payment-error]')).toContain('Insufficient balance');
  await page.close();
  expect(sandbox.control.payments.order(partnerReferenceNo).status).toBe('INIT');
}, 30_000);

test('the page works without JavaScript: plain form posts, an unknown order 404, a paid order says so', async () => {
  const { partnerReferenceNo, checkoutUrl } = await createOrder();
  const path = new URL(checkoutUrl).pathname;
  const form = (fields: Record<string, string>) => request(sandbox.app).post(path).type('form').send(fields);
  expect((await form({ step: 'phone', phoneNumber: '+6283811223355' })).text).toContain('txt-input-pin-field');
  const paid = await form({ step: 'confirm', phone: '083811223355', pin: '181818', action: 'pay' });
  expect([paid.status, paid.headers.location]).toEqual([303, partnerSite.url('/return')]);
  expect((await request(sandbox.app).get(path)).text).toContain('sudah SUCCESS');
  expect((await request(sandbox.app).get('/checkout/no-such-order')).status).toBe(404);
  const journalled = sandbox.control.journal().filter((e) => e.endpoint === 'checkoutPage');
  expect(journalled.map((e) => e.request.rawBody).join()).not.toContain('181818');
  expect(sandbox.control.payments.order(partnerReferenceNo).status).toBe('SUCCESS');
});
