/**
 * Regenerates the console screenshots of docs/console.md with Debian's chromium
 * (`npm run docs:console-screenshots`): the live journal with a bad signature opened, the
 * scenarios and clock of a session, and (on a test sandbox, whose fixed clock the UAT requests expect)
 * the Money section and a finish notify the partner refused once.
 */
import { createPrivateKey } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createSandbox } from '../../server/sandbox.js';
import { loadDemoPartner } from '../../server/demoPartner.js';
import { formatJakartaTime } from '../../server/core/jakartaTime.js';
import { signRsaSha256 } from '../../server/core/rsa.js';
import { asymmetricStringToSign } from '../../server/protocols/snap/snapSignature.js';
import { paths as disbursementPaths, uatRequest } from '../../test/disbursement/disbursement.requests.js';
import { post, prepareOrder } from '../../test/payments/payments.requests.js';
import { acknowledged, startNotifyReceiver } from '../../test/support/notifyReceiver.js';
import { createTestSandbox } from '../../test/support/testSandbox.js';

const here = dirname(fileURLToPath(import.meta.url));
const sandbox = await createSandbox({ inMemory: true, logLevel: 'silent' });
const { url } = await sandbox.listen(0);
const demo = loadDemoPartner();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});

/** An Apply OTT call of session `docs`; `spoil` signs other bytes than those sent, as a partner's bug would. */
async function applyOtt(externalId: string, spoil = false) {
  const path = '/rest/v1.1/qr/apply-ott';
  const body = JSON.stringify({ userResources: ['OTT'], additionalInfo: { accessToken: 'demo-token-active' } });
  const timestamp = formatJakartaTime(new Date());
  const signed = spoil ? body.replace('OTT', 'ott') : body;
  await fetch(url + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-timestamp': timestamp,
      'x-partner-id': demo.partnerId,
      'x-external-id': externalId,
      'channel-id': '95221',
      'x-device-id': 'docs',
      'authorization-customer': 'Bearer demo-token-active',
      'x-signature': signRsaSha256(
        asymmetricStringToSign('POST', path, signed, timestamp),
        createPrivateKey(demo.privateKey),
      ),
      'x-mock-session': 'docs',
    },
    body,
  });
}

try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  await page.goto(`${url}/__admin/console`);
  await page.locator('[data-role=session] input').fill('docs');
  await page.locator('[data-role=session] input').press('Enter');
  await page.waitForSelector('[data-role=live]:text("live")');
  await applyOtt('docs-1');
  await applyOtt('docs-2', true);
  await page.locator('form.arm[data-endpoint=applyOtt][data-scenario=do-not-honor] button').click();
  await page.waitForSelector('[data-role=armed] tr');
  await applyOtt('docs-3');
  await page.locator('[data-role=exchanges] tr', { hasText: '4014900' }).click();
  await page.locator('#journal').screenshot({ path: join(here, 'console-journal.png') });
  await page
    .locator('form.arm[data-endpoint=applyOtt][data-scenario=invalid-token] select[name=times]')
    .selectOption('n');
  await page.locator('form.arm[data-endpoint=applyOtt][data-scenario=invalid-token] button').click();
  await page.locator('[data-clock=freeze]').click();
  await page.waitForSelector('[data-role=clock-state]:text("frozen")');
  await page.locator('#scenarios').screenshot({ path: join(here, 'console-scenarios.png') });
  await page.locator('#clock').screenshot({ path: join(here, 'console-clock.png') });
  await shootMoneyAndWebhooks();
} finally {
  await browser.close();
  await sandbox.close();
}

/** A transfer in progress and three orders (one paid, its notify refused once then redelivered). */
async function shootMoneyAndWebhooks() {
  const test = await createTestSandbox();
  const receiver = await startNotifyReceiver([{ status: 500, body: '{"responseCode":"5005600"}' }, acknowledged]);
  try {
    const { url: testUrl } = await test.listen(0);
    await post(
      test.app,
      disbursementPaths.transferToBank,
      uatRequest('TransferToBank', 'DisbursementBankValidAccountInProgress', 'docs-transfer-1'),
    );
    await prepareOrder(test, false, 'created', receiver.url());
    await prepareOrder(test, true, 'paying', receiver.url());
    const paid = await prepareOrder(test, false, 'paid', receiver.url());
    await test.control.payments.settled();
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(`${testUrl}/__admin/console`);
    await page.waitForSelector('[data-role=live]:text("live")');
    await page.waitForSelector('[data-role=orders] tr');
    await page.locator('#money').screenshot({ path: join(here, 'console-money.png') });
    const row = page.locator('[data-role=webhooks] tr', { hasText: paid });
    await row.click();
    await page.locator('[data-role=webhook] [data-redeliver]').click();
    await row.locator('[data-status=delivered]').waitFor();
    await page.locator('#webhooks').screenshot({ path: join(here, 'console-webhooks.png') });
  } finally {
    await receiver.close();
    await test.close();
  }
}
