// npm run bench: signed Apply OTT successes against a bare Express route, in the same run.
// Each target runs in its own process; rounds alternate between targets and the medians are reported.
import { spawn, type ChildProcess } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { formatJakartaTime } from '../server/core/jakartaTime.js';
import { signRsaSha256 } from '../server/core/rsa.js';
import { findPackageRoot } from '../server/packageRoot.js';
import { asymmetricStringToSign } from '../server/protocols/snap/snapSignature.js';

const root = findPackageRoot();
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const connections = 10;
const path = '/rest/v1.1/qr/apply-ott';

function startTarget(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench/target.ts'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve({ url: chunk.toString().trim(), child }));
    child.once('exit', (code) => reject(new Error(`bench target ${args[0]} exited with ${code}`)));
  });
}

function signedRequest() {
  const partner = JSON.parse(readFileSync(join(root, 'keys/demo-partner/partner.json'), 'utf8'));
  const key = createPrivateKey(readFileSync(join(root, 'keys/demo-partner/private.pem'), 'utf8'));
  const body = JSON.stringify({ userResources: ['OTT'], additionalInfo: { accessToken: 'bench-token' } });
  const timestamp = formatJakartaTime(new Date());
  const headers = {
    'content-type': 'application/json',
    'x-timestamp': timestamp,
    'x-signature': signRsaSha256(asymmetricStringToSign('POST', path, body, timestamp), key),
    'x-partner-id': partner.partnerId,
    'x-external-id': 'bench-external-id',
    'channel-id': '95221',
    'authorization-customer': 'Bearer bench-token',
    'x-device-id': 'bench',
  };
  return { method: 'POST' as const, headers, body };
}

interface Round { rps: number; p50: number; p99: number }

async function measure(url: string, expectCode: string | undefined): Promise<Round> {
  const result = await autocannon({ url: url + path, connections, duration: seconds, ...signedRequest() });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  if (expectCode) {
    const probe = await fetch(url + path, signedRequest());
    const code = ((await probe.json()) as { responseCode: string }).responseCode;
    if (code !== expectCode) throw new Error(`expected ${expectCode}, got ${code}`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summarise = (rs: Round[]) => ({ rps: median(rs.map((r) => r.rps)), p50: median(rs.map((r) => r.p50)), p99: median(rs.map((r) => r.p99)) });

const targets = {
  'bare Express route': await startTarget(['baseline']),
  'sandbox Apply OTT': await startTarget(['sandbox']),
  'sandbox, journal full (100000)': await startTarget(['sandbox', '100000', '100000']),
  'sandbox, data file of 50000 rows': await startTarget(['sandbox', '0', '1000', '50000']),
};
const results: Record<string, Round[]> = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
try {
  for (const [name, { url }] of Object.entries(targets)) await measure(url, name.startsWith('sandbox') ? '2004900' : undefined);
  for (let round = 0; round < rounds; round++) {
    for (const [name, { url }] of Object.entries(targets)) results[name].push(await measure(url, undefined));
  }
} finally {
  Object.values(targets).forEach(({ child }) => child.kill());
}

const base = summarise(results['bare Express route']);
console.log(`\n${rounds} rounds x ${seconds}s, ${connections} connections, medians (machine: ${process.arch}, node ${process.version})`);
console.log('target'.padEnd(38) + 'req/s'.padStart(10) + 'p50 ms'.padStart(9) + 'p99 ms'.padStart(9) + '  req/s vs bare');
for (const name of Object.keys(results)) {
  const s = summarise(results[name]);
  console.log(name.padEnd(38) + s.rps.toFixed(0).padStart(10) + String(s.p50).padStart(9) + String(s.p99).padStart(9) + `  ${(s.rps / base.rps).toFixed(2)}`);
}
