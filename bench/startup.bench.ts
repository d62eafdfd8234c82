// Time from spawning the compiled sandbox to its first answered request, against spawning bare node.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { findPackageRoot } from '../server/packageRoot.js';

const root = findPackageRoot();
const runs = Number(process.env.BENCH_STARTS ?? 7);

function timeUntilAnswered(args: string[]): Promise<number> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', async (chunk: Buffer) => {
      out += chunk;
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (!url) return;
      child.stdout.removeAllListeners('data');
      const res = await fetch(`${url}/__admin/health`).catch(reject);
      if (res && res.status === 200) resolve(Number(process.hrtime.bigint() - started) / 1e6);
      child.kill();
    });
    child.once('exit', (code) => code && reject(new Error(`exited with ${code}`)));
  });
}

const bareNode = [
  '-e',
  "require('http').createServer((q,s)=>s.end('{}')).listen(0,'127.0.0.1',function(){console.log('http://127.0.0.1:'+this.address().port)})",
];
const sandbox = [join(root, 'dist/server/main.js'), '--in-memory', '--port', '0'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times: Record<string, number[]> = { 'bare node http server': [], 'dana-mock (dist, --in-memory)': [] };
for (let i = 0; i < runs; i++) {
  times['bare node http server'].push(await timeUntilAnswered(bareNode));
  times['dana-mock (dist, --in-memory)'].push(await timeUntilAnswered(sandbox));
}
const base = median(times['bare node http server']);
console.log(`\nstart-up to first answered request, median of ${runs}`);
for (const [name, xs] of Object.entries(times))
  console.log(
    `${name.padEnd(32)}${median(xs).toFixed(0).padStart(6)} ms  x${(median(xs) / base).toFixed(2)} of bare node`,
  );
