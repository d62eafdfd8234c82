import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ok, type AdminRoute } from '../admin/adminRoute.js';
import { ControlError } from '../control/ControlError.js';
import { findPackageRoot } from '../packageRoot.js';

/** The page only loads its own script and style and talks to its own origin; no site may frame it. */
const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

const assetTypes: Record<string, string> = {
  'console.js': 'text/javascript; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
};

/** The browser console under /__admin: behind the same host, origin and token checks as every control route. */
export const consoleRoutes: AdminRoute[] = [
  {
    method: 'GET',
    path: '/console',
    summary:
      'The console in a browser (HTML): the journal live, armed rules and scenario packs, the clock and fixtures of a session.',
    // Imported on first use: a started sandbox's first answers (health, API calls) never need the page.
    handle: async ({ control }, deps) => {
      const { renderConsole } = await import('./renderConsole.js');
      return { status: 200, headers: pageHeaders, body: renderConsole(deps, control.forSession(undefined).sessions()) };
    },
  },
  {
    method: 'GET',
    path: '/console/:asset',
    paramValues: { asset: Object.keys(assetTypes) },
    summary: "The console's script and style sheet (plain files, no build step).",
    handle: ({ params }) => {
      const type = assetTypes[params.asset];
      if (!type) throw new ControlError(404, `The console has no file "${params.asset}".`);
      const body = readFileSync(join(findPackageRoot(), 'console', params.asset), 'utf8');
      return { status: 200, headers: { 'content-type': type, 'x-content-type-options': 'nosniff' }, body };
    },
  },
  {
    method: 'GET',
    path: '/sessions',
    summary: 'The sessions the sandbox knows now: those with journal entries or armed rules.',
    handle: ({ control }) => ok({ sessions: control.forSession(undefined).sessions() }),
  },
];
