/** Requests of b2bAccessToken as partners send them, signed with the TEST-ONLY demo partner key. */
import type { KeyObject } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { demoPartner } from '../support/partners.js';
import { signAccessToken, testTimestamp } from '../support/snapRequest.js';
import { type WireRequest } from '../support/wireRequests.js';

export const tokenPath = '/v1.0/access-token/b2b';
export const bncTokenPath = '/open/bi/1.0.0/get/token';
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
