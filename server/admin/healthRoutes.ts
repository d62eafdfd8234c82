import { ok, type AdminRoute } from './adminRoute.js';

export const healthRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/health',
    summary: 'Readiness: 200 once the sandbox answers requests.',
    handle: (_request, deps) =>
      ok({
        status: 'ok',
        endpoints: deps.endpoints.list().map((e) => ({ id: e.id, method: e.method, paths: e.paths })),
        partners: deps.partners.list().map((p) => p.partnerId),
        clock: deps.clock.now().toISOString(),
        dataFile: deps.config.inMemory ? null : deps.config.dataFile,
      }),
  },
];
