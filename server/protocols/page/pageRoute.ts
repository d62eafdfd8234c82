import type { SandboxDeps, SandboxRequest, SandboxResponse } from '../../core/types.js';

/**
 * A browser page of DANA's (the OAuth page today; the checkout page next): server-rendered HTML on
 * GET, its forms posted back to the same path. Pages are answered before the API pipeline, whose
 * endpoints take one method and a JSON body; each page journals its own steps.
 */
export interface PageRoute {
  id: string;
  paths: readonly string[];
  /** Answers any method on one of `paths`; never throws for bad input (an HTML error page instead). */
  handle(request: SandboxRequest, deps: SandboxDeps): SandboxResponse;
}
