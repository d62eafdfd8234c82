import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { root } from '../support/partners.js';

// No container daemon here: the image's CMD, ENV and HEALTHCHECK are read from the Dockerfile and run
// as the image would run them, the compiled bin swapped for the source it starts (server/main.ts via tsx).
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
const jsonInstruction = (name: string) =>
  JSON.parse(new RegExp(`^${name} (\\[.*\\])$`, 'm').exec(finalStage.replace(/\\\n\s*/g, ''))![1]) as string[];
const cmd = jsonInstruction('CMD');
const healthcheck = jsonInstruction('HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD');
const imageEnv = Object.fromEntries(
  [...finalStage.matchAll(/^ENV (.+)$/gm)].flatMap((m) => m[1].split(/\s+/).map((pair) => pair.split('=', 2))),
) as Record<string, string>;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill();
  child = undefined;
});

/** Starts the image's command with its environment (plus `env`); resolves with the banner once it listens. */
async function startAsImage(env: Record<string, string> = {}) {
  const port = String(await freePort());
  const [node, entry, ...args] = cmd;
  expect([node, entry]).toEqual(['node', 'dist/server/bin.cjs']);
  const data = join(mkdtempSync(join(tmpdir(), 'dana-mock-image-')), 'dana-mock.json');
  const fullEnv = { ...process.env, NODE_OPTIONS: '', ...imageEnv, PORT: port, DANA_MOCK_DATA: data, ...env };
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { cwd: root, env: fullEnv });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child!.stdout!.on('data', (chunk: Buffer) => ((out += chunk), out.includes('Ctrl-C') && resolve()));
    child!.once('exit', (code) => reject(new Error(`exited with ${code}`)));
  });
  return { port, out, env: fullEnv };
}

describe("the Dockerfile's command and environment", () => {
  it('start the sandbox on every interface at PORT, with the data file under /data, passing its HEALTHCHECK', async () => {
    expect(imageEnv).toMatchObject({ PORT: '4510', DANA_MOCK_DATA: '/data/dana-mock.json' });
    expect(cmd).toEqual(['node', 'dist/server/bin.cjs', '--host', '0.0.0.0']);
    const { port, out, env } = await startAsImage();
    expect(out).toMatch(new RegExp(`^  URL +http://0\\.0\\.0\\.0:${port}$`, 'm'));
    const [node, ...check] = healthcheck;
    expect(node).toBe('node');
    await expect(promisify(execFile)(process.execPath, check, { env })).resolves.toBeDefined();
  }, 60_000);

  it('refuse /__admin to another container by name until DANA_MOCK_ALLOWED_HOSTS names it', async () => {
    // fetch() never sends a Host of one's choosing: node:http does.
    const health = (port: string) =>
      new Promise<number>((resolve, reject) =>
        request({ port, path: '/__admin/health', headers: { host: `dana-mock:${port}` } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        })
          .on('error', reject)
          .end(),
      );
    const closed = await startAsImage();
    expect(await health(closed.port)).toBe(403);
    child!.kill();
    const open = await startAsImage({ DANA_MOCK_ALLOWED_HOSTS: 'dana-mock' });
    expect(await health(open.port)).toBe(200);
  }, 60_000);
});
