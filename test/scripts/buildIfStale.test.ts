import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { root } from '../support/partners.js';

const at = (age: number) => new Date(Date.now() - age * 1000);
const mark = (name: string) => `node -e "require('fs').writeFileSync('${name}', '')"`;

/** Writes `path` under `dir` as last modified `age` seconds ago. */
function writeAged(dir: string, path: string, age: number): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), path.endsWith('.json') ? '{}\n' : '');
  utimesSync(join(dir, path), at(age), at(age));
}

/**
 * A checkout whose `npm run build` and `npm run build:validators` only leave a mark: sources at
 * `sourceAge` seconds ago, dist/ at `builtAge` (absent: none).
 */
function checkout(sourceAge: number, builtAge?: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'dana-mock-prestart-'));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ scripts: { build: mark('compiled'), 'build:validators': mark('validators') } }),
  );
  writeAged(dir, 'server/core/pipeline.ts', sourceAge);
  if (builtAge !== undefined) writeAged(dir, 'dist/server/main.js', builtAge);
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

  it('rewrites only the precompiled validators, without the compiler, when a schema is newer than them', () => {
    const dir = checkout(60, 30);
    writeAged(dir, 'dist/server/core/precompiledValidators.cjs', 30);
    writeAged(dir, 'schemas/applyOtt/request.json', 10);
    prestart(dir);
    expect(existsSync(join(dir, 'validators'))).toBe(true);
    expect(existsSync(join(dir, 'compiled'))).toBe(false);
  });

  it('leaves fresh precompiled validators alone', () => {
    const dir = checkout(60, 30);
    writeAged(dir, 'dist/server/core/precompiledValidators.cjs', 30);
    writeAged(dir, 'schemas/applyOtt/request.json', 50);
    prestart(dir);
    expect(existsSync(join(dir, 'validators'))).toBe(false);
    expect(existsSync(join(dir, 'compiled'))).toBe(false);
  });

  it('runs the compiler when there is no dist/', () => {
    const dir = checkout(30);
    prestart(dir);
    expect(existsSync(join(dir, 'compiled'))).toBe(true);
  });
});
