import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { SandboxRequest, SandboxResponse } from '../core/types.js';

/** DANA's hosts, as dana-node's getBasePathByEnv names them (sandbox, production). */
export const danaHosts = ['https://api.sandbox.dana.id', 'https://api.saas.dana.id'] as const;

export interface DanaHandlerOptions {
  /** More base URLs (origins) to intercept, e.g. a staging gateway your app is configured with. */
  baseUrls?: readonly string[];
}

type Handle = (request: SandboxRequest) => Promise<SandboxResponse>;

async function toSandboxRequest(request: Request): Promise<SandboxRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return { method: request.method, path: url.pathname, search: url.search, headers, rawBody: await request.text() };
}

async function toResponse(out: SandboxResponse): Promise<Response> {
  if (out.delayMs) await delay(out.delayMs);
  if (out.fault === 'connection-reset') return HttpResponse.error();
  return new HttpResponse(out.body, { status: out.status, headers: out.headers });
}

/**
 * MSW (v2) handlers that answer every request to DANA's hosts (and `baseUrls`) from the sandbox's
 * core, exactly as the HTTP adapter does; requests to other hosts are left to other handlers.
 * Pass the sandbox (its `config.baseUrls` are intercepted too) or just its `handle`.
 */
export function createDanaHandlers(sandbox: Handle | { handle: Handle; config?: { baseUrls: readonly string[] } }, options: DanaHandlerOptions = {}): HttpHandler[] {
  const handle = typeof sandbox === 'function' ? sandbox : sandbox.handle;
  const configured = typeof sandbox === 'function' ? [] : (sandbox.config?.baseUrls ?? []);
  const origins = [...danaHosts, ...configured, ...(options.baseUrls ?? [])].map((u) => new URL(u).origin);
  return [...new Set(origins)].map((origin) => http.all(`${origin}/*`, async ({ request }) => toResponse(await handle(await toSandboxRequest(request)))));
}
