import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { Sandbox } from '../../server/sandbox.js';
import { snapResponseCode, type SnapCaseKey } from '../../server/protocols/snap/snapCases.js';
import type { SignatureVerdict } from '../../server/protocols/snap/snapSignature.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { launchChromium } from '../support/browser.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { paths as disbursementPaths, uatRequest } from '../disbursement/disbursement.requests.js';
import { freshReference, post, prepareOrder } from '../payments/payments.requests.js';
import { demoPartner } from '../support/partners.js';
import { acknowledged, startNotifyReceiver } from '../support/notifyReceiver.js';

/** Apply OTT's wire codes: SNAP service code 49. */
const ottCode = (key: SnapCaseKey) => snapResponseCode(key, '49');

// A real browser on a shared machine: each step can take seconds.
jest.setTimeout(60_000);

let browser: Browser;
let sandbox: Sandbox;
let url: string;
beforeAll(async () => {
  browser = await launchChromium();
  sandbox = await createTestSandbox();
  url = (await sandbox.listen(0)).url;
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

/** The console with its live journal connected, optionally scoped to a session. */
async function openConsole(session?: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${url}/__admin/console`);
  if (session !== undefined) {
    await page.locator('[data-role=session] input').fill(session);
    await page.locator('[data-role=session] input').press('Enter');
    await page.waitForSelector(`[data-role=status]:text("Session ${session}.")`);
  }
  await page.waitForSelector('[data-role=live]:text("live")');
  return page;
}

/** An Apply OTT call over the network, as a partner's client sends it, signed with a wrong key. */
function sendBadlySigned(session: string) {
  return fetch(`${url}/rest/v1.1/qr/apply-ott`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-timestamp': '2026-11-22T10:00:00+07:00',
      'x-partner-id': '2026112200000000000001',
      'x-external-id': 'console-1',
      'channel-id': '95221',
      'x-device-id': 'console',
      'authorization-customer': 'Bearer demo-token-active',
      'x-signature': Buffer.alloc(256, 7).toString('base64'),
      'x-mock-session': session,
    },
    body: '{"userResources":["OTT"],"additionalInfo":{"accessToken":"demo-token-active"}}',
  });
}

describe('the console in headless Chromium', () => {
  it('shows a bad-signature request sent meanwhile, live, with the string to sign, body hash and key beside what the client sent', async () => {
    const page = await openConsole('console-live');
    const answer = await sendBadlySigned('console-live');
    expect((await answer.json()).responseCode).toBe(ottCode('unauthorized'));
    const row = page.locator('[data-role=exchanges] tr', { hasText: ottCode('unauthorized') });
    await row.click();
    const verdict = sandbox.control.forSession('console-live').journal()[0].verdicts.signature as SignatureVerdict;
    const panel = page.locator('[data-role=signature]');
    await expect(panel.locator('h3').textContent()).resolves.toBe('Signature does not verify');
    const text = (await panel.textContent()) ?? '';
    expect(text).toContain(verdict.stringToSign);
    expect(text).toContain(verdict.bodySha256);
    expect(text).toContain(verdict.key);
    expect(text).toContain(Buffer.alloc(256, 7).toString('base64'));
    await page.close();
  });

  it('arms a scenario once from the page, and the next Apply OTT of the session gets its answer', async () => {
    const page = await openConsole('console-arm');
    const form = page.locator('form.arm[data-endpoint=applyOtt][data-scenario=do-not-honor]');
    await form.locator('button').click();
    await page.waitForSelector('[data-role=armed] tr');
    await expect(page.locator('[data-role=armed]').textContent()).resolves.toContain('do-not-honor');
    const armed = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      headers: { 'X-Mock-Session': 'console-arm' },
    });
    const after = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      headers: { 'X-Mock-Session': 'console-arm' },
    });
    expect(armed.body.responseCode).toBe(ottCode('doNotHonor'));
    expect(after.body.responseCode).toBe(ottCode('successful'));
    await page.locator('[data-role=exchanges] tr', { hasText: 'do-not-honor' }).waitFor();
    await page.close();
  });

  it('freezes and advances the session clock from the page', async () => {
    const page = await openConsole('console-clock');
    await page.locator('[data-clock=freeze]').click();
    await page.waitForSelector('[data-role=clock-state]:text("frozen")');
    const before = sandbox.control.forSession('console-clock').clock.now().getTime();
    await page.locator('[data-role=clock-advance] button').click();
    await page.waitForSelector('[data-role=clock-state]:text("frozen")');
    await page.waitForFunction(
      (text) => document.querySelector('[data-role=clock-now]')?.textContent?.includes(text),
      new Date(before + 60_000).toISOString(),
    );
    expect(sandbox.control.forSession('console-clock').clock.now().getTime()).toBe(before + 60_000);
    await page.close();
  });

  it('funds the deposit, settles a transfer in progress and pays an order from the Money section', async () => {
    const transfer = freshReference('console-transfer');
    const sent = await post(
      sandbox.app,
      disbursementPaths.transferToBank,
      uatRequest('TransferToBank', 'DisbursementBankValidAccountInProgress', transfer),
    );
    expect(sent.body.responseCode).toBe('2024300');
    const order = await prepareOrder(sandbox, false, 'created', 'http://127.0.0.1:9/notify');
    const page = await openConsole();
    const deposit = page.locator('[data-role=deposit]');
    await deposit.locator('select[name=partnerId]').selectOption(demoPartner.partnerId);
    const before = Number(sandbox.control.disbursements.balance(demoPartner.partnerId).balance);
    await deposit.locator('input[name=amount]').fill('12345.00');
    await deposit.locator('button').click();
    const funded = (before + 12345).toFixed(2);
    await page.waitForSelector(`[data-role=deposit-balance]:text("IDR ${funded}")`);
    expect(sandbox.control.disbursements.balance(demoPartner.partnerId).balance).toBe(funded);

    const transferRow = page.locator('[data-role=disbursements] tr', { hasText: transfer });
    await transferRow.locator('button', { hasText: 'Settle now' }).click();
    await transferRow.locator('[data-status=SUCCESS]').waitFor();
    expect(sandbox.control.disbursements.disbursements().find((d) => d.partnerReferenceNo === transfer)?.status).toBe(
      'SUCCESS',
    );

    const orderRow = page.locator('[data-role=orders] tr', { hasText: order });
    await orderRow.locator('button', { hasText: 'Pay' }).click();
    await orderRow.locator('[data-status=SUCCESS]').waitFor();
    expect(sandbox.control.payments.order(order).status).toBe('SUCCESS');
    await page.close();
  });

  it('shows a finish notify the partner refused with the headers it was sent, and redelivers it from the Webhooks section', async () => {
    // The second answer comes late: the page learns of it from the live journal, not from its own refresh.
    const receiver = await startNotifyReceiver([
      { status: 500, body: '{"responseCode":"5005600"}' },
      { ...acknowledged, delayMs: 500 },
    ]);
    try {
      const order = await prepareOrder(sandbox, false, 'paid', receiver.url());
      await sandbox.control.payments.settled();
      const page = await openConsole();
      const row = page.locator('[data-role=webhooks] tr', { hasText: order });
      await row.locator('[data-status=pending]').waitFor();
      await row.click();
      const first = page.locator('[data-role=webhook] [data-attempt="1"][data-outcome=rejected]');
      await expect(first.locator('h3').textContent()).resolves.toContain('HTTP 500');
      await expect(first.textContent()).resolves.toContain(receiver.received[0].headers['x-signature']);
      await expect(first.textContent()).resolves.toContain('5005600');

      await page.locator('[data-role=webhook] [data-redeliver]').click();
      await row.locator('[data-status=delivered]').waitFor();
      await page.locator('[data-role=webhook] [data-attempt="2"][data-outcome=acknowledged]').waitFor();
      expect(receiver.received).toHaveLength(2);
      expect(sandbox.control.payments.notifies().find((d) => d.partnerReferenceNo === order)?.status).toBe('delivered');
      await page.close();
    } finally {
      await receiver.close();
    }
  });
});
