import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Configuration, Dana, ResponseError } from 'dana-node';
import type { Browser } from 'playwright-core';
import { createSandbox, type Sandbox } from '../../server/sandbox.js';
import { launchChromium } from '../support/browser.js';
import { buildEnvelope, nextReqMsgId } from '../support/envelopeRequest.js';
import { oauthUrlFor } from '../support/oauthUrl.js';
import { demoPartner, root } from '../support/partners.js';
import { startPartnerSite } from '../support/partnerSite.js';

// A real browser and real HTTP on a shared machine.
jest.setTimeout(90_000);

/** dana-node reads its settings from the environment too; keep the test's environment out of it. */
const savedEnv = { ...process.env };
const deviceId = 'deviceid123';

/** A dana-node client as a partner builds one, re-pointed from DANA's host to the local sandbox. */
function client(url: string): Dana {
  const dana = new Dana({
    partnerId: demoPartner.partnerId,
    privateKey: readFileSync(join(root, 'keys', 'demo-partner', 'private.pem'), 'utf8'),
    origin: 'https://merchant.example',
    env: 'sandbox',
  });
  // dana-node fixes its base URL from `env`; replacing the API object's configuration is the only way to a local gateway.
  (dana.widgetApi as unknown as { configuration: Configuration }).configuration = new Configuration({ basePath: url });
  return dana;
}

let browser: Browser;
let sandbox: Sandbox;
let url: string;
let partner: Awaited<ReturnType<typeof startPartnerSite>>;
beforeAll(async () => {
  for (const name of ['X_PARTNER_ID', 'PRIVATE_KEY', 'PRIVATE_KEY_PATH', 'X_DEBUG', 'DANA_ENV', 'ENV'])
    delete process.env[name];
  browser = await launchChromium();
  sandbox = await createSandbox({ inMemory: true, logLevel: 'silent' });
  url = (await sandbox.listen(0)).url;
  partner = await startPartnerSite();
});
afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  await partner?.close();
  process.env = savedEnv;
});

/** Logs the test user in on the page exactly as DANA's UAT automation does, and returns the redirect's authCode. */
async function bindInBrowser(oauthUrl: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(oauthUrl);
  await page.getByRole('button', { name: 'LANJUTKAN', exact: true }).click();
  await page.locator('button.btn-continue.fs-unmask.btn.btn-primary').click();
  await page.locator('input[type="password"]').click();
  await page.keyboard.type('181818');
  await page.waitForURL(/authCode=/);
  const landed = new URL(page.url());
  await context.close();
  expect(landed.searchParams.get('state')).toBe('journey-state');
  return landed.searchParams.get('authCode')!;
}

/** queryUserProfile through HTTP: dana-node's own call builds a head without the customer's accessToken. */
async function queryProfile(accessToken: string, userResources: string[]) {
  const head = {
    version: '2.0',
    function: 'dana.member.query.queryUserProfile',
    clientId: demoPartner.partnerId,
    clientSecret: demoPartner.clientSecret,
    reqTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    reqMsgId: nextReqMsgId(),
    accessToken,
    reserve: {},
  };
  const res = await fetch(`${url}/dana/member/query/queryUserProfile.htm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: buildEnvelope({ head, body: { userResources } }),
  });
  return (await res.json()) as { response: { body: Record<string, unknown> } };
}

describe('the widget binding journey with dana-node and a real browser', () => {
  it('binds through the OAuth page, then applyToken, Apply OTT, balance, profile and unbinding; the token is refused afterwards', async () => {
    const oauthUrl = oauthUrlFor(url, {
      redirectUrl: `${partner.url}/dana/callback`,
      mobileNumber: '083811223355',
      state: 'journey-state',
    });
    const authCode = await bindInBrowser(oauthUrl);

    const dana = client(url);
    const token = await dana.widgetApi.applyToken({ grantType: 'AUTHORIZATION_CODE', authCode } as never);
    expect(token.responseCode).toBe('2007400');
    const { accessToken } = token;

    const ott = await dana.widgetApi.applyOTT({ userResources: ['OTT'], additionalInfo: { accessToken, deviceId } });
    expect(ott.responseCode).toBe('2004900');

    const balance = await dana.widgetApi.balanceInquiry({
      partnerReferenceNo: 'journey-balance-1',
      balanceTypes: ['BALANCE'],
      additionalInfo: { accessToken, deviceId },
    });
    expect(balance.responseCode).toBe('2001100');
    expect(balance.accountInfos?.[0].availableBalance).toEqual({ value: '1500000.00', currency: 'IDR' });

    const profile = await queryProfile(accessToken, ['MASK_DANA_ID', 'BALANCE']);
    expect(profile.response.body.resultInfo).toMatchObject({ resultCode: 'SUCCESS' });
    expect(profile.response.body.userResourceInfos).toContainEqual({
      resourceType: 'MASK_DANA_ID',
      value: '0838****3355',
    });

    const unbound = await dana.widgetApi.accountUnbinding({
      merchantId: demoPartner.merchantId,
      partnerReferenceNo: 'journey-unbind-1',
      additionalInfo: { accessToken, deviceId },
    });
    expect(unbound.responseCode).toBe('2000900');

    const refused = await dana.widgetApi
      .applyOTT({ userResources: ['OTT'], additionalInfo: { accessToken, deviceId } })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(refused).toBeInstanceOf(ResponseError);
    expect((refused as ResponseError).rawResponse).toMatchObject({ responseCode: '4014902' });
  });
});
