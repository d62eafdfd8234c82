/** Requests of resendOtp as partners send them, signed with the TEST-ONLY demo partner key. */
import type { KeyObject } from 'node:crypto';
import type { Express } from 'express';
import type { Sandbox } from '../../server/sandbox.js';
import { admin } from '../support/admin.js';
import { demoPartner } from '../support/partners.js';
import { sendSnap } from '../support/snapRequest.js';
import { snapWire, type WireRequest } from '../support/wireRequests.js';

export const resendOtpPath = '/open/bi/private/v1.0/otp';

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

export function resendOtpWire(
  token: string | undefined,
  externalId: string,
  journeyId: string,
  bankCardToken = 'demo-card-active',
  extra: { body?: unknown; headers?: Record<string, string | undefined>; key?: KeyObject } = {},
): WireRequest {
  const body = extra.body ?? {
    journeyId,
    bankCardToken,
    merchantId: demoPartner.merchantId,
    additionalInfo: { orderId: `order-${journeyId}` },
  };
  const headers = {
    'x-partner-id': undefined,
    'x-client-key': demoPartner.partnerId,
    'x-external-id': externalId,
    authorization: token && `Bearer ${token}`,
    ...extra.headers,
  };
  return snapWire('/open/bi/private/v1.0/otp', body, headers, extra.key);
}
