import type { JournalFilter } from '../core/journal.js';
import { ControlError } from '../control/ControlError.js';
import { ok, type AdminRequest, type AdminRoute } from './adminRoute.js';

/** A page small enough that listing never stalls other requests: entries hold up to 2 x 64 KiB each. */
export const journalPageDefault = 100;
export const journalPageMax = 1000;
const keepAliveMs = 15_000;

const filters = {
  endpoint: 'Only exchanges of this endpoint id (one of GET /__admin/health endpoints).',
  code: 'Only exchanges answered with this wire code (responseCode or resultCode).',
};

const filterOf = ({ query }: AdminRequest): JournalFilter => ({
  endpoint: query.get('endpoint') ?? undefined,
  code: query.get('code') ?? undefined,
});

function pageOf({ query }: AdminRequest, lastEventId?: string): { limit: number; cursor?: string; reveal: boolean } {
  const limit = query.get('limit') ?? String(journalPageDefault);
  if (!/^\d+$/.test(limit) || Number(limit) < 1 || Number(limit) > journalPageMax)
    throw new ControlError(400, `?limit= takes a whole number from 1 to ${journalPageMax}, got "${limit}".`);
  const cursor = lastEventId ?? query.get('cursor') ?? undefined;
  if (cursor !== undefined && !/^\d{1,15}$/.test(cursor))
    throw new ControlError(
      400,
      `${lastEventId === undefined ? '?cursor=' : 'Last-Event-ID'} takes the "next" of an earlier page or the id of an earlier event, got "${cursor}".`,
    );
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
    path: '/journal/events',
    query: {
      ...filters,
      limit: `Entries already held that are sent first, the newest (default ${journalPageDefault}, at most ${journalPageMax}).`,
      cursor: 'Only entries after this cursor (an event id); a reconnecting EventSource sends Last-Event-ID instead.',
      reveal: 'true shows credentials, masked by default (as GET /__admin/journal).',
    },
    summary:
      'The journal live, as server-sent events (text/event-stream): each exchange is an `exchange` event whose id is its cursor, the newest held first; the same filters and masking as GET /__admin/journal.',
    handle: (request) => {
      const page = pageOf(request, request.headers['last-event-id']);
      const filter = filterOf(request);
      return {
        status: 200,
        headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
        body: 'retry: 2000\n\n',
        stream: (write) => {
          const stop = request.control.watchJournal({ ...filter, ...page }, (id, entry) =>
            write(`event: exchange\nid: ${id}\ndata: ${JSON.stringify(entry)}\n\n`),
          );
          // A comment now and then keeps proxies and idle timers from closing a quiet stream.
          const beat = setInterval(() => write(': keep-alive\n\n'), keepAliveMs).unref();
          return () => (stop(), clearInterval(beat));
        },
      };
    },
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
