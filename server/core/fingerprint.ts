/**
 * A request's identity for idempotency: keys sorted at every level, so the same request in another key order has the
 * same fingerprint (createOrder, top-up and bank transfer tell a repeat from an inconsistent reuse of a partnerReferenceNo).
 */
export function fingerprint(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(fingerprint).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${fingerprint((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
