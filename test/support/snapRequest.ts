import type { KeyObject } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { formatJakartaTime } from '../../server/core/jakartaTime.js';
import { signRsaSha256 } from '../../server/core/rsa.js';
import { accessTokenStringToSign, asymmetricStringToSign } from '../../server/protocols/snap/snapSignature.js';
import { demoPartner } from './partners.js';
import { fixedNow } from './testSandbox.js';

let externalIds = 0;
/** A fresh X-EXTERNAL-ID per call, so the replay check never trips by accident. */
export const nextExternalId = () => `ext-${process.pid}-${++externalIds}`;

export const testTimestamp = formatJakartaTime(new Date(fixedNow));

/** Base64 RSA-SHA256 over SNAP's asymmetric string to sign, as a partner computes it. */
export function signSnap(
  method: string,
  path: string,
  body: string,
  timestamp: string,
  key: KeyObject = demoPartner.privateKey,
): string {
  return signRsaSha256(asymmetricStringToSign(method, path, body, timestamp), key);
}

export function signAccessToken(clientKey: string, timestamp: string, key: KeyObject = demoPartner.privateKey): string {
  return signRsaSha256(accessTokenStringToSign(clientKey, timestamp), key);
}

export interface SnapCall {
  path: string;
  body: unknown;
  /** Added after the signed defaults; a value of undefined removes that header. */
  headers?: Record<string, string | undefined>;
  key?: KeyObject;
  /** Sign these bytes instead of the ones sent (to prove a signature covers exact bytes). */
  signedBody?: string;
  method?: string;
}

/** Sends a SNAP request signed with the demo partner's real private key. */
export function sendSnap(app: Express, call: SnapCall) {
  const raw = typeof call.body === 'string' ? call.body : JSON.stringify(call.body);
  const method = call.method ?? 'POST';
  const timestamp = call.headers?.['X-TIMESTAMP'] ?? testTimestamp;
  const headers: Record<string, string | undefined> = {
    'Content-Type': 'application/json',
    'X-TIMESTAMP': timestamp,
    'X-SIGNATURE': signSnap(method, call.path, call.signedBody ?? raw, timestamp, call.key),
    'X-PARTNER-ID': demoPartner.partnerId,
    'X-EXTERNAL-ID': nextExternalId(),
    'CHANNEL-ID': '95221',
    ...call.headers,
  };
  let test = request(app)[method.toLowerCase() as 'post'](call.path);
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) test = test.set(name, value);
  return method === 'GET' ? test : test.send(raw);
}
