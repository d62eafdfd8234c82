import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { defaultConfig, loadConfig } from '../../server/config.js';
import { root } from '../support/partners.js';
import { createTestSandbox } from '../support/testSandbox.js';

describe('start-up', () => {
  it('reads port, data file, in-memory and toggles from argv and env, with defaults in one place', () => {
    const base = defaultConfig(root);
    const config = loadConfig(['--in-memory', '--no-replay-check', '--clock-skew', '300', '--no-signing-helper'], { PORT: '5050', LOG_LEVEL: 'info' }, base);
    expect(config).toMatchObject({ port: 5050, inMemory: true, replayCheck: false, clockSkewSeconds: 300, signingHelper: false, logLevel: 'info' });
    expect(loadConfig(['--port', '6060'], { PORT: '5050' }, base).port).toBe(6060);
    expect(loadConfig([], {}, base)).toMatchObject({ port: 4010, replayCheck: true, inMemory: false, dataFile: `${root}/.data/dana-mock.json` });
  });

  it('refuses a bad option with the usage text', () => {
    expect(() => loadConfig(['--port', 'abc'], {}, defaultConfig(root))).toThrow(/--port must be a whole number[\s\S]*Usage: dana-mock/);
    expect(() => loadConfig(['--nope'], {}, defaultConfig(root))).toThrow();
  });

  it('prints a banner with the URL, the demo partner and where keys and data live, then answers health', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--in-memory', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const banner = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          if (out.includes('Ctrl-C')) resolve(out);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const url = /URL\s+(http:\S+)/.exec(banner)![1];
      expect(banner).toMatch(/Demo partner +2026112200000000000001/);
      expect(banner).toContain('keys/demo-partner/private.pem');
      expect(banner).toContain('in memory');
      expect(banner).toContain('TEST-ONLY');
      const health = await fetch(`${url}/__admin/health`);
      expect(health.status).toBe(200);
      expect((await health.json()).status).toBe('ok');
    } finally {
      child.kill('SIGTERM');
    }
  }, 20_000);

  it('stops naming the file when an endpoint schema is missing', async () => {
    const schemasDir = mkdtempSync(join(tmpdir(), 'dana-mock-schemas-'));
    cpSync(join(root, 'schemas'), schemasDir, { recursive: true });
    rmSync(join(schemasDir, 'applyOtt.response.json'));
    await expect(createTestSandbox({ schemasDir })).rejects.toThrow(`Missing schema ${join(schemasDir, 'applyOtt.response.json')}`);
  });
});
