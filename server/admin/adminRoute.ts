import type { SandboxControl } from '../control/SandboxControl.js';
import type { ResponseStream, SandboxDeps } from '../core/types.js';

/** A control-plane request, already parsed. */
export interface AdminRequest {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** X-Mock-Session header or ?session=; undefined = the global scope. */
  session?: string;
  body: unknown;
  /** The request's headers, names in lower case. */
  headers: Record<string, string>;
  /** The control plane scoped to `session`. */
  control: SandboxControl;
}

export interface AdminReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Keeps the answer open after `body` (server-sent events). */
  stream?: ResponseStream;
}

/** One route under /__admin. `bodySchema` names a schema in schemas/ that the body must pass first. */
export interface AdminRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to /__admin, with `:name` parameters, e.g. '/fixtures/:collection'. */
  path: string;
  /** A route with neither bodySchema nor bodyOneOf takes no body and refuses one. */
  bodySchema?: string;
  /** For documents such as OpenAPI only: schemas a body may match when the handler checks it itself (one item or an array). */
  bodyOneOf?: string[];
  /** For documents only: the values a path parameter takes. */
  paramValues?: Record<string, readonly string[]>;
  /** The query parameters the route takes (besides ?session=) and what they do; any other is refused. */
  query?: Record<string, string>;
  summary: string;
  handle(request: AdminRequest, deps: SandboxDeps): AdminReply | Promise<AdminReply>;
}

export const ok = (body: unknown, status = 200): AdminReply => ({ status, body });
