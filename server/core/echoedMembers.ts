import type { Exchange } from './endpoint.js';
import { parseJsonBody } from './parseJsonBody.js';

/**
 * The members of the request body that the endpoint's answers repeat (its `echoFields`), read from
 * the parsed body, or from the raw bytes when the gateway refused the request before parsing it (a bad
 * signature). DANA's bank account inquiry answers `partnerReferenceNo` even then (its UAT cases
 * InquiryBankAccountUnauthorizedSignature, ...InvalidFieldFormat, ...MissingMandatoryField). A body that
 * is not a JSON object, or a member that is not a string or number, repeats nothing.
 */
export function echoedMembers(exchange: Exchange): Record<string, unknown> {
  const fields = exchange.endpoint?.echoFields;
  if (!fields?.length) return {};
  let body = exchange.body;
  if (body === undefined) {
    try {
      body = parseJsonBody(exchange.request.rawBody);
    } catch {
      return {};
    }
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return {};
  const echoed: Record<string, unknown> = {};
  for (const field of fields) {
    const value = (body as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'number') echoed[field] = value;
  }
  return echoed;
}
