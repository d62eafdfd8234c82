import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { SandboxRequest, SandboxResponse } from '../core/types.js';
import { lastResortFor } from '../protocols/lastResortFor.js';
import { danaHosts } from '../danaHosts.js';
import { decodeBody, refuseContentEncoding } from './readBody.js';

export { danaHosts };

export interface DanaHandlerOptions {
  /** More base URLs to intercept, each an origin (`https://gw.partner.test`), e.g. a staging gateway. */
  baseUrls?: readonly string[];
}

type Handle = (request: SandboxRequest) => Promise<SandboxResponse>;
type Unreadable = (request: SandboxRequest, reason: string) => SandboxResponse;

/** The request as the core sees it, or why its body cannot be read (the same rules as over HTTP). */
async function toSandboxRequest(request: Request): Promise<{ request: SandboxRequest; unreadable?: string }> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const bare = { method: request.method, path: url.pathname, search: url.search, headers, rawBody: '' };
  const refused = refuseContentEncoding(headers);
  if (refused) return { request: bare, unreadable: refused };
  const decoded = decodeBody(new Uint8Array(await request.arrayBuffer()));
  return 'reason' in decoded
    ? { request: bare, unreadable: decoded.reason }
    : { request: { ...bare, rawBody: decoded.text } };
}

async function toResponse(out: SandboxResponse): Promise<Response> {
  if (out.delayMs) await delay(out.delayMs);
  if (out.fault === 'connection-reset') return HttpResponse.error();
  if (out.stream) return new HttpResponse(streamOf(out.body, out.stream), { status: out.status, headers: out.headers });
  return new HttpResponse(out.body, { status: out.status, headers: out.headers });
}

/** A body that stays open (server-sent events) until the reader cancels it. */
function streamOf(body: string, stream: NonNullable<SandboxResponse['stream']>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let close = () => {};
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(body));
      close = stream((chunk) => controller.enqueue(encoder.encode(chunk)));
    },
    cancel: () => close(),
  });
}

/**
 * The origin of a base URL. A path would be ambiguous: SNAP signs the path the gateway sees, and
 * DANA's paths are absolute, so a base URL is an origin and anything else is refused here.
 */
function originOf(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(
      `createDanaHandlers: base URL "${baseUrl}" is not a URL; give an origin such as https://gw.partner.test.`,
    );
  }
  if (url.pathname !== '/' || url.search || url.hash)
    throw new Error(
      `createDanaHandlers: base URL "${baseUrl}" has a path, query or fragment; give its origin (${url.origin}): DANA's paths are absolute.`,
    );
  return url.origin;
}

/** Given only `handle`, nothing can build the endpoint's envelope: the path's static last resort. */
const lastResortOnly: Unreadable = (request) => lastResortFor(request.path);

/**
 * MSW (v2) handlers that answer every request to DANA's hosts (and `baseUrls`) from the sandbox's
 * core, exactly as the HTTP adapter does; requests to other hosts are left to other handlers.
 * Pass the sandbox (its `config.baseUrls` are intercepted too, and unreadable bodies are refused
 * in the endpoint's envelope) or just its `handle`.
 */
export function createDanaHandlers(
  sandbox: Handle | { handle: Handle; rejectUnreadable?: Unreadable; config?: { baseUrls: readonly string[] } },
  options: DanaHandlerOptions = {},
): HttpHandler[] {
  const handle = typeof sandbox === 'function' ? sandbox : sandbox.handle;
  // The sandbox's own refusal, the one its HTTP adapter uses (server/sandbox.ts), so both answer alike.
  const unreadable = (typeof sandbox === 'function' ? undefined : sandbox.rejectUnreadable) ?? lastResortOnly;
  const configured = typeof sandbox === 'function' ? [] : (sandbox.config?.baseUrls ?? []);
  const origins = [...danaHosts, ...configured, ...(options.baseUrls ?? [])].map(originOf);
  return [...new Set(origins)].map((origin) =>
    http.all(`${origin}/*`, async ({ request }) => {
      const read = await toSandboxRequest(request);
      return toResponse(read.unreadable ? unreadable(read.request, read.unreadable) : await handle(read.request));
    }),
  );
}
