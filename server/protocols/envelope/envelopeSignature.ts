import type { KeyObject } from 'node:crypto';
import type { RequestDraft, SignedRequest, SigningContext } from '../../core/endpoint.js';
import type { Partner } from '../../core/partners.js';
import { sha256Hex, signRsaSha256, verifyRsaSha256 } from '../../core/rsa.js';
import { extractRawMember } from './extractRawMember.js';

export interface EnvelopeSignatureVerdict {
  valid: boolean;
  /** Which text of the `request` member verified: as received, or re-serialised compactly. */
  matched?: 'raw' | 'compact';
  /** SHA-256 (hex) of the `request` member as received, to compare with what the client signed. */
  rawRequestSha256?: string;
  compactRequestSha256: string;
  key: string;
}

/**
 * Verifies the top-level `signature` over the `request` member exactly as received, then over
 * `JSON.stringify` of its parsed value (protocol.md Decisions: dana-node signs JSON.stringify(request)
 * and sends the same text, while other clients re-serialise differently).
 */
export function verifyEnvelopeSignature(rawBody: string, request: unknown, signature: string, partner: Partner): EnvelopeSignatureVerdict {
  const key = `partner ${partner.partnerId}, key ${partner.keyFingerprint} (${partner.keySource})`;
  const raw = extractRawMember(rawBody, 'request');
  const compact = JSON.stringify(request);
  const base = { rawRequestSha256: raw === undefined ? undefined : sha256Hex(raw), compactRequestSha256: sha256Hex(compact), key };
  if (raw !== undefined && verifyRsaSha256(raw, signature, partner.publicKey)) return { valid: true, matched: 'raw', ...base };
  if (compact !== raw && verifyRsaSha256(compact, signature, partner.publicKey)) return { valid: true, matched: 'compact', ...base };
  return { valid: false, ...base };
}

/** What X-Debug-Mode and the journal tell a partner whose envelope signature failed. */
export function describeEnvelopeSignatureFailure(verdict: EnvelopeSignatureVerdict): string {
  return (
    'signature does not verify as Base64 RSA-SHA256 (PKCS#1 v1.5) over the "request" member. ' +
    `SHA-256 of the member as received: ${verdict.rawRequestSha256 ?? 'n/a'}; of its compact JSON.stringify: ${verdict.compactRequestSha256}. Verified with ${verdict.key}.`
  );
}

/**
 * Serialises the `response` member once, signs exactly those bytes with the sandbox's DANA key and
 * emits them verbatim (protocol.md 4.8): `{"response":<signed bytes>,"signature":"<base64>"}`.
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
    throw new Error(`the body is not JSON: ${(error as Error).message}`);
  }
  const member = extractRawMember(draft.body, 'request');
  if (!parsed || typeof parsed !== 'object' || member === undefined) throw new Error('the body has no "request" member to sign');
  const signature = signRsaSha256(member, context.privateKey);
  return { headers: {}, body: `{"request":${member},"signature":${JSON.stringify(signature)}}`, signedText: member };
}
