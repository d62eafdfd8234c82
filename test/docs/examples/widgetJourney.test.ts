import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it, jest } from '@jest/globals';
import { Configuration, Dana, ResponseError } from 'dana-node';
import { WidgetUtils } from 'dana-node/widget/v1';
import { chromium, type Browser } from 'playwright-core';
import { createSandbox, loadDemoPartner, type Sandbox } from 'dana-mock';

jest.setTimeout(90_000); // a real browser
const demo = loadDemoPartner(); // TEST-ONLY
const deviceId = 'deviceid123';
let sandbox: Sandbox;
let url: string;
let partnerSite: Server; // stands for the partner's redirectUrl
let browser: Browser;
beforeAll(async () => {
  sandbox = await createSandbox({ inMemory: true, logLevel: 'silent' });
  url = (await sandbox.listen(0)).url;
  partnerSite = createServer((_req, res) => res.end('back at the partner'));
  await new Promise<void>((resolve) => partnerSite.listen(0, '127.0.0.1', resolve));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] }); // Debian's chromium
});
afterAll(async () => {
  await browser.close();
  partnerSite.close();
  await sandbox.close();
});

it('binds through the OAuth page, then applyToken, Apply OTT, balance, profile and unbinding', async () => {
  process.env.X_PARTNER_ID = demo.partnerId; // generateOauthUrl reads it
  const oauthUrl = new URL(
    WidgetUtils.generateOauthUrl({
      externalId: 'my-external-id',
      merchantId: '216620000000000000001',
      redirectUrl: `http://127.0.0.1:${(partnerSite.address() as AddressInfo).port}/dana/callback`,
      state: 'my-state',
      seamlessData: { mobileNumber: '083811223355' },
    }),
  );
  const page = await browser.newPage();
  await page.goto(`${url}${oauthUrl.pathname}${oauthUrl.search}`); // DANA's path and query, the sandbox's host
  await page.getByRole('button', { name: 'LANJUTKAN', exact: true }).click(); // phone pre-filled from seamlessData
  await page.locator('button.btn-continue.fs-unmask.btn.btn-primary').click(); // consent
  await page.locator('input[type="password"]').click();
  await page.keyboard.type('181818'); // six digits submit the PIN
  await page.waitForURL(/authCode=/);
  const authCode = new URL(page.url()).searchParams.get('authCode')!;
  expect(new URL(page.url()).searchParams.get('state')).toBe('my-state');

  const dana = new Dana({ partnerId: demo.partnerId, privateKey: demo.privateKey, env: 'sandbox' });
  // dana-node fixes its base URL from `env`: re-point the widget API at the local sandbox.
  (dana.widgetApi as unknown as { configuration: Configuration }).configuration = new Configuration({ basePath: url });
  const token = await dana.widgetApi.applyToken({ grantType: 'AUTHORIZATION_CODE', authCode } as never);
  expect(token.responseCode).toBe('2007400');
  const { accessToken } = token;
  const ott = { userResources: ['OTT' as const], additionalInfo: { accessToken, deviceId } };
  expect((await dana.widgetApi.applyOTT(ott)).responseCode).toBe('2004900');

  const balance = await dana.widgetApi.balanceInquiry({
    balanceTypes: ['BALANCE'],
    additionalInfo: { accessToken, deviceId },
  });
  expect(balance.accountInfos?.[0].availableBalance).toEqual({ value: '1500000.00', currency: 'IDR' });

  // dana-node's queryUserProfile cannot carry the customer's accessToken: sign the envelope yourself.
  const head = {
    version: '2.0',
    function: 'dana.member.query.queryUserProfile',
    clientId: demo.partnerId,
    clientSecret: demo.clientSecret,
    reqTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    reqMsgId: crypto.randomUUID(),
    accessToken,
  };
  const request = { head, body: { userResources: ['MASK_DANA_ID'] } };
  const { createSign } = await import('node:crypto');
  const signature = createSign('RSA-SHA256').update(JSON.stringify(request)).sign(demo.privateKey, 'base64');
  const profile = await fetch(`${url}/dana/member/query/queryUserProfile.htm`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ request, signature }),
  }).then((res) => res.json());
  expect(profile.response.body.userResourceInfos).toEqual([{ resourceType: 'MASK_DANA_ID', value: '0838****3355' }]);

  const unbound = await dana.widgetApi.accountUnbinding({
    merchantId: '216620000000000000001',
    additionalInfo: { accessToken, deviceId },
  });
  expect(unbound.responseCode).toBe('2000900');
  const refused = await dana.widgetApi.applyOTT(ott).catch((e: ResponseError) => e);
  expect((refused as ResponseError).rawResponse).toMatchObject({ responseCode: '4014902' }); // the token is revoked
});
