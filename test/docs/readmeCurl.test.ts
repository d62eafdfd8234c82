import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createSandbox, type Sandbox } from '../../server/sandbox.js';
import { root } from '../support/partners.js';

const run = promisify(execFile);
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** Every ```sh block of the README that talks to the default URL, with the answer it promises (its last `# {...}` line). */
const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)]
  .map((m) => m[1])
  .filter((code) => code.startsWith('URL=http://127.0.0.1:4010') && /\n# \{/.test(code))
  .map((code) => ({ code, promise: /\n# (\{.*)\n?$/.exec(code.trimEnd() + '\n')![1] }));

let sandbox: Sandbox;
let url: string;
beforeAll(async () => {
  sandbox = await createSandbox({ inMemory: true, logLevel: 'silent' });
  url = (await sandbox.listen(0)).url;
});
afterAll(() => sandbox.close());
// Blocks change state (a control-plane tour deletes a fixture): each starts from the seeds.
afterEach(() => sandbox.control.reset());

describe('README shell examples', () => {
  it('has at least the Apply OTT example', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it.each(blocks.map((b) => ({ ...b, name: b.promise.slice(0, 60) })))('answers as promised: $name', async (block) => {
    const script = block.code.replace('URL=http://127.0.0.1:4010', `URL=${url}`);
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', script], { cwd: root });
    const codes = (s: string) => [...s.matchAll(/"(responseCode|resultCode)":"([^"]+)"/g)].map((m) => m[2]);
    if (codes(block.promise).length > 0) expect(codes(stdout).at(-1)).toBe(codes(block.promise)[0]);
    else {
      // A control-plane block: no call may fail, and the last one answers what its comment promises.
      expect(stdout).not.toContain('"error"');
      expect(stdout).toContain(/^\{("[^"]+":"[^"]*")/.exec(block.promise)![1]);
    }
  });
});
