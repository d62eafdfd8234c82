import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { defaultConfig, loadConfig } from '../../server/config.js';
import { createSandbox } from '../../server/sandbox.js';
import { admin } from '../support/admin.js';
import { root } from '../support/partners.js';

const tempFolder = () => mkdtempSync(join(tmpdir(), 'dana-mock-where-'));

/** Starts the CLI in `cwd` and resolves with its banner and the child, once it is listening. */
function startCli(cwd: string, args: string[]) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs'),
      join(root, 'server', 'main.ts'),
      '--port',
      '0',
      ...args,
    ],
    { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const banner = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Ctrl-C')) resolve(out);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  return { child, banner };
}

describe('where the data lives', () => {
  it('defaults the CLI to a data file in the current folder, while keys and fixtures come from the package', () => {
    const cwd = tempFolder();
    const config = loadConfig([], {}, defaultConfig(root, cwd));
    expect(config).toMatchObject({
      inMemory: false,
      dataFile: join(cwd, '.data', 'dana-mock.json'),
      keysDir: join(root, 'keys'),
      fixturesFile: join(root, 'scenarios', 'fixtures.json'),
    });
  });

  it('keeps a library sandbox in memory unless it is given a data file', async () => {
    const sandbox = await createSandbox({ logLevel: 'silent' });
    expect(sandbox.config.inMemory).toBe(true);
    expect((await admin(sandbox, 'GET', '/health')).body.dataFile).toBeNull();
    await sandbox.close();
  });

  it('writes a library sandbox given a relative data file there, reporting its absolute path', async () => {
    const cwd = process.cwd();
    const folder = tempFolder();
    process.chdir(folder);
    try {
      const sandbox = await createSandbox({ logLevel: 'silent', dataFile: join('state', 'data.json') });
      await admin(sandbox, 'POST', '/fixtures/customers', { id: 'c20', phone: '0820', status: 'ACTIVE' });
      await sandbox.close();
      expect(sandbox.config).toMatchObject({ inMemory: false, dataFile: join(folder, 'state', 'data.json') });
      expect((await admin(sandbox, 'GET', '/health')).body.dataFile).toBe(join(folder, 'state', 'data.json'));
      expect(readFileSync(join(folder, 'state', 'data.json'), 'utf8')).toContain('c20');
    } finally {
      process.chdir(cwd);
    }
  });

  it('starts the CLI file-backed in the folder it runs from, naming the absolute path in its banner and health', async () => {
    const cwd = tempFolder();
    const dataFile = join(cwd, '.data', 'dana-mock.json');
    const { child, banner } = startCli(cwd, []);
    try {
      const text = await banner;
      expect(text).toMatch(new RegExp(`Data +${dataFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
      const url = /URL\s+(http:\S+)/.exec(text)![1];
      expect((await (await fetch(`${url}/__admin/health`)).json()).dataFile).toBe(dataFile);
      await fetch(`${url}/__admin/fixtures/customers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'c21', phone: '0821', status: 'ACTIVE' }),
      });
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    expect(readFileSync(dataFile, 'utf8')).toContain('c21');
  }, 20_000);
});
