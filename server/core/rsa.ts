import { createHash, sign, verify, type KeyObject } from 'node:crypto';

/** Lower-case hex SHA-256, as SNAP's string-to-sign wants the body hash. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Base64 RSA-SHA256 PKCS#1 v1.5: the only signature scheme DANA uses here. */
export function signRsaSha256(text: string, key: KeyObject): string {
  return sign('sha256', Buffer.from(text, 'utf8'), key).toString('base64');
}

export function verifyRsaSha256(text: string, signatureBase64: string, key: KeyObject): boolean {
  const signature = Buffer.from(signatureBase64, 'base64');
  if (signature.length === 0) return false;
  try {
    return verify('sha256', Buffer.from(text, 'utf8'), key, signature);
  } catch {
    return false;
  }
}
