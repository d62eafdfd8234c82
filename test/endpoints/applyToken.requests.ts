import type { Express } from 'express';
import request from 'supertest';
import { formatJakartaTime } from '../../server/core/jakartaTime.js';
import { loginOnPage } from '../pages/oauthPage.requests.js';
import { demoPartner } from '../support/partners.js';
import { signAccessToken } from '../support/snapRequest.js';

export const applyTokenPath = '/v1.0/access-token/b2b2c.htm';

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
