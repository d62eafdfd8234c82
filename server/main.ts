#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The single-file bundle `npm run build` writes (dist/cli/main.mjs) starts ~60 ms sooner than these
// 140-odd modules and Express's tree, resolved and read one by one (docs/performance.md). Running from
// sources (tsx), or from a dist/ built without it, there is no bundle: the same code starts unbundled.
const bundle = new URL('../cli/main.mjs', import.meta.url);
const { startCli } = (
  existsSync(fileURLToPath(bundle)) ? await import(bundle.href) : await import('./startCli.js')
) as typeof import('./startCli.js');
startCli(process.argv.slice(2));
