// npm run bench: the same signed Apply OTT request against a bare Express route, dana-mock, Prism
// (mocking dana-mock's own OpenAPI document) and WireMock standalone (one static stub); then dana-mock's
// push, B2B token and Resend OTP rows against the bare route. Every target runs in its own process on
// 127.0.0.1; rounds alternate between targets and medians are reported. Prints markdown tables.
// BENCH_ROUNDS (3), BENCH_SECONDS (5), BENCH_CONNECTIONS (16) bound it: about (rounds + 1) x seconds x 9.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, createPrivateKey, sign } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Request as CannonRequest } from 'autocannon';
import { formatJakartaTime } from '../server/core/jakartaTime.js';
import { signRsaSha256 } from '../server/core/rsa.js';
import { findPackageRoot } from '../server/packageRoot.js';
import { asymmetricStringToSign } from '../server/protocols/snap/snapSignature.js';
import { tokenWire } from '../test/endpoints/b2bAccessToken.requests.js';
import { pushWire } from '../test/endpoints/pushNotificationUser.requests.js';
import { resendOtpWire } from '../test/endpoints/resendOtp.requests.js';
import type { WireRequest } from '../test/support/wireRequests.js';

const root = findPackageRoot();
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
// Enough journeys for (rounds + 1) x seconds at ~6,000 req/s on a quiet 2-core machine: each allows one OTP a minute.
const journeySessions = Number(process.env.BENCH_RESEND_POOL ?? 200_000);
const ottPath = '/rest/v1.1/qr/apply-ott';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Polls `url` until it answers (any status), or gives up after `ms`. */
async function waitForAnswer(url: string, child: ChildProcess, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

interface Target {
  url: string;
  child: ChildProcess;
}

function startNodeTarget(args: string[]): Promise<Target> {
  // Preloaded as the bin requires it first: libuv's thread pool sized before anything starts it.
  const pool = ['--require', join(root, 'dist/server/sizeThreadPool.cjs')];
  const child = spawn(process.execPath, [...pool, '--import', 'tsx', join(root, 'bench/target.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve({ url: chunk.toString().trim(), child }));
    child.once('exit', (code) => reject(new Error(`bench target ${args.join(' ')} exited with ${code}`)));
  });
}

async function startPrism(): Promise<Target> {
  const port = await freePort();
  const bin = join(root, 'node_modules/@stoplight/prism-cli/dist/index.js');
  const document = join(root, 'postman/dana-mock.openapi.json');
  const child = spawn(process.execPath, [bin, 'mock', '-h', '127.0.0.1', '-p', String(port), document], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForAnswer(`${url}/__admin/health`, child);
  return { url, child };
}

/** WireMock standalone from the npm package's jar, one static stub answering Apply OTT; undefined where java is missing. */
async function startWireMock(body: string): Promise<Target | undefined> {
  if (spawnSync('java', ['-version']).error) return undefined;
  const pkg = JSON.parse(readFileSync(join(root, 'node_modules/wiremock/package.json'), 'utf8'));
  const jar = join(root, `node_modules/wiremock/build/wiremock-standalone-${pkg.version}.jar`);
  const dir = mkdtempSync(join(tmpdir(), 'dana-mock-wiremock-'));
  mkdirSync(join(dir, 'mappings'));
  const stub = {
    request: { method: 'POST', url: ottPath },
    response: { status: 200, headers: { 'Content-Type': 'application/json' }, body },
  };
  writeFileSync(join(dir, 'mappings/applyOtt.json'), JSON.stringify(stub));
  const port = await freePort();
  const args = ['-jar', jar, '--port', String(port), '--bind-address', '127.0.0.1', '--root-dir', dir];
  const child = spawn('java', [...args, '--disable-banner'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitForAnswer(`${url}/__admin/mappings`, child);
  return { url, child };
}

const partner = JSON.parse(readFileSync(join(root, 'keys/demo-partner/partner.json'), 'utf8'));
const partnerKey = createPrivateKey(readFileSync(join(root, 'keys/demo-partner/private.pem'), 'utf8'));

/** Apply OTT for the bench customer, signed once (the replay check is off in dana-mock's targets). */
function signedApplyOtt(): WireRequest {
  const body = JSON.stringify({ userResources: ['OTT'], additionalInfo: { accessToken: 'bench-token' } });
  const timestamp = formatJakartaTime(new Date());
  const headers = {
    'content-type': 'application/json',
    'x-timestamp': timestamp,
    'x-signature': signRsaSha256(asymmetricStringToSign('POST', ottPath, body, timestamp), partnerKey),
    'x-partner-id': partner.partnerId,
    'x-external-id': 'bench-external-id',
    'channel-id': '95221',
    'authorization-customer': 'Bearer bench-token',
    'x-device-id': 'bench',
  };
  return { method: 'POST', path: ottPath, headers, body };
}

interface Load {
  wire: WireRequest;
  /** Varies X-Mock-Session per request (outside every signature): each request then finds fresh state. */
  sessions?: number;
  /** Checked on one request after the warm-up: the load's answers are successes, not refusals. */
  expect?: string;
  /**
   * Reset the target's state before each round (POST /__admin/reset), so every round starts from the same
   * state: a load that makes a session per request would otherwise leave each round more sessions than the last.
   */
  resetBeforeRound?: boolean;
}

interface Round {
  rps: number;
  p50: number;
  p99: number;
  /** CPU time of the target's process (every thread, user and kernel) per answer, where Linux's /proc tells it. */
  cpuUs?: number;
}

// Clock ticks per second of /proc/<pid>/stat's times: USER_HZ, 100 on every Linux this runs on (getconf CLK_TCK).
const ticksPerSecond = 100;

/** utime + stime of a process in seconds, or undefined where /proc is missing. */
function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    // The command name (field 2) may hold spaces: the fields after its closing parenthesis are fixed.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

const sent: Record<string, number> = {};

async function measure(name: string, target: Target, load: Load, duration: number): Promise<Round> {
  const url = target.url;
  const { method, path, headers, body } = load.wire;
  let next = sent[name] ?? 0;
  const sessionRequests = load.sessions
    ? {
        requests: [
          {
            setupRequest: (request: CannonRequest) => ({
              ...request,
              headers: { ...request.headers, 'x-mock-session': `bench-${next++ % load.sessions!}` },
            }),
          },
        ],
      }
    : {};
  if (load.resetBeforeRound) {
    const reset = await fetch(`${url}/__admin/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    if (!reset.ok) throw new Error(`${name}: reset answered ${reset.status}`);
  }
  const cpuBefore = cpuSeconds(target.child.pid);
  const result = await autocannon({
    url: url + path,
    method: method as 'POST',
    headers,
    body,
    connections,
    duration,
    ...sessionRequests,
  });
  const cpuAfter = cpuSeconds(target.child.pid);
  sent[name] = next;
  if (result.errors > 0 || result.timeouts > 0) throw new Error(`${name}: ${result.errors} errors`);
  const cpuUs =
    cpuBefore === undefined || cpuAfter === undefined
      ? undefined
      : ((cpuAfter - cpuBefore) * 1e6) / result.requests.total;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuUs };
}

/** The wire code of one request, as a check that the load is answered as meant. */
async function probe(url: string, load: Load, session?: string): Promise<string> {
  const { method, path, headers, body } = load.wire;
  const res = await fetch(url + path, {
    method,
    headers: { ...headers, ...(session && { 'x-mock-session': session }) },
    body,
  });
  const text = await res.text();
  return /"(?:responseCode|resultCode)":"([^"]+)"/.exec(text)?.[1] ?? `HTTP ${res.status}`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summarise = (rs: Round[]) => ({
  rps: median(rs.map((r) => r.rps)),
  p50: median(rs.map((r) => r.p50)),
  p99: median(rs.map((r) => r.p99)),
  cpuUs: rs.every((r) => r.cpuUs !== undefined) ? median(rs.map((r) => r.cpuUs!)) : undefined,
});

const applyOtt: Load = { wire: signedApplyOtt() };
const bareBody = JSON.stringify({
  responseCode: '2004900',
  responseMessage: 'Successful',
  userResources: [{ resourceType: 'OTT', value: 'x'.repeat(43) }],
  additionalInfo: {},
});

const started: Record<string, Target | undefined> = {};
const loads: Record<string, Load> = {};
const notes: string[] = [];
try {
  started['bare Express route, same body, no checks'] = await startNodeTarget(['baseline']);
  loads['bare Express route, same body, no checks'] = applyOtt;
  started['dana-mock Apply OTT, --in-memory'] = await startNodeTarget(['sandbox']);
  loads['dana-mock Apply OTT, --in-memory'] = { ...applyOtt, expect: '2004900' };
  started['dana-mock Apply OTT, data file'] = await startNodeTarget(['sandbox', '--data-file']);
  loads['dana-mock Apply OTT, data file'] = { ...applyOtt, expect: '2004900' };
  started['Prism 5, dana-mock OpenAPI document'] = await startPrism();
  loads['Prism 5, dana-mock OpenAPI document'] = applyOtt;
  const wiremock = await startWireMock(bareBody);
  if (wiremock) {
    started['WireMock 3 standalone, one static stub'] = wiremock;
    loads['WireMock 3 standalone, one static stub'] = applyOtt;
  } else notes.push('WireMock skipped: no `java` on this machine.');

  // Push gets a sandbox of its own: the journeys below would otherwise weigh on its heap.
  started['dana-mock push notification (RSA-signed answer)'] = await startNodeTarget(['sandbox']);
  const rows = await startNodeTarget(['sandbox', '--journey-sessions', String(journeySessions)]);
  const token = await fetch(rows.url + '/v1.0/access-token/b2b', {
    method: 'POST',
    headers: tokenWire().headers,
    body: tokenWire().body,
  }).then(async (res) => ((await res.json()) as { accessToken: string }).accessToken);
  // Each push needs a new (order, bizType) in its scope: one signed push, a new session per request.
  loads['dana-mock push notification (RSA-signed answer)'] = {
    wire: pushWire('bench-push'),
    sessions: 1_000_000_000,
    expect: 'SUCCESS',
    resetBeforeRound: true,
  };
  started['dana-mock B2B access token'] = rows;
  loads['dana-mock B2B access token'] = { wire: tokenWire(), expect: '2007300' };
  started['dana-mock Resend OTP'] = rows;
  loads['dana-mock Resend OTP'] = {
    wire: resendOtpWire(token, 'bench-external-id', 'j-bench'),
    sessions: journeySessions,
    expect: '2008100',
  };

  const results: Record<string, Round[]> = Object.fromEntries(Object.keys(started).map((k) => [k, []]));
  // Warm-up (JIT, Prism's and WireMock's first compilation), then a check of what each answers.
  for (const name of Object.keys(started)) await measure(name, started[name]!, loads[name], seconds);
  const codes: Record<string, string> = {};
  for (const name of Object.keys(started)) {
    const session = loads[name].sessions ? `bench-${sent[name]++ % loads[name].sessions!}` : undefined;
    codes[name] = await probe(started[name]!.url, loads[name], session);
    if (loads[name].expect && codes[name] !== loads[name].expect)
      throw new Error(`${name}: expected ${loads[name].expect}, got ${codes[name]}`);
  }
  for (let round = 0; round < rounds; round++)
    for (const name of Object.keys(started))
      results[name].push(await measure(name, started[name]!, loads[name], seconds));

  const dana = summarise(results['dana-mock Apply OTT, --in-memory']);
  const bare = summarise(results['bare Express route, same body, no checks']);
  const cell = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
  console.log(
    `\n${rounds} alternating rounds x ${seconds} s after one warm-up round, ${connections} connections (autocannon), medians; ` +
      `node ${process.version}, ${process.arch}`,
  );
  console.log('\n| target | answer | req/s | p50 ms | p99 ms | CPU us / answer | dana-mock / it | it / bare Express |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const name of Object.keys(results)) {
    const s = summarise(results[name]);
    const vsDana = name.startsWith('dana-mock') && !name.includes('Apply OTT') ? '' : (dana.rps / s.rps).toFixed(2);
    console.log(
      `| ${name} | ${codes[name]} | ${cell(s.rps)} | ${s.p50} | ${s.p99} | ${s.cpuUs === undefined ? '' : cell(s.cpuUs)} | ${vsDana} | ${(s.rps / bare.rps).toFixed(2)} |`,
    );
  }
  // The floor of a push: one RSA-2048 signature per answer, made on one thread in this process.
  const danaKey = createPrivateKey(readFileSync(join(root, 'keys/dana/private.pem'), 'utf8'));
  const text = Buffer.from(createHash('sha256').update('bench').digest('hex').repeat(8));
  const began = performance.now();
  let signatures = 0;
  while (performance.now() - began < 1000) {
    sign('sha256', text, danaKey);
    signatures++;
  }
  const signMs = (performance.now() - began) / signatures;
  const push = summarise(results['dana-mock push notification (RSA-signed answer)']);
  console.log(
    `\nOne RSA-2048 signature: ${(signMs * 1000).toFixed(0)} us on one thread (${cell(1000 / signMs)}/s). ` +
      `Push: ${((1000 / push.rps) * 1000).toFixed(0)} us per answer = ${(1000 / push.rps / signMs).toFixed(2)} x one signature.`,
  );
  for (const [name, count] of Object.entries(sent))
    if (loads[name].sessions && count > loads[name].sessions!)
      notes.push(
        `${name}: ${count} requests over a pool of ${loads[name].sessions} sessions; raise BENCH_RESEND_POOL.`,
      );
  notes.forEach((note) => console.log(note));
} finally {
  for (const target of new Set(Object.values(started))) target?.child.kill();
}
