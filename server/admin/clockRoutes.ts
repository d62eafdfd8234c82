import type { SandboxControl } from '../control/SandboxControl.js';
import { formatJakartaTime } from '../core/jakartaTime.js';
import type { SandboxDeps } from '../core/types.js';
import { ControlError } from '../control/ControlError.js';
import { ok, type AdminReply, type AdminRoute } from './adminRoute.js';

function describeClock(control: SandboxControl, deps: SandboxDeps): AdminReply {
  const now = control.clock.now();
  const state = deps.clock.state(control.session);
  return ok({
    now: now.toISOString(),
    jakarta: formatJakartaTime(now),
    frozen: state.frozenAt !== undefined,
    offsetMs: state.offsetMs,
    session: control.session ?? null,
  });
}

type ClockBody = { at?: string; seconds?: number; minutes?: number; ms?: number };
const bodyOf = (body: unknown) => (body ?? {}) as ClockBody;

/** Advance only moves forward, so a sign slip never sends time back unnoticed; going back is clock/set's job. */
function checkForward(body: ClockBody): void {
  const backwards = (['seconds', 'minutes', 'ms'] as const).find((field) => (body[field] ?? 0) < 0);
  if (backwards)
    throw new ControlError(
      400,
      `Invalid body at /${backwards}: clock/advance moves the clock forward only, got ${body[backwards]}; to go back, POST /__admin/clock/set {"at": "<ISO-8601 instant>"}.`,
    );
}

/** The sandbox clock of the session (or the global one): read, freeze, set, advance, resume, reset. */
export const clockRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/clock',
    summary: 'Read the sandbox clock.',
    handle: ({ control }, deps) => describeClock(control, deps),
  },
  {
    method: 'POST',
    path: '/clock/freeze',
    bodySchema: 'admin.clock.json#/definitions/freeze',
    summary: 'Stop the clock, at `at` or now.',
    handle: ({ control, body }, deps) => {
      const { at } = bodyOf(body);
      control.clock.freeze(at ? new Date(at) : undefined);
      return describeClock(control, deps);
    },
  },
  {
    method: 'POST',
    path: '/clock/set',
    bodySchema: 'admin.clock.json#/definitions/set',
    summary: 'Jump to `at` (stays frozen if frozen).',
    handle: ({ control, body }, deps) => (control.clock.set(new Date(bodyOf(body).at!)), describeClock(control, deps)),
  },
  {
    method: 'POST',
    path: '/clock/advance',
    bodySchema: 'admin.clock.json#/definitions/advance',
    summary: 'Move the clock forward by `seconds`, `minutes` or `ms`.',
    handle: ({ control, body }, deps) => {
      checkForward(bodyOf(body));
      const { seconds = 0, minutes = 0, ms = 0 } = bodyOf(body);
      control.clock.advance(ms + seconds * 1000 + minutes * 60_000);
      return describeClock(control, deps);
    },
  },
  {
    method: 'POST',
    path: '/clock/resume',
    summary: 'Let a frozen clock run on from where it stands.',
    handle: ({ control }, deps) => (control.clock.resume(), describeClock(control, deps)),
  },
  {
    method: 'POST',
    path: '/clock/reset',
    summary: 'Back to real time.',
    handle: ({ control }, deps) => (control.clock.reset(), describeClock(control, deps)),
  },
];
