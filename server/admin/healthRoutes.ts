import { ok, type AdminRoute } from './adminRoute.js';

export const healthRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/health',
    summary: 'Readiness: 200 once the sandbox answers requests.',
    handle: (_request, deps) => {
      const writes = deps.store.writeStatus();
      return ok({
        status: 'ok',
        endpoints: deps.endpoints.list().map((e) => ({ id: e.id, method: e.method, paths: e.paths })),
        partners: deps.partners.list().map((p) => p.partnerId),
        clock: deps.clock.now().toISOString(),
        dataFile: deps.config.inMemory ? null : deps.config.dataFile,
        // The sandbox keeps answering from memory when its data file cannot be written; this says so.
        dataFileWrites: { ok: writes.ok, lastFailure: writes.lastFailure ?? null },
        // What memory the sandbox holds is bounded by these caps (README: "Memory"); `held` is the use now.
        memory: {
          journal: {
            perSession: deps.config.journalLimit,
            total: deps.config.journalTotalLimit,
            held: deps.journal.size,
          },
          replayIds: {
            perSession: deps.config.replayIdsPerSession,
            total: deps.config.replayIdsTotal,
            daysKept: deps.replay.daysKept,
            held: deps.replay.size,
          },
        },
      });
    },
  },
];
