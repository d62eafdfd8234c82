import type { JournalFilter } from '../core/journal.js';
import { ControlError } from '../control/ControlError.js';
import { ok, type AdminRequest, type AdminRoute } from './adminRoute.js';

/** A page small enough that listing never stalls other requests: entries hold up to 2 x 64 KiB each. */
export const journalPageDefault = 100;
export const journalPageMax = 1000;

const filters = {
  endpoint: 'Only exchanges of this endpoint id (one of GET /__admin/health endpoints).',
  code: 'Only exchanges answered with this wire code (responseCode or resultCode).',
};

const filterOf = ({ query }: AdminRequest): JournalFilter => ({
  endpoint: query.get('endpoint') ?? undefined,
  code: query.get('code') ?? undefined,
});

function pageOf({ query }: AdminRequest): { limit: number; cursor?: string; reveal: boolean } {
  const limit = query.get('limit') ?? String(journalPageDefault);
  if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > journalPageMax)
    throw new ControlError(400, `?limit= takes a whole number from 1 to ${journalPageMax}, got "${limit}".`);
  const cursor = query.get('cursor') ?? undefined;
  if (cursor !== undefined && !/^\d{1,15}$/.test(cursor))
    throw new ControlError(400, `?cursor= takes the "next" of an earlier page, got "${cursor}".`);
  const reveal = query.get('reveal') ?? 'false';
  if (reveal !== 'true' && reveal !== 'false')
    throw new ControlError(400, `?reveal= takes true or false, got "${reveal}".`);
  return { limit: Number(limit), cursor, reveal: reveal === 'true' };
}

/** The journal of exchanges: every request, its response, the chosen scenario and each check's verdict. */
export const journalRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/journal',
    query: {
      ...filters,
      limit: `Entries per page (default ${journalPageDefault}, at most ${journalPageMax}).`,
      cursor: 'The "next" of the previous page: the entries after it.',
      reveal:
        'true shows credentials (clientSecret, Authorization, Authorization-Customer, private keys), masked by default.',
    },
    summary:
      'List exchanges, oldest first, a page at a time (the answer\'s "next" is the cursor of the next page, null on the last); filter with ?endpoint=, ?code=, and the session.',
    handle: (request) => ok(request.control.journalPage({ ...filterOf(request), ...pageOf(request) })),
  },
  {
    method: 'GET',
    path: '/journal/count',
    query: filters,
    summary: 'Count exchanges matching the same filters ("was it called N times?").',
    handle: (request) => ok({ count: request.control.journal(filterOf(request)).length }),
  },
  {
    method: 'DELETE',
    path: '/journal',
    summary: "Forget the session's exchanges (all without a session).",
    handle: ({ control }) => (control.clearJournal(), ok({ cleared: true })),
  },
];
