import { ok, type AdminRoute } from './adminRoute.js';

export const resetRoutes: AdminRoute[] = [
  {
    method: 'POST',
    path: '/reset',
    summary:
      "Forget one session's fixtures, state, clock, rules and journal; without a session, everything (then re-seed the fixtures).",
    handle: ({ control }) => (control.reset(), ok({ reset: control.session ?? 'all' })),
  },
];
