/**
 * Regenerates the OAuth page screenshots of docs/widget-journey.md with Debian's chromium
 * (`npm run docs:screenshots`): the phone, consent and PIN steps, and the wrong-PIN error.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createSandbox } from '../../server/sandbox.js';

const here = dirname(fileURLToPath(import.meta.url));
const sandbox = await createSandbox({ inMemory: true, logLevel: 'silent' });
const { url } = await sandbox.listen(0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 640 } });
  const query = new URLSearchParams({
    partnerId: '2026112200000000000001',
    scopes: 'QUERY_BALANCE,DEFAULT_BASIC_PROFILE,MINI_DANA',
    externalId: 'docs',
    channelId: '20261122100000000000001',
    redirectUrl: 'https://merchant.example/dana/callback',
    timestamp: '2026-11-22T10:00:00+07:00',
    state: 'docs',
    isSnapBI: 'true',
    seamlessData: JSON.stringify({ mobileNumber: '083811223355' }),
  });
  await page.goto(`${url}/v1.0/get-auth-code?${query}`);
  await page.screenshot({ path: join(here, 'oauth-phone.png') });
  await page.getByRole('button', { name: 'LANJUTKAN', exact: true }).click();
  await page.waitForSelector('[data-step=consent]');
  await page.screenshot({ path: join(here, 'oauth-consent.png') });
  await page.locator('button.btn-continue.fs-unmask').click();
  await page.locator('input[type=password]').fill('123456');
  await page.waitForSelector('[data-error=wrongPin]');
  await page.screenshot({ path: join(here, 'oauth-pin-wrong.png') });
} finally {
  await browser.close();
  await sandbox.close();
}
