import type { KeyObject } from 'node:crypto';
import { minifyJson } from '../core/minifyJson.js';
import { sha256Hex, signRsaSha256 } from '../core/rsa.js';

/**
 * DANA's signature on a notify it sends (what dana-node's WebhookParser verifies):
 * `POST:<relative path>:<lower-case hex SHA-256 of the minified body>:<X-TIMESTAMP>`, RSA-SHA256, Base64.
 */
export function notifyStringToSign(path: string, body: string, timestamp: string): string {
  return `POST:${path}:${sha256Hex(minifyJson(body))}:${timestamp}`;
}

export function signNotify(path: string, body: string, timestamp: string, danaKey: KeyObject): string {
  return signRsaSha256(notifyStringToSign(path, body, timestamp), danaKey);
}

/** The relative URL a notify to `url` is signed for: its path and query. */
export function relativePathOf(url: string): string {
  const { pathname, search } = new URL(url);
  return pathname + search;
}
