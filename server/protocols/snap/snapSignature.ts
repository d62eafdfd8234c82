import { minifyJson } from '../../core/minifyJson.js';
import type { Partner } from '../../core/partners.js';
import type { RequestDraft, SignedRequest, SigningContext } from '../protocol.js';
import { describeSignatureEncoding, sha256Hex, signRsaSha256, verifyRsaSha256 } from '../../core/rsa.js';

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
  return `${method.toUpperCase()}:${relativeUrl}:${sha256Hex(body)}:${timestamp}`;
}

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

/** Verifies X-SIGNATURE over the raw body, then over its minified copy (docs/decisions.md#body-hash). */
export function verifySnapSignature(parts: SignedParts, partner: Partner): SignatureVerdict {
  const key = `partner ${partner.partnerId}, key ${partner.keyFingerprint} (${partner.keySource})`;
  const encoding = describeSignatureEncoding(parts.signature, partner.publicKey);
  if (parts.kind === 'accessToken') {
    const stringToSign = accessTokenStringToSign(parts.clientKey, parts.timestamp);
    const valid = verifyRsaSha256(stringToSign, parts.signature, partner.publicKey);
    return { valid, matched: valid ? 'raw' : undefined, stringToSign, encoding, key };
  }
  if (encoding !== undefined) {
    const stringToSign = asymmetricStringToSign(parts.method, parts.relativeUrl, parts.rawBody, parts.timestamp);
    return { valid: false, stringToSign, bodySha256: sha256Hex(parts.rawBody), encoding, key };
  }
  const candidates: ['raw' | 'minified', string][] = [['raw', parts.rawBody]];
  const minified = minifyJson(parts.rawBody);
  if (minified !== parts.rawBody) candidates.push(['minified', minified]);
  for (const [matched, body] of candidates) {
    const stringToSign = asymmetricStringToSign(parts.method, parts.relativeUrl, body, parts.timestamp);
    if (verifyRsaSha256(stringToSign, parts.signature, partner.publicKey)) {
      return { valid: true, matched, stringToSign, bodySha256: sha256Hex(body), key };
    }
  }
  const stringToSign = asymmetricStringToSign(parts.method, parts.relativeUrl, parts.rawBody, parts.timestamp);
  const alternative =
    minified === parts.rawBody
      ? undefined
      : {
          stringToSign: asymmetricStringToSign(parts.method, parts.relativeUrl, minified, parts.timestamp),
          bodySha256: sha256Hex(minified),
        };
  return { valid: false, stringToSign, bodySha256: sha256Hex(parts.rawBody), minified: alternative, key };
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
