/** Merchant-management requests as dana-node sends them, signed with the TEST-ONLY demo partner key. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { Express } from 'express';
import { buildEnvelope, nextReqMsgId, sendEnvelope } from '../endpoints/pushNotificationUser.requests.js';
import { demoPartner, root } from '../support/partners.js';

/** Path and head `function` of each merchant-management operation (dana-node MerchantManagementApi). */
export const merchantOperations = {
  createShop: ['/dana/merchant/shop/createShop.htm', 'dana.merchant.shop.createShop'],
  queryShop: ['/dana/merchant/shop/queryShop.htm', 'dana.merchant.shop.queryShop'],
  updateShop: ['/dana/merchant/shop/updateShop.htm', 'dana.merchant.shop.updateShop'],
  createDivision: ['/dana/merchant/division/createDivision.htm', 'dana.merchant.division.createDivision'],
  queryDivision: ['/dana/merchant/division/queryDivision.htm', 'dana.merchant.division.queryDivision'],
  updateDivision: ['/dana/merchant/division/updateDivision.htm', 'dana.merchant.division.updateDivision'],
  queryMerchantResource: ['/dana/merchant/queryMerchantResource.htm', 'dana.merchant.queryMerchantResource'],
  queryMerchantInfo: [
    '/dana/member/merchant/queryMerchantInfo.htm',
    'dana.ap.bizprod.biz.service.openapi.merchant.queryMerchantInfo',
  ],
  queryAssetCardList: ['/dana/member/asset/queryAssetCardList.htm', 'dana.member.asset.queryAssetCardList'],
} as const;
export type MerchantOperation = keyof typeof merchantOperations;

interface UatCase {
  request: Record<string, unknown>;
  response: { resultInfo: Record<string, string> } & Record<string, unknown>;
}

/** DANA's UAT cases of one group of MerchantManagement.json (test/uat/). */
export function readMerchantUat(group: 'Shop' | 'Division'): Record<string, UatCase> {
  return JSON.parse(readFileSync(join(root, 'test', 'uat', 'MerchantManagement.json'), 'utf8'))[group];
}

let counter = 0;
/** A value no earlier request used, as DANA's runner fills `${externalShopId}` and the like. */
export const fresh = (label: string) => `${label}-${process.pid}-${Date.now().toString(36)}-${++counter}`;

/** Fills the runner's `${...}` placeholders: the demo merchant for `${merchantId}`, fresh values for the rest. */
export function fillUat(value: unknown): any {
  if (typeof value === 'string')
    return value.replace(/\$\{(\w+)\}/g, (_, name: string) =>
      name === 'merchantId' ? demoPartner.merchantId : fresh(name),
    );
  if (Array.isArray(value)) return value.map(fillUat);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillUat(v)]));
  return value;
}

/** DANA's UAT createShop body with fresh names, then `overrides`. */
export const createShopBody = (overrides: Record<string, unknown> = {}) => ({
  ...fillUat(readMerchantUat('Shop').CreateShop.request),
  mainName: 'Toko Jest',
  ...overrides,
});

/** DANA's UAT createDivision body with fresh names, then `overrides`. */
export const createDivisionBody = (overrides: Record<string, unknown> = {}) => ({
  ...fillUat(readMerchantUat('Division').CreateDivision.request),
  ...overrides,
});

/** The head dana-node sends (no accessToken, reserve as an object); undefined drops a member. */
export function merchantHead(operation: MerchantOperation, overrides: Record<string, unknown> = {}) {
  return {
    version: '2.0',
    function: merchantOperations[operation][1],
    clientId: demoPartner.partnerId,
    clientSecret: demoPartner.clientSecret,
    reqTime: '2026-11-22T10:00:00+07:00',
    reqMsgId: nextReqMsgId(),
    reserve: {},
    ...overrides,
  };
}

export interface MerchantCall {
  head?: Record<string, unknown>;
  key?: KeyObject;
  session?: string;
  headers?: Record<string, string>;
}

/** Posts a signed merchant-management envelope and returns the answer's response.body. */
export async function sendMerchant(
  app: Express,
  operation: MerchantOperation,
  body: Record<string, unknown>,
  call: MerchantCall = {},
): Promise<{ status: number; body: any; result: Record<string, string> }> {
  const res = await sendEnvelope(app, {
    path: merchantOperations[operation][0],
    raw: buildEnvelope({ head: merchantHead(operation, call.head), body, key: call.key }),
    session: call.session,
    headers: call.headers,
  });
  return { status: res.status, body: res.body.response.body, result: res.body.response.body.resultInfo };
}
