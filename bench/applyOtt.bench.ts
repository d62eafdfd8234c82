// npm run bench: signed Apply OTT successes, and push notifications that each store a new one, against a bare Express route, in the same run.
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
const pushPath = '/v1/payments/pushNotificationUser';
const storedNotifications = 20_000;
// Each successful push needs its own (order, bizType), so pushes are signed before the run; once the
// pool is used up they repeat and answer MORE_THAN_ONCE_INVOKE (counted and printed below).
const pushPool = Number(process.env.BENCH_PUSH_POOL ?? 70_000);

function startTarget(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench/target.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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

function signedPushes(count: number): string[] {
  const partner = JSON.parse(readFileSync(join(root, 'keys/demo-partner/partner.json'), 'utf8'));
  const key = createPrivateKey(readFileSync(join(root, 'keys/demo-partner/private.pem'), 'utf8'));
  const reqTime = formatJakartaTime(new Date());
  return Array.from({ length: count }, (_, i) => {
    const head = {
      version: '1.0',
      function: 'dana.mobilewallet.mobilepush.pushOrderNotify',
      clientId: partner.partnerId,
      reqTime,
      reqMsgId: `bench-${i}`,
      clientSecret: partner.clientSecret,
      accessToken: 'demo-token-active',
    };
    const request = { head, body: { acquirementId: 'demo-order-active', bizType: `BENCH_${i}` } };
    return JSON.stringify({ request, signature: signRsaSha256(JSON.stringify(request), key) });
  });
}
const pushes = signedPushes(pushPool);
let pushesSent = 0;
const nextPush = () => pushes[pushesSent++ % pushes.length];

interface Round {
  rps: number;
  p50: number;
  p99: number;
}

type Load = 'ott' | 'push' | 'bare push';
const loadOf = (name: string): Load =>
  !name.includes('push') ? 'ott' : name.startsWith('bare') ? 'bare push' : 'push';

async function measure(url: string, expectCode: string | undefined, load: Load): Promise<Round> {
  const post = { url: url + pushPath, method: 'POST' as const, headers: { 'content-type': 'application/json' } };
  const options =
    load === 'ott'
      ? { url: url + path, ...signedRequest() }
      : load === 'bare push'
        ? { ...post, body: pushes[0] }
        : { ...post, requests: [{ setupRequest: (r: object) => ({ ...r, body: nextPush() }) }] };
  const result = await autocannon({ connections, duration: seconds, ...options });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  if (expectCode && load === 'push') {
    const probe = await fetch(url + pushPath, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: nextPush(),
    });
    const code = ((await probe.json()) as { response: { body: { resultInfo: { resultCode: string } } } }).response.body
      .resultInfo.resultCode;
    if (code !== expectCode) throw new Error(`expected ${expectCode}, got ${code}`);
  } else if (expectCode) {
    const probe = await fetch(url + path, signedRequest());
    const code = ((await probe.json()) as { responseCode: string }).responseCode;
    if (code !== expectCode) throw new Error(`expected ${expectCode}, got ${code}`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summarise = (rs: Round[]) => ({
  rps: median(rs.map((r) => r.rps)),
  p50: median(rs.map((r) => r.p50)),
  p99: median(rs.map((r) => r.p99)),
});

const targets = {
  'bare Express route': await startTarget(['baseline']),
  'sandbox Apply OTT': await startTarget(['sandbox']),
  'sandbox Apply OTT, data file': await startTarget(['sandbox', '0', '1000', '0']),
  'sandbox, journal full (100000)': await startTarget(['sandbox', '100000', '100000']),
  'sandbox, data file of 50000 rows': await startTarget(['sandbox', '0', '1000', '50000']),
  'bare Express route (push path)': await startTarget(['baseline']),
  'sandbox push, none stored': await startTarget(['sandbox']),
  'sandbox push, data file': await startTarget(['sandbox', '0', '1000', '0']),
  [`sandbox push, ${storedNotifications} stored`]: await startTarget([
    'sandbox',
    '0',
    '1000',
    'memory',
    String(storedNotifications),
  ]),
};
const results: Record<string, Round[]> = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
try {
  for (const [name, { url }] of Object.entries(targets))
    await measure(
      url,
      name.startsWith('sandbox') ? (loadOf(name) === 'push' ? 'SUCCESS' : '2004900') : undefined,
      loadOf(name),
    );
  for (let round = 0; round < rounds; round++) {
    for (const [name, { url }] of Object.entries(targets))
      results[name].push(await measure(url, undefined, loadOf(name)));
  }
} finally {
  Object.values(targets).forEach(({ child }) => child.kill());
}

const base = summarise(results['bare Express route']);
const pushBase = summarise(results['bare Express route (push path)']);
console.log(
  `\n${rounds} rounds x ${seconds}s, ${connections} connections, medians (machine: ${process.arch}, node ${process.version})`,
);
console.log(
  'target'.padEnd(38) + 'req/s'.padStart(10) + 'p50 ms'.padStart(9) + 'p99 ms'.padStart(9) + '  req/s vs bare',
);
for (const name of Object.keys(results)) {
  const s = summarise(results[name]);
  const against = loadOf(name) === 'ott' ? base : pushBase;
  console.log(
    name.padEnd(38) +
      s.rps.toFixed(0).padStart(10) +
      String(s.p50).padStart(9) +
      String(s.p99).padStart(9) +
      `  ${(s.rps / against.rps).toFixed(2)}`,
  );
}
console.log(
  `pushes sent ${pushesSent} of a pool of ${pushPool}${pushesSent > pushPool ? ' (the pool ran out: later pushes answered MORE_THAN_ONCE_INVOKE; raise BENCH_PUSH_POOL)' : ', each a new notification'}`,
);
// Each answered request appended its changes to the data file's change log first (2 for Apply OTT: the
// OTT and the rate window; 1 for a push): the cost of surviving kill -9, against the same load in memory.
for (const [load, memory] of [
  ['sandbox Apply OTT, data file', 'sandbox Apply OTT'],
  ['sandbox push, data file', 'sandbox push, none stored'],
]) {
  const file = summarise(results[load]);
  const mem = summarise(results[memory]);
  console.log(
    `persistence: ${load} ${(file.rps / mem.rps).toFixed(2)} x the req/s in memory; ` +
      `${((1 / file.rps - 1 / mem.rps) * 1e6).toFixed(1)} us more per request`,
  );
}
