import { ok, type AdminRoute } from './adminRoute.js';

export const openApiRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/openapi.json',
    summary: 'This sandbox as an OpenAPI 3.1 document: every endpoint and control route, with the schemas of schemas/.',
    // Imported on use: buildOpenApi reads adminRoutes, which lists this route, so a static import would
    // make a cycle that breaks whenever this file happens to be loaded first.
    // The Host the client used, not the configured port: after --port 0 that would say "0".
    handle: async ({ headers }, deps) => {
      const { buildOpenApi, readServerFromHost } = await import('../openapi/buildOpenApi.js');
      const server = readServerFromHost(headers.host);
      return ok(server ? buildOpenApi(deps, undefined, server) : buildOpenApi(deps));
    },
  },
];
