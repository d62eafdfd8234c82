import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { devices, type Page } from 'playwright-core';
import { openPageRig, type PageRig } from './pageRig.js';

jest.setTimeout(90_000);

let rig: PageRig;
beforeAll(async () => {
  rig = await openPageRig();
});
afterAll(() => rig?.close());

/**
 * The steps of automateOAuth in DANA's UAT suite (automate-oauth.js of the Node runner of
 * github.com/dana-id/uat-script), with its selectors, order and visibility checks as they are; only
 * its logging, retries and fixed pauses before the first look are left out.
 */
async function automateOAuth(page: Page, oauthUrl: string, phoneNumber: string, pinCode: string): Promise<string> {
  await page.goto(oauthUrl, { waitUntil: 'domcontentloaded', timeout: 60000 });
  const pinSelector = '.txt-input-pin-field, input[maxlength="6"][inputmode="numeric"], input[type="password"]';
  if (!(await page.locator(pinSelector).first().isVisible())) {
    for (const sel of [
      'input.txt-input-phone-number-field',
      "input[type='tel']",
      "input[placeholder='12312345678']",
      "input[maxlength='13']",
      "input[maxlength='15']",
    ]) {
      const loc = page.locator(sel).first();
      if (await loc.isVisible()) {
        if ((await loc.inputValue()) === '') await loc.fill(phoneNumber);
        break;
      }
    }
    let submitted = false;
    for (const text of ['LANJUTKAN', 'Lanjutkan', 'Next', 'Continue']) {
      const loc = page.getByRole('button', { name: text, exact: true }).first();
      if (await loc.isVisible()) {
        await loc.click();
        submitted = true;
        break;
      }
    }
    expect(submitted).toBe(true);
    await page.waitForTimeout(3000);
    const continueLoc = page.locator('button.btn-continue.fs-unmask.btn.btn-primary').first();
    if (await continueLoc.isVisible()) {
      await continueLoc.click();
      await page.waitForTimeout(1000);
    }
    await page.waitForSelector(pinSelector, { state: 'attached', timeout: 15000 });
  }
  const redirected = new Promise<string>((resolve) =>
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      const code = new URL(frame.url()).searchParams.get('authCode');
      if (code) resolve(code);
    }),
  );
  await page.locator(pinSelector).first().click();
  await page.keyboard.type(pinCode);
  return redirected;
}

it("is driven to an auth code by DANA's own UAT automation, on an iPhone 13 as it emulates", async () => {
  const context = await rig.browser.newContext({ ...devices['iPhone 13'], locale: 'id-ID' });
  const page = await context.newPage();
  const oauthUrl = rig.oauthUrl({ session: 'dana-automation' });
  const authCode = await automateOAuth(page, oauthUrl, '083811223355', '181818');
  const issued = rig.sandbox.control
    .forSession('dana-automation')
    .journal({ endpoint: 'oauthPage', code: 'AUTH_CODE_ISSUED' });
  expect(issued).toHaveLength(1);
  expect(new URL(page.url()).searchParams.get('authCode')).toBe(authCode);
  await context.close();
});
