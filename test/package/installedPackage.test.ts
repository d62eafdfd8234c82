import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { urlFromBanner } from '../support/cli.js';
import { root } from '../support/partners.js';

// The packed tarball installed into a project of its own, as a user installs it. npm takes the
// dependencies from its cache where it can (--prefer-offline), else from the registry.
const env = { ...process.env, NODE_OPTIONS: '' };
const run = (file: string, args: string[], cwd: string) =>
  promisify(execFile)(file, args, { cwd, env, maxBuffer: 32 * 1024 * 1024 });

let work: string;
let tarball: string;
let app: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dana-mock-package-'));
  await run('npm', ['run', 'build'], root);
  await run('npm', ['pack', '--ignore-scripts', '--pack-destination', work], root);
  tarball = join(work, 'dana-mock-0.1.0.tgz');
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "consumer", "version": "1.0.0", "private": true }\n');
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], app);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const healthScript = (load: string) =>
  `${load}.then(async ({ createSandbox }) => { const s = await createSandbox(); const r = await s.handle({ method: 'GET', path: '/__admin/health', search: '', headers: {}, rawBody: '' }); console.log(r.status, JSON.parse(r.body).status); await s.close(); });`;

describe('the packed tarball, installed into another project', () => {
  it("serves a CommonJS consumer through require('dana-mock')", async () => {
    const { stdout } = await run(process.execPath, ['-e', healthScript("Promise.resolve(require('dana-mock'))")], app);
    expect(stdout.trim()).toBe('200 ok');
  }, 60_000);

  it("serves an ES module consumer through import 'dana-mock'", async () => {
    writeFileSync(join(app, 'consumer.mjs'), healthScript("import('dana-mock')"));
    const { stdout } = await run(process.execPath, ['consumer.mjs'], app);
    expect(stdout.trim()).toBe('200 ok');
  }, 60_000);

  it('types a TypeScript module: node16 CommonJS consumer (no TS1479)', async () => {
    writeFileSync(
      join(app, 'consumer.ts'),
      "import { createSandbox, ControlError, type Outcome, type Sandbox } from 'dana-mock';\n" +
        "const outcome: Outcome<'successful'> = { case: 'successful' };\n" +
        'export const start = async (): Promise<Sandbox> => (outcome.case, new ControlError(400, "x"), createSandbox());\n',
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const types = join(root, 'node_modules/@types');
    await expect(
      run(
        process.execPath,
        [
          tsc,
          '--module',
          'node16',
          '--moduleResolution',
          'node16',
          '--strict',
          '--noEmit',
          '--skipLibCheck',
          '--typeRoots',
          types,
          '--types',
          'node',
          'consumer.ts',
        ],
        app,
      ),
    ).resolves.toBeDefined();
  }, 120_000);

  it('validates with the schema validators its build precompiled, compiling none at start-up', async () => {
    const installed = join(app, 'node_modules/dana-mock');
    const registry = pathToFileURL(join(installed, 'dist/server/core/SchemaRegistry.js')).href;
    const script = `import(${JSON.stringify(registry)}).then(({ SchemaRegistry }) => console.log(new SchemaRegistry(${JSON.stringify(join(installed, 'schemas'))}).precompiled));`;
    const { stdout } = await run(process.execPath, ['-e', script], app);
    expect(stdout.trim()).toBe('true');
  }, 60_000);

  it('prints a banner with absolute key paths and no postman/ folder it does not ship', async () => {
    const child = spawn(join(app, 'node_modules/.bin/dana-mock'), ['--port', '0', '--in-memory'], { cwd: app, env });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => ((out += chunk), out.includes('Ctrl-C') && resolve()));
      child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
    });
    child.kill();
    const key = /private key: (\S+)/.exec(out)![1];
    expect(isAbsolute(key) && existsSync(key)).toBe(true);
    expect(out).not.toContain('Postman');
  }, 60_000);

  it("starts its bin from the single-file bundle, needing none of dist/server's other modules", async () => {
    const copy = join(app, 'bundled-only');
    cpSync(join(app, 'node_modules/dana-mock'), copy, { recursive: true });
    // Left: the bin (bin.cjs, the pool sizing it requires, main.js), and the precompiled validators with
    // their folder (the bundle loads them, so the build can rewrite them alone).
    const validators = join(copy, 'dist/server/core/precompiledValidators');
    for (const entry of readdirSync(join(copy, 'dist/server'), { recursive: true, withFileTypes: true }))
      if (
        entry.isFile() &&
        !['bin.cjs', 'sizeThreadPool.cjs', 'main.js', 'precompiledValidators.cjs'].includes(entry.name) &&
        !entry.parentPath.startsWith(validators)
      )
        rmSync(join(entry.parentPath, entry.name));
    expect(existsSync(join(copy, 'dist/server/startCli.js'))).toBe(false);
    const child = spawn(process.execPath, [join(copy, 'dist/server/bin.cjs'), '--port', '0', '--in-memory'], {
      cwd: app,
      env,
    });
    try {
      const url = await urlFromBanner(child);
      const res = await fetch(`${url}/__admin/health`);
      expect(res.status).toBe(200);
      expect((await res.json()).status).toBe('ok');
    } finally {
      child.kill();
    }
  }, 60_000);

  it.each(existsSync('/proc/self/task') ? ['linux'] : [])(
    "sizes libuv's thread pool from its bin before the pool starts: one thread per core (at least 2), unless UV_THREADPOOL_SIZE says otherwise (%s)",
    async () => {
      const installed = join(app, 'node_modules/dana-mock');
      const { stdout: chosen } = await run(
        process.execPath,
        ['--require', join(installed, 'dist/server/sizeThreadPool.cjs'), '-p', 'process.env.UV_THREADPOOL_SIZE'],
        app,
      );
      const expected = Number(chosen.trim());
      expect(expected).toBeGreaterThanOrEqual(2);
      // A process's threads: the pool's and a fixed number of others (V8's, libuv's), the same in both runs.
      const threadsOfBin = async (extra: Record<string, string>) => {
        const child = spawn(join(app, 'node_modules/.bin/dana-mock'), ['--port', '0', '--in-memory'], {
          cwd: app,
          env: { ...env, UV_THREADPOOL_SIZE: undefined, ...extra },
        });
        try {
          expect((await fetch(`${await urlFromBanner(child)}/__admin/health`)).status).toBe(200);
          return readdirSync(`/proc/${child.pid}/task`).length;
        } finally {
          child.kill();
        }
      };
      const chosenByUser = 7;
      const others = (await threadsOfBin({ UV_THREADPOOL_SIZE: String(chosenByUser) })) - chosenByUser;
      expect((await threadsOfBin({})) - others).toBe(expected);
    },
    60_000,
  );

  it('runs through npx --package <tarball> dana-mock, and from a global install', async () => {
    const npx = await run('npx', ['--yes', '--package', tarball, 'dana-mock', '--help'], work);
    expect(npx.stdout).toContain('Usage: dana-mock [options]');
    const prefix = join(work, 'global');
    await run(
      'npm',
      ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball],
      work,
    );
    const global = await run(join(prefix, 'bin/dana-mock'), ['--help'], work);
    expect(global.stdout).toContain('Usage: dana-mock [options]');
  }, 180_000);
});
