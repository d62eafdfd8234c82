#!/usr/bin/env node
// npm's prestart: compiles dist/ only when a source is newer than it, so `npm start` on a built
// checkout skips the TypeScript compiler (seconds) and starts in well under a second; a fresh clone
// builds on its first start (the published package ships dist/, built by prepack). An edited schema
// only rewrites the precompiled validators (no compiler): the sandbox would otherwise compile them all
// at every start (it ignores validators built from other schema files).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const built = join(root, 'dist/server/main.js');
const validators = join(root, 'dist/server/core/precompiledValidators.cjs');

/** The newest modification time of any file under `dir` (0 if there is none), in milliseconds. */
function newestUnder(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const modified = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

function run(script, why) {
  console.error(`dana-mock: ${why}, running npm run ${script}`);
  const result = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const configs = ['tsconfig.json', 'tsconfig.build.json'].map((file) => join(root, file));
const sources = Math.max(newestUnder(join(root, 'server')), ...configs.map(modified));
if (modified(built) < sources) run('build', 'sources are newer than dist/');
else if (modified(validators) < newestUnder(join(root, 'schemas')))
  run('build:validators', 'schemas/ is newer than the precompiled validators');
