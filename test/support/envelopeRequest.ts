import type { KeyObject } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { signRsaSha256 } from '../../server/core/rsa.js';
import { demoPartner } from './partners.js';

export const pushPath = '/v1/payments/pushNotificationUser';
export const pushFunction = 'dana.mobilewallet.mobilepush.pushOrderNotify';

let reqMsgIds = 0;
/** A fresh reqMsgId per call, as a client would send. */
export const nextReqMsgId = () => `jest-${process.pid}-${++reqMsgIds}`;

/** The demo partner's head with the seed's version; a value of undefined drops that member. */
export function pushHead(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: '1.0',
    function: pushFunction,
    clientId: demoPartner.partnerId,
    reqTime: '2026-11-22T10:00:00+07:00',
    reqMsgId: nextReqMsgId(),
    clientSecret: demoPartner.clientSecret,
    accessToken: 'demo-token-active',
    ...overrides,
  };
}

/** The seed's sample body for `acquirementId`. */
export function pushBody(
  acquirementId = 'demo-order-active',
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    acquirementId,
    bizType: 'MERCHANT_ORDER_NOTIF',
    envInfo: { terminalType: 'APP', webSiteLanguage: 'en_US' },
    extendInfo:
      '{"innovBoardingPass":{"innovRequesterRemoteAddress":null,"innovRequestingModule":"Argonauts"},"innovBriefcase":{}}',
    ...overrides,
  };
}

/** Base64 RSA-SHA256 over JSON.stringify(request), as dana-node signs an Open API request. */
export function signEnvelope(requestMember: unknown, key: KeyObject = demoPartner.privateKey): string {
  return signRsaSha256(typeof requestMember === 'string' ? requestMember : JSON.stringify(requestMember), key);
}

export interface EnvelopeCall {
  head?: Record<string, unknown>;
  body?: Record<string, unknown>;
  key?: KeyObject;
  /** Send this text as the whole body instead of a signed envelope. */
  raw?: string;
  session?: string;
  headers?: Record<string, string>;
  path?: string;
  method?: 'post' | 'get';
}

/** The signed envelope text a client posts: `{"request":...,"signature":"..."}`. */
export function buildEnvelope(call: Pick<EnvelopeCall, 'head' | 'body' | 'key'> = {}): string {
  const requestMember = { head: call.head ?? pushHead(), body: call.body ?? pushBody() };
  return JSON.stringify({ request: requestMember, signature: signEnvelope(requestMember, call.key) });
}

/** Posts a signed pushNotificationUser envelope (or `raw`) to the app. */
export function sendEnvelope(app: Express, call: EnvelopeCall = {}) {
  const agent = request(app);
  let test = agent[call.method ?? 'post'](call.path ?? pushPath).set('Content-Type', 'application/json');
  if (call.session) test = test.set('X-Mock-Session', call.session);
  for (const [name, value] of Object.entries(call.headers ?? {})) test = test.set(name, value);
  return call.method === 'get' ? test : test.send(call.raw ?? buildEnvelope(call));
}
