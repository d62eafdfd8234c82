import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { internalsOf } from '../../server/internals.js';
import { openPageRig, type PageRig } from './pageRig.js';

/** DANA's UAT automation (automate-oauth.js of the Node runner in github.com/dana-id/uat-script) finds the page's elements with these. */
const pinSelector = '.txt-input-pin-field, input[maxlength="6"][inputmode="numeric"], input[type="password"]';
const consentSelector = 'button.btn-continue.fs-unmask.btn.btn-primary';

// A real browser on a shared machine: each step can take seconds.
jest.setTimeout(60_000);

let rig: PageRig;
beforeAll(async () => {
  rig = await openPageRig();
}, 30_000);
afterAll(() => rig?.close());

async function openPage(options: { mobileNumber?: string; session?: string; javaScript?: boolean } = {}) {
  const context = await rig.browser.newContext({ javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  const oauthUrl = rig.oauthUrl(options);
  await page.goto(oauthUrl);
  return page;
}

/** The phone step as DANA's automation drives it: fill input[type=tel] unless pre-filled, click LANJUTKAN by its label. */
async function submitPhone(page: Page, phone?: string) {
  if (phone !== undefined) await page.locator("input[type='tel']").fill(phone);
  await page.getByRole('button', { name: 'LANJUTKAN', exact: true }).click();
}

/** The automation then clicks the consent button if one shows, and types the PIN into the first PIN field. */
async function consentAndTypePin(page: Page, pin: string) {
  await page.locator(consentSelector).click();
  await page.locator(pinSelector).first().click();
  await page.keyboard.type(pin);
}

describe('the OAuth page in headless Chromium', () => {
  it('takes the pre-filled phone, consent and PIN 181818, then redirects to redirectUrl with authCode and state', async () => {
    const page = await openPage({ mobileNumber: '083811223355', session: 'page-login' });
    await expect(page.locator("input[name='phoneNumber']").inputValue()).resolves.toBe('083811223355');
    await submitPhone(page);
    await expect(page.locator('[data-testid=consent-scopes] li').count()).resolves.toBe(3);
    await consentAndTypePin(page, '181818');
    await page.waitForURL(/authCode=/);
    const landed = new URL(page.url());
    expect(landed.pathname).toBe('/callback');
    expect(landed.searchParams.get('state')).toBe('state-journey');
    const code = landed.searchParams.get('authCode')!;
    expect(internalsOf(rig.sandbox).store.get('authCodes', code, 'page-login')).toMatchObject({
      customerId: 'cust-active',
    });
    expect(internalsOf(rig.sandbox).store.get('authCodes', code)).toBeUndefined();
    await page.context().close();
  });

  it('says the PIN is wrong on the page and stays on the PIN step', async () => {
    const page = await openPage();
    await submitPhone(page, '083811223355');
    await consentAndTypePin(page, '123456');
    await expect(page.getByTestId('error-message').getAttribute('data-error')).resolves.toBe('wrongPin');
    await expect(page.locator('main').getAttribute('data-step')).resolves.toBe('pin');
    await page.context().close();
  });

  it('says an unknown phone number is not registered with DANA', async () => {
    const page = await openPage();
    await submitPhone(page, '081234000999');
    await expect(page.getByTestId('error-message').textContent()).resolves.toContain('belum terdaftar');
    await expect(page.locator('main').getAttribute('data-step')).resolves.toBe('phone');
    await page.context().close();
  });

  it('refuses a frozen account at the phone step', async () => {
    const page = await openPage();
    await submitPhone(page, '081200000013');
    await expect(page.getByTestId('error-message').getAttribute('data-error')).resolves.toBe('frozenAccount');
    await page.context().close();
  });

  it('shows an error page naming the parameter for a bad query', async () => {
    const context = await rig.browser.newContext();
    const page = await context.newPage();
    const bad = new URL(rig.oauthUrl());
    bad.searchParams.set('redirectUrl', 'not-a-url');
    const response = await page.goto(bad.toString());
    expect(response?.status()).toBe(400);
    await expect(page.getByTestId('error-message').textContent()).resolves.toContain('redirectUrl');
    await context.close();
  });

  it('works with JavaScript off: the PIN is submitted by its button', async () => {
    const page = await openPage({ mobileNumber: '6283811223355', javaScript: false });
    await submitPhone(page);
    await page.locator(consentSelector).click();
    await page.locator(pinSelector).first().fill('181818');
    await page.getByTestId('pin-submit').click();
    await page.waitForURL(/authCode=/);
    expect(new URL(page.url()).searchParams.get('authCode')).toBeTruthy();
    await page.context().close();
  });
});
