import type { KeyObject } from 'node:crypto';
import { buildEnvelope, pushBody, pushHead } from './envelopeRequest.js';
import { demoPartner } from './partners.js';
import { signAccessToken, signSnap, testTimestamp } from './snapRequest.js';

/** A request as bytes on the wire, independent of how it is sent (HTTP or MSW). */
export interface WireRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Sent instead of `body` when set: bytes that are not the body's UTF-8 (gzipped, not UTF-8). */
  bytes?: Uint8Array;
}

/** A signed SNAP transaction request with deterministic ids, so two runs send identical bytes. */
export function snapWire(
  path: string,
  body: unknown,
  headers: Record<string, string | undefined> = {},
  key?: KeyObject,
): WireRequest {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const all: Record<string, string | undefined> = {
    'content-type': 'application/json',
    'x-timestamp': testTimestamp,
    'x-signature': signSnap('POST', path, raw, testTimestamp, key),
    'x-partner-id': demoPartner.partnerId,
    'channel-id': '95221',
    ...headers,
  };
  return {
    method: 'POST',
    path,
    headers: Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined)),
    body: raw,
  };
}

export function applyOttWire(
  token: string,
  externalId: string,
  extra: { body?: unknown; headers?: Record<string, string | undefined>; key?: KeyObject } = {},
): WireRequest {
  const body = extra.body ?? { userResources: ['OTT'], additionalInfo: { accessToken: token } };
  return snapWire(
    '/rest/v1.1/qr/apply-ott',
    body,
    {
      'x-external-id': externalId,
      'authorization-customer': `Bearer ${token}`,
      'x-device-id': 'parity',
      ...extra.headers,
    },
    extra.key,
  );
}

export function tokenWire(
  key?: KeyObject,
  body = '{"grantType":"client_credentials"}',
  extra: { clientKey?: string; headers?: Record<string, string | undefined> } = {},
): WireRequest {
  const clientKey = extra.clientKey ?? demoPartner.partnerId;
  const all = {
    'content-type': 'application/json',
    'x-timestamp': testTimestamp,
    'x-client-key': clientKey,
    'x-signature': signAccessToken(clientKey, testTimestamp, key),
    ...extra.headers,
  };
  return {
    method: 'POST',
    path: '/v1.0/access-token/b2b',
    headers: Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined)),
    body,
  };
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

export function pushWire(
  reqMsgId: string,
  extra: { acquirementId?: string; key?: KeyObject; raw?: string; head?: Record<string, unknown> } = {},
): WireRequest {
  const body =
    extra.raw ??
    buildEnvelope({ head: pushHead({ reqMsgId, ...extra.head }), body: pushBody(extra.acquirementId), key: extra.key });
  return {
    method: 'POST',
    path: '/v1/payments/pushNotificationUser',
    headers: { 'content-type': 'application/json' },
    body,
  };
}
