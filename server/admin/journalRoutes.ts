import type { JournalFilter } from '../core/journal.js';
import { ok, type AdminRequest, type AdminRoute } from './adminRoute.js';

const filters = {
  endpoint: 'Only exchanges of this endpoint id (one of GET /__admin/health endpoints).',
  code: 'Only exchanges answered with this wire code (responseCode or resultCode).',
};

const filterOf = ({ query }: AdminRequest): JournalFilter => ({
  endpoint: query.get('endpoint') ?? undefined,
  code: query.get('code') ?? undefined,
});

/** The journal of exchanges: every request, its response, the chosen scenario and each check's verdict. */
export const journalRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/journal',
    query: filters,
    summary: 'List exchanges, oldest first; filter with ?endpoint=, ?code=, and the session.',
    handle: (request) => ok({ entries: request.control.journal(filterOf(request)) }),
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
