import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { defaultConfig, loadConfig } from '../../server/config.js';
import { loadDemoPartner } from '../../server/demoPartner.js';
import { endpoints } from '../../server/endpoints/index.js';
import { root } from '../support/partners.js';
import { createTestSandbox } from '../support/testSandbox.js';

/** A copy of keys/ in a temporary folder with `changes` (path -> text) written over it; keys/ itself is never touched. */
function keysWith(changes: Record<string, string>): string {
  const keysDir = mkdtempSync(join(tmpdir(), 'dana-mock-keys-'));
  cpSync(join(root, 'keys'), keysDir, { recursive: true });
  for (const [file, text] of Object.entries(changes)) writeFileSync(join(keysDir, file), text);
  return keysDir;
}

const strangerPublicPem = () =>
  generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const brokenPem = (label: string) => `-----BEGIN ${label}-----\nbroken\n-----END ${label}-----\n`;

describe('start-up', () => {
  it('reads port, data file, in-memory and toggles from argv and env, with defaults in one place', () => {
    const base = defaultConfig(root);
    const config = loadConfig(
      ['--in-memory', '--no-replay-check', '--clock-skew', '300', '--no-signing-helper'],
      { PORT: '5050', LOG_LEVEL: 'info' },
      base,
    );
    expect(config).toMatchObject({
      port: 5050,
      inMemory: true,
      replayCheck: false,
      clockSkewSeconds: 300,
      signingHelper: false,
      logLevel: 'info',
    });
    expect(loadConfig(['--port', '6060'], { PORT: '5050' }, base).port).toBe(6060);
    expect(loadConfig([], {}, base)).toMatchObject({
      port: 4510,
      replayCheck: true,
      inMemory: false,
      dataFile: `${root}/.data/dana-mock.json`,
    });
  });

  it('refuses a bad option with the usage text', () => {
    expect(() => loadConfig(['--port', 'abc'], {}, defaultConfig(root))).toThrow(
      /--port must be a whole number[\s\S]*Usage: dana-mock/,
    );
    expect(() => loadConfig(['--nope'], {}, defaultConfig(root))).toThrow();
  });

  it('prints a banner with the URL, the demo partner, where keys and data live and every endpoint with its method apart from its id, then answers health', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--in-memory', '--port', '0'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
      // The longest ids (transferToDanaInquiryStatus) too: a column as wide as its longest label.
      for (const endpoint of endpoints)
        expect(banner).toMatch(new RegExp(`^  ${endpoint.id} +${endpoint.method} /`, 'm'));
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
    rmSync(join(schemasDir, 'applyOtt', 'response.json'));
    await expect(createTestSandbox({ schemasDir })).rejects.toThrow(
      `Missing schema ${join(schemasDir, 'applyOtt', 'response.json')}`,
    );
  });

  it('stops naming partner.json when it is not valid JSON, as main reports it', async () => {
    const keysDir = keysWith({ 'demo-partner/partner.json': '{ broken' });
    await expect(createTestSandbox({ keysDir })).rejects.toThrow(
      `${join(keysDir, 'demo-partner/partner.json')} is not valid JSON: Expected property name`,
    );
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/main.ts', '--in-memory', '--port', '0', '--keys', keysDir],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect([code, err.trim()]).toEqual([
      1,
      expect.stringMatching(
        new RegExp(`^dana-mock could not start: ${join(keysDir, 'demo-partner/partner\\.json')} is not valid JSON`),
      ),
    ]);
  }, 20_000);

  it('stops naming partner.json when it has no partnerId', async () => {
    const keysDir = keysWith({ 'other-partner/partner.json': '{"publicKeyFile": "public.pem"}' });
    await expect(createTestSandbox({ keysDir })).rejects.toThrow(
      `${join(keysDir, 'other-partner/partner.json')}: partnerId is missing`,
    );
  });

  it("stops naming private.pem, not public.pem, when a partner's private key is broken", async () => {
    const keysDir = keysWith({ 'demo-partner/private.pem': brokenPem('PRIVATE KEY') });
    await expect(createTestSandbox({ keysDir })).rejects.toThrow(
      `${join(keysDir, 'demo-partner/private.pem')}: cannot parse the private key of partner`,
    );
  });

  it("stops naming private.pem when a partner's private key is not the other half of its public key", async () => {
    const keysDir = keysWith({ 'demo-partner/public.pem': strangerPublicPem() });
    await expect(createTestSandbox({ keysDir })).rejects.toThrow(
      `${join(keysDir, 'demo-partner/private.pem')}: the private key of partner 2026112200000000000001 does not match its public key`,
    );
  });

  it.each([
    ['garbage', () => 'garbage', "Cannot load the sandbox's DANA public key"],
    ['a broken PEM', () => brokenPem('PUBLIC KEY'), "Cannot load the sandbox's DANA public key"],
    ['the public key of another pair', strangerPublicPem, 'does not match'],
    ['a private key', () => readFileSync(join(root, 'keys/dana/private.pem'), 'utf8'), 'holds a private key'],
  ])(
    'stops naming keys/dana/public.pem when it holds %s, since partners verify responses with it',
    async (_what, text, reason) => {
      const keysDir = keysWith({ 'dana/public.pem': text() });
      const failure = createTestSandbox({ keysDir });
      await expect(failure).rejects.toThrow(join(keysDir, 'dana/public.pem'));
      await expect(failure).rejects.toThrow(reason);
    },
  );

  it('starts with keys/dana/public.pem absent, serving the public key at GET /__admin/keys/dana', async () => {
    const keysDir = keysWith({});
    rmSync(join(keysDir, 'dana/public.pem'));
    const sandbox = await createTestSandbox({ keysDir });
    const res = await sandbox.handle({
      method: 'GET',
      path: '/__admin/keys/dana',
      search: '',
      headers: {},
      rawBody: '',
    });
    await sandbox.close();
    expect(res.body).toBe(readFileSync(join(root, 'keys/dana/public.pem'), 'utf8'));
  });

  it('names partner.json when the demo partner helper meets broken JSON', () => {
    const keysDir = keysWith({ 'demo-partner/partner.json': '{ broken' });
    expect(() => loadDemoPartner(keysDir)).toThrow(`${join(keysDir, 'demo-partner/partner.json')} is not valid JSON`);
  });
});
