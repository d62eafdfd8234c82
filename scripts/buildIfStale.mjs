#!/usr/bin/env node
// npm's prestart: compiles dist/ only when a source is newer than it, so `npm start` on a built
// checkout skips the TypeScript compiler (seconds) and starts in well under a second; a fresh clone
// builds on its first start (the published package ships dist/, built by prepack).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const built = join(root, 'dist/server/main.js');

/** The newest modification time of any file under `dir`, in milliseconds. */
function newestUnder(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const configs = ['tsconfig.json', 'tsconfig.build.json'].map((file) => join(root, file)).filter(existsSync);
const sources = Math.max(newestUnder(join(root, 'server')), ...configs.map((file) => statSync(file).mtimeMs));
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.error('dana-mock: sources are newer than dist/, building');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  process.exit(build.status ?? 1);
}
