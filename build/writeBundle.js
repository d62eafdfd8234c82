// Writes dist/cli/main.mjs: the command line as ONE ES module, our code and the pure-JS dependencies on
// its start path (Express's tree, lowdb) together, which the bin (dist/server/bin.cjs, through dist/server/main.js) starts when it is
// there: resolving and reading some 300 files one by one was a third of the start-up (docs/performance.md).
import { build } from 'esbuild';
import { lazyStandIns } from './lazyStandIns.js';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const outdir = join(root, 'dist/cli');
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { main: join(root, 'server/startCli.ts') },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Loaded only when needed, from the installed package: msw is the user's (a peer); Ajv only when the
  // precompiled validators are stale (SchemaRegistry.ts).
  external: ['msw', 'msw/*', 'ajv', 'ajv/*', 'ajv-formats'],
  // Express and its tree are CommonJS: their require() of Node's modules needs a real require in an ES module.
  banner: {
    js: "import { createRequire as createRequireOfBundle } from 'node:module';\nconst require = createRequireOfBundle(import.meta.url);",
  },
  legalComments: 'none',
  plugins: [lazyStandIns],
  logLevel: 'warning',
});
// SchemaRegistry.ts finds the precompiled validators next to its own module, here the bundle: they stay
// in dist/server/core/, where `npm run build:validators` rewrites them.
writeFileSync(
  join(outdir, 'precompiledValidators.cjs'),
  "'use strict';\nmodule.exports = require('../server/core/precompiledValidators.cjs');\n",
);
