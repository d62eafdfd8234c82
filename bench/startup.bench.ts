// Time from spawning the compiled sandbox to its first answered request (the bin, which starts the
// bundle, and dist/server/'s modules unbundled), against spawning bare node, and the same through
// `npm start` on this (built) checkout: npm, prestart's freshness check, then node.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findPackageRoot } from '../server/packageRoot.js';

const root = findPackageRoot();
const runs = Number(process.env.BENCH_STARTS ?? 7);

/** Spawns `command args` and resolves with the ms until GET /__admin/health on the URL it prints answers 200. */
function timeUntilAnswered([command, ...args]: string[]): Promise<number> {
  const started = process.hrtime.bigint();
  // Its own process group: npm runs the sandbox as a grandchild, which must stop with it.
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', async (chunk: Buffer) => {
      out += chunk;
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (!url) return;
      child.stdout.removeAllListeners('data');
      const res = await fetch(`${url}/__admin/health`).catch(reject);
      if (res && res.status === 200) resolve(Number(process.hrtime.bigint() - started) / 1e6);
      process.kill(-child.pid!);
    });
    child.once('exit', (code) => code && reject(new Error(`${command} exited with ${code}`)));
  });
}

const bareNode = [
  process.execPath,
  '-e',
  "require('http').createServer((q,s)=>s.end('{}')).listen(0,'127.0.0.1',function(){console.log('http://127.0.0.1:'+this.address().port)})",
];
const sandbox = [process.execPath, join(root, 'dist/server/bin.cjs'), '--in-memory', '--port', '0'];
// The same command line from dist/server/'s modules one by one, as it started before the bundle.
const unbundled = [
  process.execPath,
  '-e',
  `import(${JSON.stringify(pathToFileURL(join(root, 'dist/server/startCli.js')).href)}).then((m) => m.startCli(['--in-memory', '--port', '0']))`,
];
const npmStart = ['npm', 'start', '--silent', '--', '--in-memory', '--port', '0'];
const targets: Record<string, string[]> = {
  'bare node http server': bareNode,
  'dana-mock (dist, --in-memory)': sandbox,
  'the same, unbundled': unbundled,
  'npm start -- --in-memory': npmStart,
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times: Record<string, number[]> = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
// One untimed npm start first: prestart builds here if a source is newer than dist/.
await timeUntilAnswered(npmStart);
for (let i = 0; i < runs; i++)
  for (const [name, args] of Object.entries(targets)) times[name].push(await timeUntilAnswered(args));
const base = median(times['bare node http server']);
console.log(`\nstart-up to first answered request, median of ${runs}`);
for (const [name, xs] of Object.entries(times))
  console.log(
    `${name.padEnd(32)}${median(xs).toFixed(0).padStart(6)} ms  x${(median(xs) / base).toFixed(2)} of bare node`,
  );
