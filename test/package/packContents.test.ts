import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { root } from '../support/partners.js';

const npm = (args: string[]) =>
  promisify(execFile)('npm', args, {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '' },
    maxBuffer: 32 * 1024 * 1024,
  });

describe('the published package', () => {
  it('ships the compiled sandbox, its command line bundled into one file, its CommonJS entry, the console, keys, schemas, scenarios, README and LICENSE, and nothing of the repository besides', async () => {
    const { stdout } = await npm(['pack', '--dry-run', '--json', '--ignore-scripts']);
    const paths: string[] = JSON.parse(stdout)[0].files.map((f: { path: string }) => f.path);
    for (const path of [
      'package.json',
      'README.md',
      'LICENSE',
      'dist/server/index.js',
      'dist/server/index.d.ts',
      'dist/server/bin.cjs',
      'dist/server/sizeThreadPool.cjs',
      'dist/server/main.js',
      'dist/server/core/precompiledValidators.cjs',
      'dist/cli/main.mjs',
      'dist/cli/precompiledValidators.cjs',
      'dist/cli/lazyModules.cjs',
      'dist/cjs/index.cjs',
      'dist/cjs/index.d.cts',
      'console/console.js',
      'console/console.css',
      'keys/demo-partner/private.pem',
      'keys/dana/public.pem',
      'schemas/fixtures.schema.json',
      'scenarios/fixtures.json',
    ])
      expect(paths).toContain(path);
    const tops = new Set(paths.map((p) => p.split('/')[0]));
    expect([...tops].sort()).toEqual(
      ['LICENSE', 'README.md', 'console', 'dist', 'keys', 'package.json', 'scenarios', 'schemas'].sort(),
    );
    expect(paths.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts') && !p.endsWith('.d.cts'))).toEqual([]);
  }, 60_000);

  it('needs no build on install: prepack builds dist/, and there is no prepare script', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(manifest.scripts.prepare).toBeUndefined();
    expect(manifest.scripts.prepack).toBe('npm run build');
    expect(manifest.engines.node).toBe('>=20.19');
    expect(manifest.exports['.'].require).toEqual({ types: './dist/cjs/index.d.cts', default: './dist/cjs/index.cjs' });
  });
});
