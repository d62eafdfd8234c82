import type { Express } from 'express';
import request from 'supertest';
import { formatJakartaTime } from '../../server/core/jakartaTime.js';
import { sendSnap, signAccessToken } from './snapRequest.js';
import { oauthUrlFor } from './oauthUrl.js';
import { demoPartner } from './partners.js';

export const applyTokenPath = '/v1.0/access-token/b2b2c.htm';
export const balanceInquiryPath = '/v1.0/balance-inquiry.htm';
export const accountUnbindingPath = '/v1.0/registration-account-unbinding.htm';

/** The OAuth page's last step posted straight (no browser): the auth code its redirect carries. */
export async function loginOnPage(
  app: Express,
  options: { session?: string; phone?: string; pin?: string } = {},
): Promise<string> {
  const url = new URL(oauthUrlFor('http://sandbox.test', { redirectUrl: 'https://partner.example/cb', ...options }));
  const res = await request(app)
    .post(`${url.pathname}${url.search}`)
    .type('form')
    .send({ step: 'pin', phone: options.phone ?? '083811223355', consent: 'agree', pin: options.pin ?? '181818' });
  if (res.status !== 303) throw new Error(`The OAuth page answered ${res.status}, not a redirect: ${res.text}`);
  return new URL(res.headers.location).searchParams.get('authCode')!;
}

/** applyToken as dana-node sends it: X-CLIENT-KEY and a signature over X-CLIENT-KEY|X-TIMESTAMP. */
export function sendApplyToken(
  app: Express,
  body: unknown,
  options: { session?: string; timestamp?: string; headers?: Record<string, string | undefined> } = {},
) {
  const timestamp = options.timestamp ?? formatJakartaTime(new Date());
  const headers: Record<string, string | undefined> = {
    'Content-Type': 'application/json',
    'X-TIMESTAMP': timestamp,
    'X-CLIENT-KEY': demoPartner.partnerId,
    'X-SIGNATURE': signAccessToken(demoPartner.partnerId, timestamp),
    'X-Mock-Session': options.session,
    ...options.headers,
  };
  let test = request(app).post(applyTokenPath);
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) test = test.set(name, value);
  return test.send(JSON.stringify(body));
}

/** A customer access token for the test user, through the page and applyToken. */
export async function bindCustomer(app: Express, session?: string): Promise<string> {
  const authCode = await loginOnPage(app, { session });
  const res = await sendApplyToken(app, { grantType: 'AUTHORIZATION_CODE', authCode }, { session });
  if (res.body.responseCode !== '2007400') throw new Error(`applyToken answered ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

/** A B2B2C call (balance inquiry, unbinding) as dana-node sends it: the body's token and device as headers. */
export function sendB2b2c(
  app: Express,
  path: string,
  body: { additionalInfo: { accessToken: string; deviceId?: string } },
  options: { session?: string; timestamp?: string; headers?: Record<string, string | undefined> } = {},
) {
  return sendSnap(app, {
    path,
    body,
    headers: {
      'Authorization-Customer': `Bearer ${body.additionalInfo.accessToken}`,
      'X-DEVICE-ID': body.additionalInfo.deviceId,
      'X-Mock-Session': options.session,
      ...(options.timestamp ? { 'X-TIMESTAMP': options.timestamp } : {}),
      ...options.headers,
    },
  });
}
