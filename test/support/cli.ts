import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { findPackageRoot } from '../../server/packageRoot.js';

/** The CLI (server/main.ts through tsx) as its own process on a free port; resolves once its banner names the URL. */
export function startCli(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const root = findPackageRoot();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts'), '--port', '0', ...args], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return urlFromBanner(child).then((url) => ({ url, child }));
}

/** Resolves with the URL a started sandbox's banner names; rejects with its stderr if it exits first. */
export function urlFromBanner(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const url = /URL\s+(http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`the CLI exited with ${code}: ${err}`)));
  });
}

/** Kills the process as `kill -9` would, and waits until it is gone. */
export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
