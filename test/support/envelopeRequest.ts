import type { KeyObject } from 'node:crypto';
import { signRsaSha256 } from '../../server/core/rsa.js';
import { demoPartner } from './partners.js';
/** Base64 RSA-SHA256 over JSON.stringify(request), as dana-node signs an Open API request. */
export function signEnvelope(requestMember: unknown, key: KeyObject = demoPartner.privateKey): string {
  return signRsaSha256(typeof requestMember === 'string' ? requestMember : JSON.stringify(requestMember), key);
}
