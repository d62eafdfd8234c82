/** Requests of applyOtt as partners send them, signed with the TEST-ONLY demo partner key. */
import type { KeyObject } from 'node:crypto';
import type { Express } from 'express';
import { sendSnap, type SnapCall } from '../support/snapRequest.js';
import { snapWire, type WireRequest } from '../support/wireRequests.js';

/** An Apply OTT call for `token`, signed by the demo partner. */
export function sendApplyOtt(
  app: Express,
  token: string,
  options: Omit<SnapCall, 'path' | 'body'> & { body?: unknown } = {},
) {
  return sendSnap(app, {
    path: '/rest/v1.1/qr/apply-ott',
    body: options.body ?? { userResources: ['OTT'], additionalInfo: { accessToken: token } },
    ...options,
    headers: { 'Authorization-Customer': `Bearer ${token}`, 'X-DEVICE-ID': 'jest-device', ...options.headers },
  });
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
