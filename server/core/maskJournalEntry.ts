import type { JournalEntry } from './journal.js';

/** What a masked value reads as: the journal is often pasted into tickets and CI logs. */
export const maskedValue = '***';

/** Headers that carry credentials: B2B and customer tokens, the sandbox's own admin token. */
const secretHeaders = ['authorization', 'authorization-customer', 'x-mock-admin-token'];

/** `Bearer abc` -> `Bearer ***`: the scheme stays, so a missing or misspelt prefix is still visible. */
const maskCredential = (value: string) => {
  const scheme = /^(\S+\s+)\S/.exec(value)?.[1];
  return value === '' ? value : `${scheme ?? ''}${maskedValue}`;
};

/** The envelope head's clientSecret (any spacing the partner sent) and PEM private keys in a body. */
function maskBody(body: string): string {
  if (!body.includes('clientSecret') && !body.includes('PRIVATE KEY')) return body;
  return body
    .replace(/("clientSecret"\s*:\s*)"(?:[^"\\]|\\.)*"/g, `$1"${maskedValue}"`)
    .replace(/(-----BEGIN [A-Z ]*PRIVATE KEY-----)[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----)/g, `$1${maskedValue}$2`);
}

/**
 * A copy of the entry with credentials masked (clientSecret, Authorization, Authorization-Customer,
 * X-Mock-Admin-Token, private keys); the stored entry keeps the original for `?reveal=true`.
 */
export function maskJournalEntry(entry: JournalEntry): JournalEntry {
  const headers = { ...entry.request.headers };
  for (const name of secretHeaders) if (headers[name] !== undefined) headers[name] = maskCredential(headers[name]);
  return {
    ...entry,
    request: { ...entry.request, headers, rawBody: maskBody(entry.request.rawBody) },
    response: { ...entry.response, body: maskBody(entry.response.body) },
  };
}
