/** Requests of pushNotificationUser as partners send them, signed with the TEST-ONLY demo partner key. */
import type { KeyObject } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { signEnvelope } from '../support/envelopeRequest.js';
import { demoPartner } from '../support/partners.js';
import { type WireRequest } from '../support/wireRequests.js';

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
