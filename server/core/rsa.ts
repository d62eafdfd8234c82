import { createHash, sign, verify, type KeyObject } from 'node:crypto';

/** Lower-case hex SHA-256, as SNAP's string-to-sign wants the body hash. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Base64 RSA-SHA256 PKCS#1 v1.5: the only signature scheme DANA uses here. */
export function signRsaSha256(text: string, key: KeyObject): string {
  return sign('sha256', Buffer.from(text, 'utf8'), key).toString('base64');
}

const printable = (ch: string) => JSON.stringify(ch).slice(1, -1);

function hintFor(ch: string): string {
  if (ch === '-' || ch === '_') return ' (base64url? the signature must be standard Base64, with + and /)';
  if (/\s/.test(ch)) return ' (no whitespace or line breaks inside the signature)';
  return '';
}

/**
 * Why `signature` is not an RSA signature for `key` written in standard Base64 (RFC 4648 section 4,
 * padded), or undefined when it is. Node's Base64 decoder skips what it does not know (base64url,
 * spaces, trailing garbage, missing padding), while DANA's gateway refuses such a signature, so a
 * partner's encoding bug must fail here too.
 */
export function describeSignatureEncoding(signature: string, key: KeyObject): string | undefined {
  if (signature.length === 0) return 'is empty';
  const bad = /[^A-Za-z0-9+/=]/.exec(signature);
  if (bad) return `is not standard Base64: found '${printable(bad[0])}' at position ${bad.index}${hintFor(bad[0])}`;
  const padding = signature.indexOf('=');
  if (padding >= 0 && (signature.length - padding > 2 || /[^=]/.test(signature.slice(padding)))) {
    return `is not standard Base64: found '=' at position ${padding}, but padding is at most two '=' at the very end`;
  }
  if (signature.length % 4 !== 0)
    return `is not standard Base64: its length ${signature.length} is not a multiple of 4 (is the '=' padding missing?)`;
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (bits === undefined) return undefined;
  const expected = Math.ceil(bits / 8);
  const actual = Buffer.from(signature, 'base64').length;
  if (actual !== expected) return `decodes to ${actual} bytes, an RSA-${bits} signature has ${expected}`;
  return undefined;
}

/** True only for a standard-Base64 signature of the key's size that verifies over `text`. */
export function verifyRsaSha256(text: string, signatureBase64: string, key: KeyObject): boolean {
  if (describeSignatureEncoding(signatureBase64, key) !== undefined) return false;
  try {
    return verify('sha256', Buffer.from(text, 'utf8'), key, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/**
 * verifyRsaSha256 on libuv's thread pool (node:crypto's callback form): the event loop answers other
 * requests meanwhile, so a second core does the RSA work. The same verdict as verifyRsaSha256.
 */
export function verifyRsaSha256Async(text: string, signatureBase64: string, key: KeyObject): Promise<boolean> {
  if (describeSignatureEncoding(signatureBase64, key) !== undefined) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      verify('sha256', Buffer.from(text, 'utf8'), key, Buffer.from(signatureBase64, 'base64'), (error, valid) =>
        resolve(!error && valid),
      );
    } catch {
      resolve(false);
    }
  });
}

/** signRsaSha256 on libuv's thread pool; PKCS#1 v1.5 is deterministic, so the bytes are the same. */
export function signRsaSha256Async(text: string, key: KeyObject): Promise<string> {
  return new Promise((resolve, reject) =>
    sign('sha256', Buffer.from(text, 'utf8'), key, (error, signature) =>
      error ? reject(error) : resolve(signature.toString('base64')),
    ),
  );
}
