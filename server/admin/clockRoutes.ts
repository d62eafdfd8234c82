import { formatJakartaTime } from '../core/jakartaTime.js';
import type { SandboxDeps } from '../core/types.js';
import { ok, type AdminRoute } from './adminRoute.js';

function describe(deps: SandboxDeps, session?: string) {
  const now = deps.clock.now(session);
  const state = deps.clock.state(session);
  return { now: now.toISOString(), jakarta: formatJakartaTime(now), frozen: state.frozenAt !== undefined, offsetMs: state.offsetMs, session: session ?? null };
}

/** The sandbox clock of the session (or the global one): read, freeze, set, advance, resume, reset. */
export const clockRoutes: AdminRoute[] = [
  { method: 'GET', path: '/clock', summary: 'Read the sandbox clock.', handle: ({ session }, deps) => ok(describe(deps, session)) },
  {
    method: 'POST',
    path: '/clock/freeze',
    bodySchema: 'admin.clock.json#/definitions/freeze',
    summary: 'Stop the clock, at `at` or now.',
    handle: ({ session, body }, deps) => {
      const at = (body as { at?: string } | undefined)?.at;
      deps.clock.freeze(session, at ? new Date(at) : undefined);
      return ok(describe(deps, session));
    },
  },
  {
    method: 'POST',
    path: '/clock/set',
    bodySchema: 'admin.clock.json#/definitions/set',
    summary: 'Jump to `at` (stays frozen if frozen).',
    handle: ({ session, body }, deps) => {
      deps.clock.set(session, new Date((body as { at: string }).at));
      return ok(describe(deps, session));
    },
  },
  {
    method: 'POST',
    path: '/clock/advance',
    bodySchema: 'admin.clock.json#/definitions/advance',
    summary: 'Move the clock forward by `seconds`, `minutes` or `ms`.',
    handle: ({ session, body }, deps) => {
      const { seconds = 0, minutes = 0, ms = 0 } = body as { seconds?: number; minutes?: number; ms?: number };
      deps.clock.advance(session, ms + seconds * 1000 + minutes * 60_000);
      return ok(describe(deps, session));
    },
  },
  { method: 'POST', path: '/clock/resume', summary: 'Let a frozen clock run on from where it stands.', handle: ({ session }, deps) => (deps.clock.resume(session), ok(describe(deps, session))) },
  { method: 'POST', path: '/clock/reset', summary: 'Back to real time.', handle: ({ session }, deps) => (deps.clock.reset(session), ok(describe(deps, session))) },
];
