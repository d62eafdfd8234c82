import type { KeyObject } from 'node:crypto';
import type { RequestDraft, SignedRequest, SigningContext } from '../protocol.js';
import type { Partner } from '../../core/partners.js';
import { minifyJson } from '../../core/minifyJson.js';
import { describeSignatureEncoding, sha256Hex, signRsaSha256, verifyRsaSha256 } from '../../core/rsa.js';
import { extractRawMember } from './extractRawMember.js';

export interface EnvelopeSignatureVerdict {
  valid: boolean;
  /** Which text of the `request` member verified: as received, minified, or re-serialised by JSON.stringify. */
  matched?: 'raw' | 'minified' | 'compact';
  /** SHA-256 (hex) of the `request` member as received, to compare with what the client signed. */
  rawRequestSha256?: string;
  /** Computed only once the member as received failed: of its whitespace-minified copy, */
  minifiedRequestSha256?: string;
  /** and of JSON.stringify of its parsed value. */
  compactRequestSha256?: string;
  /** Why `signature` is not a standard-Base64 signature of the key's size, when it is not. */
  encoding?: string;
  key: string;
}

function stringifySafely(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/**
 * Verifies the top-level `signature` over the `request` member exactly as received; then over that
 * text minified (whitespace outside strings dropped, every token byte for byte: escapes such as
 * PHP's `\/` or Python's `\u00e9` survive); then over `JSON.stringify` of its parsed value
 * (docs/decisions.md#envelope-requests: dana-node signs JSON.stringify(request) and sends the same text, while
 * other clients re-serialise differently). The fallbacks are computed only when needed.
 */
export function verifyEnvelopeSignature(
  rawBody: string,
  request: unknown,
  signature: string,
  partner: Partner,
): EnvelopeSignatureVerdict {
  const key = `partner ${partner.partnerId}, key ${partner.keyFingerprint} (${partner.keySource})`;
  const raw = extractRawMember(rawBody, 'request');
  const rawRequestSha256 = raw === undefined ? undefined : sha256Hex(raw);
  const encoding = describeSignatureEncoding(signature, partner.publicKey);
  if (encoding !== undefined) return { valid: false, rawRequestSha256, encoding, key };
  const verifies = (text: string) => verifyRsaSha256(text, signature, partner.publicKey);
  if (raw !== undefined && verifies(raw)) return { valid: true, matched: 'raw', rawRequestSha256, key };
  const minified = raw === undefined ? undefined : minifyJson(raw);
  const hashes = {
    rawRequestSha256,
    minifiedRequestSha256: minified === undefined || minified === raw ? undefined : sha256Hex(minified),
  };
  if (hashes.minifiedRequestSha256 !== undefined && verifies(minified!))
    return { valid: true, matched: 'minified', ...hashes, key };
  const compact = stringifySafely(request);
  const compactRequestSha256 = compact === undefined ? undefined : sha256Hex(compact);
  if (compact !== undefined && compact !== raw && compact !== minified && verifies(compact))
    return { valid: true, matched: 'compact', ...hashes, compactRequestSha256, key };
  return { valid: false, ...hashes, compactRequestSha256, key };
}

/** What X-Debug-Mode and the journal tell a partner whose envelope signature failed. */
export function describeEnvelopeSignatureFailure(verdict: EnvelopeSignatureVerdict): string {
  if (verdict.encoding !== undefined)
    return `signature ${verdict.encoding}, so it cannot verify as Base64 RSA-SHA256 (PKCS#1 v1.5). Verified with ${verdict.key}.`;
  const minified =
    verdict.minifiedRequestSha256 === undefined
      ? ''
      : `; of it minified (whitespace outside strings dropped): ${verdict.minifiedRequestSha256}`;
  return (
    'signature does not verify as Base64 RSA-SHA256 (PKCS#1 v1.5) over the "request" member. ' +
    `SHA-256 of the member as received: ${verdict.rawRequestSha256 ?? 'n/a'}${minified}; of its compact JSON.stringify: ${verdict.compactRequestSha256 ?? 'n/a'}. Verified with ${verdict.key}.`
  );
}

/**
 * Serialises the `response` member once, signs exactly those bytes with the sandbox's DANA key and
 * emits them verbatim (docs/protocol.md#envelope-response-signature): `{"response":<signed bytes>,"signature":"<base64>"}`.
 */
export function signEnvelopeResponse(response: Record<string, unknown>, danaKey: KeyObject): string {
  const signedText = JSON.stringify(response);
  return `{"response":${signedText},"signature":${JSON.stringify(signRsaSha256(signedText, danaKey))}}`;
}

/**
 * Signs a draft envelope as a client must (the signing helper): the `request` member exactly as
 * written (pretty-printed or not), then `{"request":<those bytes>,"signature":"<base64>"}`.
 * Any `signature` already in the draft is replaced.
 */
export function signEnvelopeRequest(draft: RequestDraft, context: SigningContext): SignedRequest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(draft.body);
  } catch (error) {
    throw new Error(`the body is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const member = extractRawMember(draft.body, 'request');
  if (!parsed || typeof parsed !== 'object' || member === undefined)
    throw new Error('the body has no "request" member to sign');
  const signature = signRsaSha256(member, context.privateKey);
  return { headers: {}, body: `{"request":${member},"signature":${JSON.stringify(signature)}}`, signedText: member };
}
