import { ok, type AdminRoute } from './adminRoute.js';

export const openApiRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/openapi.json',
    summary: 'This sandbox as an OpenAPI 3.1 document: every endpoint and control route, with the schemas of schemas/.',
    // Imported on use: buildOpenApi reads adminRoutes, which lists this route, so a static import would
    // make a cycle that breaks whenever this file happens to be loaded first.
    handle: async (_request, deps) => ok((await import('../openapi/buildOpenApi.js')).buildOpenApi(deps)),
  },
];
