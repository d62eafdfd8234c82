import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createSandbox, type Sandbox } from '../../server/sandbox.js';
import { root } from '../support/partners.js';
import { findFencedBlocks, readDocuments } from './documents.js';

const run = promisify(execFile);
const defaultUrl = 'URL=http://127.0.0.1:4510';
const continuationMark = '--- the example starts here ---';

/**
 * A shell block of the README or docs/: it starts with `URL=http://127.0.0.1:4510` (a script of its
 * own), runs only npm commands, or continues the last script above it in the same document (it is
 * run after that script, and only its own output is checked). Its full-line `# ...` comments are
 * the output it promises, in order, `...` standing for anything.
 */
interface ShellBlock {
  name: string;
  code: string;
  setup?: string;
  promises: string[];
}

function collectShellBlocks(): { runnable: ShellBlock[]; npmCommands: { name: string; code: string }[] } {
  const runnable: ShellBlock[] = [];
  const npmCommands: { name: string; code: string }[] = [];
  for (const doc of readDocuments()) {
    let lastScript: string | undefined;
    for (const block of findFencedBlocks(doc.text)) {
      if (!['sh', 'bash', 'shell'].includes(block.language)) continue;
      const name = `${doc.path}:${block.line}`;
      const lines = block.code.split('\n').filter((l) => l.trim() !== '');
      if (lines.every((l) => l.startsWith('npm '))) {
        npmCommands.push({ name, code: block.code });
        continue;
      }
      const promises = lines.filter((l) => l.startsWith('# ')).map((l) => l.slice(2));
      if (block.code.startsWith(`${defaultUrl}\n`)) {
        runnable.push({ name, code: block.code, promises });
        lastScript = block.code;
      } else runnable.push({ name, code: block.code, setup: lastScript ?? '', promises });
    }
  }
  return { runnable, npmCommands };
}

const { runnable, npmCommands } = collectShellBlocks();
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;

/** A promised line as a pattern: literal text, `...` matching anything. */
function promisePattern(promises: string[]): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    promises
      .map((p) =>
        p
          .split(/\s*\.\.\.\s*/)
          .map(escape)
          .join('[\\s\\S]*?'),
      )
      .join('[\\s\\S]*?'),
  );
}

let sandbox: Sandbox;
let url: string;
beforeAll(async () => {
  sandbox = await createSandbox({ inMemory: true, logLevel: 'silent' });
  url = (await sandbox.listen(0)).url;
});
afterAll(() => sandbox.close());
// Blocks change state (a control-plane tour deletes a fixture): each starts from the seeds.
afterEach(() => sandbox.control.reset());

describe('shell examples of the README and docs/', () => {
  it('has at least the Apply OTT example', () => {
    expect(runnable.some((b) => b.name.startsWith('README.md') && b.code.includes('/rest/v1.1/qr/apply-ott'))).toBe(
      true,
    );
  });

  it.each(runnable.map((b) => [b.name, b] as const))(
    '%s starts a script or continues one above it, and promises an answer',
    (_name, block) => {
      expect(block.setup ?? block.code).toMatch(new RegExp(`^${defaultUrl}\n`));
      expect(block.promises.length).toBeGreaterThan(0);
    },
  );

  it.each(runnable.map((b) => [b.name, b] as const))('%s answers as promised', async (_name, block) => {
    const own = block.code.replaceAll(defaultUrl, `URL=${url}`);
    const script = block.setup
      ? `${block.setup.replaceAll(defaultUrl, `URL=${url}`)}\necho '${continuationMark}'\n${own}`
      : own;
    const { stdout: all } = await run('bash', ['-euo', 'pipefail', '-c', script], { cwd: root });
    const stdout = block.setup ? all.slice(all.indexOf(continuationMark) + continuationMark.length) : all;
    const codes = (s: string) => [...s.matchAll(/"(responseCode|resultCode)":"([^"]+)"/g)].map((m) => m[2]);
    const lastJsonPromise = block.promises.filter((p) => p.startsWith('{')).at(-1) ?? '';
    if (codes(lastJsonPromise).length > 0) expect(codes(stdout).at(-1)).toBe(codes(lastJsonPromise)[0]);
    // A control-plane block: no call may fail.
    else expect(stdout).not.toContain('"error"');
    expect(stdout).toMatch(promisePattern(block.promises));
  });

  it.each(npmCommands.map((b) => [b.name, b] as const))('%s runs only scripts package.json has', (_name, block) => {
    const builtins = new Set(['ci', 'install', 'pack']);
    for (const m of block.code.matchAll(/npm (?:run )?([\w:-]+)/g))
      if (!builtins.has(m[1])) expect(Object.keys(scripts)).toContain(m[1]);
  });
});
