import { afterAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Plugin } from 'esbuild';
import { root } from '../support/partners.js';

// Express bundled as build/writeBundle.js bundles it, its body-parser, mime-types and qs replaced by the
// stand-ins, then used for what those modules do: parse a JSON body, type a response, parse a nested query.
// Both builds write to the same folder: the stand-ins' lazyModules.cjs is only ever read by their bundle.
const app = `
import express from 'express';
const app = express();
app.set('query parser', 'extended');
app.post('/echo', express.json(), (req, res) => res.type('html').send(JSON.stringify({ ...req.body, ...req.query })));
const server = app.listen(0, '127.0.0.1', async () => {
  const res = await fetch('http://127.0.0.1:' + server.address().port + '/echo?order[id]=1', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"amount":"10000.00"}',
  });
  console.log(JSON.stringify({ type: res.headers.get('content-type'), body: await res.text() }));
  server.close();
});`;

const work = mkdtempSync(join(tmpdir(), 'dana-mock-stand-ins-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Bundles the app above (with or without the stand-ins), runs it and returns what it printed. */
async function runBundledApp(standIns: boolean): Promise<{ type: string; body: string; source: string }> {
  const { build } = await import('esbuild');
  const { lazyStandIns } = (await import(pathToFileURL(join(root, 'build/lazyStandIns.js')).href)) as {
    lazyStandIns: Plugin;
  };
  const outfile = join(work, `app-${standIns}.mjs`);
  await build({
    stdin: { contents: app, resolveDir: root, loader: 'js' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    plugins: standIns ? [lazyStandIns] : [],
    logLevel: 'silent',
  });
  const { stdout } = await promisify(execFile)(process.execPath, [outfile], {
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return { ...JSON.parse(stdout), source: readFileSync(outfile, 'utf8') };
}

describe('the stand-ins for body-parser, mime-types and qs in the bundle', () => {
  it('replace the modules Express requires at load time, whose code goes to lazyModules.cjs beside the bundle', async () => {
    const { source } = await runBundledApp(true);
    expect(source).toContain('lazy:node_modules/body-parser/index.js');
    expect(source).toContain('lazy:node_modules/mime-types/index.js');
    expect(source).toContain('lazy:node_modules/qs/lib/index.js');
    expect(source).not.toContain('// node_modules/iconv-lite/');
    expect(source).not.toContain('// node_modules/mime-db/');
    const lazy = readFileSync(join(work, 'lazyModules.cjs'), 'utf8');
    expect(lazy).toContain('// node_modules/iconv-lite/');
    expect(lazy).toContain('// node_modules/mime-db/');
  }, 60_000);

  it('still parse a JSON body with express.json(), a nested query and type a response with res.type(), as without them', async () => {
    const withStandIns = await runBundledApp(true);
    const without = await runBundledApp(false);
    expect(withStandIns.body).toBe('{"amount":"10000.00","order":{"id":"1"}}');
    expect(withStandIns.type).toBe('text/html; charset=utf-8');
    expect({ type: withStandIns.type, body: withStandIns.body }).toEqual({ type: without.type, body: without.body });
  }, 60_000);
});
