import type { KeyObject } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import type { Sandbox } from '../../server/sandbox.js';
import { admin } from './admin.js';
import { demoPartner } from './partners.js';
import { sendSnap, signAccessToken, testTimestamp } from './snapRequest.js';

export const tokenPath = '/v1.0/access-token/b2b';
export const bncTokenPath = '/open/bi/1.0.0/get/token';
export const resendOtpPath = '/open/bi/private/v1.0/otp';

export interface TokenCall {
  path?: string;
  body?: unknown;
  /** Added after the signed defaults; a value of undefined removes that header. */
  headers?: Record<string, string | undefined>;
  key?: KeyObject;
  clientKey?: string;
  session?: string;
}

/** Asks for a B2B access token, signed `X-CLIENT-KEY|X-TIMESTAMP` with the demo partner's key. */
export function sendTokenRequest(app: Express, call: TokenCall = {}) {
  const clientKey = call.clientKey ?? demoPartner.partnerId;
  const timestamp = call.headers?.['X-TIMESTAMP'] ?? testTimestamp;
  const headers: Record<string, string | undefined> = {
    'Content-Type': 'application/json',
    'X-TIMESTAMP': timestamp,
    'X-CLIENT-KEY': clientKey,
    'X-SIGNATURE': signAccessToken(clientKey, timestamp, call.key),
    'X-Mock-Session': call.session,
    ...call.headers,
  };
  let test = request(app).post(call.path ?? tokenPath);
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) test = test.set(name, value);
  const body = call.body ?? { grantType: 'client_credentials' };
  return test.send(typeof body === 'string' ? body : JSON.stringify(body));
}

/** A fresh B2B access token of the demo partner (or `call.clientKey`), in `call.session`. */
export async function issueToken(app: Express, call: TokenCall = {}): Promise<string> {
  const res = await sendTokenRequest(app, call);
  if (res.body.responseCode !== '2007300') throw new Error(`no token: ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

/** The seed's sample body shape for a journey, card and order. */
export function otpBody(
  journeyId: string,
  bankCardToken = 'demo-card-active',
  orderId = `order-${journeyId}`,
): Record<string, unknown> {
  return { journeyId, bankCardToken, merchantId: demoPartner.merchantId, additionalInfo: { orderId } };
}

export interface OtpCall {
  token?: string;
  session?: string;
  headers?: Record<string, string | undefined>;
  key?: KeyObject;
  signedBody?: string;
}

/** A Resend OTP call as BNC takes it: X-CLIENT-KEY, `Authorization: Bearer <token>`, asymmetric signature. */
export function sendResendOtp(app: Express, body: unknown, call: OtpCall = {}) {
  return sendSnap(app, {
    path: resendOtpPath,
    body,
    key: call.key,
    signedBody: call.signedBody,
    headers: {
      'X-PARTNER-ID': undefined,
      'X-CLIENT-KEY': demoPartner.partnerId,
      'CHANNEL-ID': '88881',
      Authorization: call.token === undefined ? undefined : `Bearer ${call.token}`,
      'X-Mock-Session': call.session,
      ...call.headers,
    },
  });
}

/** Opens a journey on `bankCardToken` in `session` through the control plane, as the payment that sent the first OTP would. */
export async function openJourney(
  sandbox: Sandbox,
  session: string,
  journeyId: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const res = await admin(
    sandbox,
    'POST',
    '/fixtures/journeys',
    { journeyId, orderId: `order-${journeyId}`, bankCardToken: 'demo-card-active', ...extra },
    session,
  );
  if (res.status !== 201) throw new Error(`journey not opened: ${JSON.stringify(res.body)}`);
}

/** Moves the session's sandbox clock forward through POST /__admin/clock/advance. */
export async function advanceClock(sandbox: Sandbox, session: string, seconds: number): Promise<void> {
  await admin(sandbox, 'POST', '/clock/advance', { seconds }, session);
}
