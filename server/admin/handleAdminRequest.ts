import type { SandboxDeps, SandboxRequest, SandboxResponse } from '../core/types.js';
import type { SchemaRegistry } from '../core/SchemaRegistry.js';
import { checkControlBody } from '../control/checkControlBody.js';
import { ControlError } from '../control/ControlError.js';
import type { AdminReply, AdminRoute } from './adminRoute.js';
import { adminRoutes } from './adminRoutes.js';
import { SandboxControl } from '../control/SandboxControl.js';
import { isSessionName, sessionNameRule } from '../core/sessionName.js';
import { bodyTooLargeReason } from '../adapters/readBody.js';
import { checkAdminAccess } from './checkAdminAccess.js';
import { listJournalSources } from '../core/journalSources.js';

export const adminPrefix = '/__admin';

interface CompiledRoute {
  route: AdminRoute;
  pattern: RegExp;
  names: string[];
}

function compile(route: AdminRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}/?$`), names };
}

function reply({ status, body, headers, stream }: AdminReply): SandboxResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    status,
    headers: { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', ...headers },
    body: text,
    ...(stream && { stream }),
  };
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new ControlError(400, `The path segment "${segment}" is not valid percent-encoding.`);
  }
}

/** X-Mock-Session, else ?session=; present but unusable is refused, so an empty name never means "everything". */
function readSession(request: SandboxRequest, query: URLSearchParams): string | undefined {
  const session = request.headers['x-mock-session'] ?? query.get('session') ?? undefined;
  if (session !== undefined && !isSessionName(session))
    throw new ControlError(
      400,
      `"${session}" is not a session name (X-Mock-Session or ?session=): ${sessionNameRule}.`,
    );
  return session;
}

export const isAdminPath = (path: string) => path === adminPrefix || path.startsWith(`${adminPrefix}/`);

/** A control-plane request the adapter could not read (body over the limit, bad encoding): the admin error shape, never a SNAP envelope. */
export function rejectUnreadableAdminRequest(reason: string): SandboxResponse {
  // Both adapters refuse an oversized body with the same reason (server/adapters/readBody.ts).
  const status = reason === bodyTooLargeReason ? 413 : 400;
  return reply({ status, body: { error: { message: `The request could not be read: ${reason}` } } });
}

/** Query parameters every route takes besides its own: the session, for clients that cannot set headers. */
const commonQuery = ['session'];

/**
 * A misspelt filter or scope must never widen what a call acts on (`?sesion=ci-1` would reset every
 * session, `?endpiont=` would count every exchange): undeclared query parameters are refused by name.
 */
function checkQuery(route: AdminRoute, query: URLSearchParams, deps: SandboxDeps): void {
  const declared = new Set([...commonQuery, ...Object.keys(route.query ?? {})]);
  const unknown = [...new Set([...query.keys()].filter((name) => !declared.has(name)))];
  if (unknown.length > 0) {
    const takes = [...declared].map((name) => `?${name}=`).join(', ');
    throw new ControlError(
      400,
      `${route.method} ${adminPrefix}${route.path} takes no query parameter ${unknown.map((n) => `"${n}"`).join(', ')}; it takes ${takes}.`,
    );
  }
  for (const name of declared) {
    if (query.getAll(name).length > 1)
      throw new ControlError(
        400,
        `The query parameter "${name}" is given ${query.getAll(name).length} times; give it once.`,
      );
  }
  // A filter on an endpoint that does not exist matches nothing, so "never called" would pass by mistake.
  const endpoint = query.get('endpoint');
  const sources = listJournalSources(deps.endpoints);
  if (endpoint !== null && !sources.includes(endpoint))
    throw new ControlError(400, `?endpoint=${endpoint} names no endpoint; there are ${sources.join(', ')}.`);
}

/** A route that takes no body refuses one: `{"session":"ci-1"}` sent to /reset must not reset everything. */
function takesBody(route: AdminRoute): boolean {
  return route.bodySchema !== undefined || route.bodyOneOf !== undefined;
}

// Many clients (Postman, axios) send `{}` with every POST: it carries nothing, so it is no body.
const isEmptyObject = (raw: string) => /^\s*\{\s*\}\s*$/.test(raw);

/** The control plane's router: JSON in, JSON out, bodies checked against their schema first. */
export function createAdminHandler(schemas: SchemaRegistry, routes: readonly AdminRoute[] = adminRoutes) {
  const compiled = routes.map(compile);
  return async function handleAdminRequest(request: SandboxRequest, deps: SandboxDeps): Promise<SandboxResponse> {
    const path = request.path.slice(adminPrefix.length) || '/';
    const matches = compiled.map((c) => ({ c, m: c.pattern.exec(path) })).filter((x) => x.m);
    const match = matches.find((x) => x.c.route.method === request.method);
    try {
      checkAdminAccess(request, deps.config);
      if (!match) {
        if (matches.length > 0)
          throw new ControlError(
            405,
            `${request.path} answers ${matches.map((x) => x.c.route.method).join(', ')}, not ${request.method}.`,
          );
        throw new ControlError(
          404,
          `No control route ${request.method} ${request.path}. See GET ${adminPrefix}/health and the README.`,
        );
      }
      const { route, names } = match.c;
      const params = Object.fromEntries(names.map((n, i) => [n, decodePathSegment(match.m![i + 1])]));
      const query = new URLSearchParams(request.search);
      checkQuery(route, query, deps);
      let body: unknown = undefined;
      if (request.rawBody.trim() !== '') {
        if (!takesBody(route) && !isEmptyObject(request.rawBody)) {
          throw new ControlError(
            400,
            `${route.method} ${adminPrefix}${route.path} takes no body; send none (scope a call with X-Mock-Session or ?session=, not a body member).`,
          );
        }
        try {
          body = JSON.parse(request.rawBody);
        } catch (error) {
          throw new ControlError(400, `The body is not JSON: ${(error as Error).message}`);
        }
      }
      if (route.bodySchema) checkControlBody(schemas, route.bodySchema, body ?? {});
      const session = readSession(request, query);
      return reply(
        await route.handle(
          {
            method: request.method,
            params,
            query,
            session,
            body,
            headers: request.headers,
            control: new SandboxControl(deps, session),
          },
          deps,
        ),
      );
    } catch (error) {
      if (error instanceof ControlError)
        return reply({ status: error.status, body: { error: { message: error.message } } });
      deps.logger.error('admin route failed', { path: request.path, stack: (error as Error).stack });
      return reply({
        status: 500,
        body: { error: { message: 'The control plane failed unexpectedly; see the sandbox log.' } },
      });
    }
  };
}
