import type { KeyObject } from 'node:crypto';
import { demoPartner } from './partners.js';
import { signSnap, testTimestamp } from './snapRequest.js';

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
