import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../support/partners.js';

/** A checkout whose `npm run build` only leaves a mark: sources at `sourceAge` seconds ago, dist/ at `builtAge` (absent: none). */
function checkout(sourceAge: number, builtAge?: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'dana-mock-prestart-'));
  const at = (age: number) => new Date(Date.now() - age * 1000);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ scripts: { build: "node -e \"require('fs').writeFileSync('compiled', '')\"" } }),
  );
  mkdirSync(join(dir, 'server/core'), { recursive: true });
  writeFileSync(join(dir, 'server/core/pipeline.ts'), 'export {};\n');
  utimesSync(join(dir, 'server/core/pipeline.ts'), at(sourceAge), at(sourceAge));
  if (builtAge !== undefined) {
    mkdirSync(join(dir, 'dist/server'), { recursive: true });
    writeFileSync(join(dir, 'dist/server/main.js'), '');
    utimesSync(join(dir, 'dist/server/main.js'), at(builtAge), at(builtAge));
  }
  return dir;
}

const prestart = (dir: string) =>
  execFileSync(process.execPath, [join(root, 'scripts/buildIfStale.mjs')], { cwd: dir, stdio: 'pipe' });

describe('npm start on a checkout (prestart)', () => {
  it('does not run the compiler when dist/ is newer than every source', () => {
    const dir = checkout(60, 30);
    prestart(dir);
    expect(existsSync(join(dir, 'compiled'))).toBe(false);
  });

  it('runs the compiler when a source is newer than dist/', () => {
    const dir = checkout(30, 60);
    prestart(dir);
    expect(existsSync(join(dir, 'compiled'))).toBe(true);
  });

  it('runs the compiler when there is no dist/', () => {
    const dir = checkout(30);
    prestart(dir);
    expect(existsSync(join(dir, 'compiled'))).toBe(true);
  });
});
