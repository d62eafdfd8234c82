import { minifyJson } from '../../core/minifyJson.js';
import type { Partner } from '../../core/partners.js';
import type { RequestDraft, SignedRequest, SigningContext } from '../protocol.js';
import { describeSignatureEncoding, sha256Hex, signRsaSha256, verifyRsaSha256Async } from '../../core/rsa.js';

/** Which SNAP string-to-sign an endpoint uses (docs/protocol.md#snap-signatures). */
export type SnapSignatureKind = 'asymmetric' | 'accessToken';

export interface SignatureVerdict {
  valid: boolean;
  /** Which bytes matched: the raw body, or its whitespace-minified copy. */
  matched?: 'raw' | 'minified';
  stringToSign: string;
  bodySha256?: string;
  /** When the body has whitespace: the string to sign over its minified copy, also accepted. */
  minified?: { stringToSign: string; bodySha256: string };
  /** Why X-SIGNATURE is not a standard-Base64 signature of the key's size, when it is not. */
  encoding?: string;
  key: string;
}

/** `METHOD:relativeUrl:lowercase(hex(sha256(body))):X-TIMESTAMP` (asymmetric, "without get token"). */
export function asymmetricStringToSign(method: string, relativeUrl: string, body: string, timestamp: string): string {
  return stringToSignOverHash(method, relativeUrl, sha256Hex(body), timestamp);
}

const stringToSignOverHash = (method: string, relativeUrl: string, bodySha256: string, timestamp: string) =>
  `${method.toUpperCase()}:${relativeUrl}:${bodySha256}:${timestamp}`;

/** `X-CLIENT-KEY|X-TIMESTAMP` (access-token requests). */
export function accessTokenStringToSign(clientKey: string, timestamp: string): string {
  return `${clientKey}|${timestamp}`;
}

export interface SignedParts {
  kind: SnapSignatureKind;
  method: string;
  relativeUrl: string;
  rawBody: string;
  timestamp: string;
  clientKey: string;
  signature: string;
}

/** Verifies X-SIGNATURE over the raw body, then over its minified copy (docs/decisions.md#body-hash); RSA runs on the thread pool. */
export async function verifySnapSignature(parts: SignedParts, partner: Partner): Promise<SignatureVerdict> {
  const key = `partner ${partner.partnerId}, key ${partner.keyFingerprint} (${partner.keySource})`;
  const encoding = describeSignatureEncoding(parts.signature, partner.publicKey);
  if (parts.kind === 'accessToken') {
    const stringToSign = accessTokenStringToSign(parts.clientKey, parts.timestamp);
    const valid = await verifyRsaSha256Async(stringToSign, parts.signature, partner.publicKey);
    return { valid, matched: valid ? 'raw' : undefined, stringToSign, encoding, key };
  }
  const over = (body: string) => {
    const bodySha256 = sha256Hex(body);
    return {
      stringToSign: stringToSignOverHash(parts.method, parts.relativeUrl, bodySha256, parts.timestamp),
      bodySha256,
    };
  };
  const raw = over(parts.rawBody);
  if (encoding !== undefined) return { valid: false, ...raw, encoding, key };
  if (await verifyRsaSha256Async(raw.stringToSign, parts.signature, partner.publicKey))
    return { valid: true, matched: 'raw', ...raw, key };
  const minifiedBody = minifyJson(parts.rawBody);
  const minified = minifiedBody === parts.rawBody ? undefined : over(minifiedBody);
  if (minified && (await verifyRsaSha256Async(minified.stringToSign, parts.signature, partner.publicKey)))
    return { valid: true, matched: 'minified', ...minified, key };
  return { valid: false, ...raw, minified, key };
}

/** What X-Debug-Mode tells a partner whose signature failed. */
export function describeSignatureFailure(verdict: SignatureVerdict): string {
  if (verdict.encoding !== undefined) {
    return `X-SIGNATURE ${verdict.encoding}, so it cannot verify as Base64 RSA-SHA256 (PKCS#1 v1.5). String to sign computed by the sandbox: "${verdict.stringToSign}". Verified with ${verdict.key}.`;
  }
  const hash = verdict.bodySha256 ? ` Body SHA-256 (as received): ${verdict.bodySha256}.` : '';
  const minified = verdict.minified
    ? ` Also tried over the minified body: "${verdict.minified.stringToSign}" (body SHA-256 ${verdict.minified.bodySha256}).`
    : '';
  return `X-SIGNATURE does not verify as Base64 RSA-SHA256 (PKCS#1 v1.5). String to sign computed by the sandbox: "${verdict.stringToSign}".${hash}${minified} Verified with ${verdict.key}.`;
}

/**
 * Signs a draft as a SNAP client must (the signing helper): X-TIMESTAMP, X-SIGNATURE and the client
 * header; asymmetric requests also get a fresh X-EXTERNAL-ID. The body is sent unchanged.
 */
export function signSnapRequest(
  kind: SnapSignatureKind,
  clientHeader: string,
  draft: RequestDraft,
  context: SigningContext,
): SignedRequest {
  const signedText =
    kind === 'accessToken'
      ? accessTokenStringToSign(context.partnerId, context.timestamp)
      : asymmetricStringToSign(draft.method, draft.path, draft.body, context.timestamp);
  const headers: Record<string, string> = {
    'X-TIMESTAMP': context.timestamp,
    'X-SIGNATURE': signRsaSha256(signedText, context.privateKey),
    [clientHeader]: context.partnerId,
  };
  if (kind === 'asymmetric') headers['X-EXTERNAL-ID'] = context.externalId;
  return { headers, body: draft.body, signedText };
}
