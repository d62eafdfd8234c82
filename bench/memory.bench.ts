// npm run bench:memory: 200,000 mixed requests in-process (Apply OTT, B2B token, Resend OTP, push
// notifications, control-plane calls, refused requests) over 500 sessions, then a reset; prints the RSS
// at start, after the load and after the reset (each after a full GC). Issue 12's target: after the
// reset, back within 30 MB of the start. The caps bound what the load itself may hold (README: "Memory").
import { createSandbox } from '../server/sandbox.js';
import type { SandboxRequest } from '../server/core/types.js';
import { internalsOf } from '../server/internals.js';
import { applyOttWire } from '../test/endpoints/applyOtt.requests.js';
import { tokenWire } from '../test/endpoints/b2bAccessToken.requests.js';
import { pushWire } from '../test/endpoints/pushNotificationUser.requests.js';
import { resendOtpWire } from '../test/endpoints/resendOtp.requests.js';
import { type WireRequest } from '../test/support/wireRequests.js';

const total = Number(process.env.BENCH_REQUESTS ?? 200_000);
const sessions = Number(process.env.BENCH_SESSIONS ?? 500);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with node --expose-gc (npm run bench:memory does).');

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
function settledRss(): number {
  for (let i = 0; i < 3; i++) gc!();
  return process.memoryUsage().rss;
}

const sandbox = await createSandbox({ inMemory: true, logLevel: 'silent' });
const plain = (wire: WireRequest, headers: Record<string, string> = {}): SandboxRequest => ({
  method: wire.method,
  path: wire.path,
  search: '',
  headers: { ...wire.headers, ...headers },
  rawBody: wire.body ?? '',
});

// Signed once: X-EXTERNAL-ID, X-Mock-Session and Authorization are outside SNAP's asymmetric string to sign.
const applyOtt = applyOttWire('demo-token-active', 'x');
const token = tokenWire();
const resendOtp = resendOtpWire('x', 'x', 'j-bench');
const pushes = Array.from({ length: 50 }, (_, i) => pushWire(`bench-push-${i}`));
const refused = applyOttWire('demo-token-active', 'x', { headers: { 'x-signature': 'bm90IGEgc2lnbmF0dXJl' } });

const tokens = new Map<string, string>();
async function prepare(session: string): Promise<void> {
  sandbox.control
    .forSession(session)
    .createFixtures('journeys', { journeyId: 'j-bench', orderId: 'order-j-bench', bankCardToken: 'demo-card-active' });
  const answer = await sandbox.handle(plain(token, { 'x-mock-session': session }));
  tokens.set(session, JSON.parse(answer.body).accessToken);
}

const codes = new Map<string, number>();
const count = (answer: { status: number; body: string }) => {
  const code = /"(?:responseCode|resultCode)":"([^"]+)"/.exec(answer.body)?.[1] ?? `HTTP ${answer.status}`;
  codes.set(code, (codes.get(code) ?? 0) + 1);
};

async function send(i: number): Promise<void> {
  const session = `bench-${i % sessions}`;
  const headers = { 'x-mock-session': session, 'x-external-id': `ext-${i}` };
  switch (i % 10) {
    case 0:
      return count(await sandbox.handle(plain(token, { 'x-mock-session': session })));
    case 1:
      return count(
        await sandbox.handle(plain(resendOtp, { ...headers, authorization: `Bearer ${tokens.get(session)}` })),
      );
    case 2:
      return count(await sandbox.handle(plain(pushes[i % pushes.length], { 'x-mock-session': session })));
    case 3:
      return count(await sandbox.handle(plain(refused, headers)));
    case 4:
      return count(
        await sandbox.handle({
          method: 'GET',
          path: '/__admin/journal/count',
          search: '',
          headers: { 'x-mock-session': session },
          rawBody: '',
        }),
      );
    default:
      return count(await sandbox.handle(plain(applyOtt, headers)));
  }
}

for (let i = 0; i < 2_000; i++) await send(i);
sandbox.control.reset();
codes.clear();
const start = settledRss();
for (let s = 0; s < sessions; s++) await prepare(`bench-${s}`);
const began = performance.now();
for (let i = 0; i < total; i++) await send(i);
const seconds = (performance.now() - began) / 1000;
const loaded = settledRss();
const held = { journal: internalsOf(sandbox).journal.size, replayIds: internalsOf(sandbox).replay.size };
sandbox.control.reset();
const after = settledRss();
await sandbox.close();

console.log(`${total} mixed requests in-process over ${sessions} sessions, ${(total / seconds).toFixed(0)} req/s`);
console.log(`| RSS at start | after the load | after a reset | reset - start |`);
console.log(`| ${mb(start)} | ${mb(loaded)} | ${mb(after)} | ${mb(after - start)} |`);
console.log(`answers: ${[...codes].map(([code, n]) => `${code} x${n}`).join(', ')}`);
console.log(`held after the load: ${held.journal} journal entries, ${held.replayIds} X-EXTERNAL-IDs`);
if (after - start > 30 * 2 ** 20) {
  console.error('RSS after the reset is more than 30 MB above the start.');
  process.exitCode = 1;
}
