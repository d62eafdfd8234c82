import { createPublicKey, verify } from 'node:crypto';
import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { minifyJson } from '../../server/core/minifyJson.js';
import { sha256Hex } from '../../server/core/rsa.js';
import { internalsOf } from '../../server/internals.js';
import type { Sandbox } from '../../server/sandbox.js';
import { retryDelaysSeconds } from '../../server/webhooks/WebhookDelivery.js';
import { acknowledged, startNotifyReceiver, type NotifyReceiver } from '../support/notifyReceiver.js';
import { createTestSandbox } from '../support/testSandbox.js';

let sandbox: Sandbox;
let receiver: NotifyReceiver | undefined;
beforeEach(async () => {
  sandbox = await createTestSandbox({ webhookTimeoutMs: 1500 });
});
afterEach(async () => {
  await sandbox.close();
  await receiver?.close();
  receiver = undefined;
});

const body = JSON.stringify({
  originalPartnerReferenceNo: 'ref-1',
  latestTransactionStatus: '00',
  amount: { value: '1.00', currency: 'IDR' },
});
const queue = (url: string, session?: string) =>
  internalsOf(sandbox).webhooks.queue({
    kind: 'finishNotify',
    partnerReferenceNo: 'ref-1',
    referenceNo: 'dana-ref-1',
    partnerId: 'partner-1',
    url,
    body,
    session,
  });

test('posts the notify signed with the sandbox DANA key over POST:<path>:<sha256 of the minified body>:<X-TIMESTAMP>', async () => {
  receiver = await startNotifyReceiver();
  queue(receiver.url('/hooks/dana?shop=1'));
  await internalsOf(sandbox).webhooks.settled();
  const [notify] = receiver.received;
  expect(notify.path).toBe('/hooks/dana?shop=1');
  expect(notify.body).toBe(body);
  const timestamp = notify.headers['x-timestamp'] as string;
  expect(timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
  expect(notify.headers).toMatchObject({ 'x-partner-id': 'partner-1', 'channel-id': '95221' });
  expect(notify.headers['x-external-id']).toEqual(expect.any(String));
  const signed = `POST:/hooks/dana?shop=1:${sha256Hex(minifyJson(body))}:${timestamp}`;
  const key = createPublicKey(internalsOf(sandbox).dana.publicKeyPem);
  expect(
    verify('sha256', Buffer.from(signed), key, Buffer.from(notify.headers['x-signature'] as string, 'base64')),
  ).toBe(true);
});

test('retries a partner that answers 500 twice on the sandbox clock, and journals all three attempts', async () => {
  receiver = await startNotifyReceiver([{ status: 500, body: 'oops' }, { status: 500 }, acknowledged]);
  const { webhooks } = internalsOf(sandbox);
  const { id } = queue(receiver.url());
  await webhooks.settled();
  expect(webhooks.get(id)).toMatchObject({ status: 'pending', attempts: [{ outcome: 'rejected', status: 500 }] });
  sandbox.control.clock.advance(retryDelaysSeconds[0] * 1000 - 1000);
  await webhooks.settled();
  expect(receiver.received).toHaveLength(1);
  sandbox.control.clock.advance(1000);
  await webhooks.settled();
  sandbox.control.clock.advance(retryDelaysSeconds[1] * 1000);
  await webhooks.settled();
  expect(receiver.received).toHaveLength(3);
  expect(webhooks.get(id)).toMatchObject({
    status: 'delivered',
    attempts: [
      { number: 1, outcome: 'rejected', status: 500, reason: 'HTTP 500' },
      { number: 2, outcome: 'rejected', status: 500 },
      { number: 3, outcome: 'acknowledged', status: 200 },
    ],
  });
  const journalled = sandbox.control.journal().filter((e) => e.endpoint === 'finishNotify');
  expect(journalled.map((e) => [e.response.status, e.verdicts.attempt, typeof e.verdicts.latencyMs])).toEqual([
    [500, 1, 'number'],
    [500, 2, 'number'],
    [200, 3, 'number'],
  ]);
  expect(journalled[0].request).toMatchObject({ method: 'POST', path: '/dana/finish-notify', rawBody: body });
  expect(journalled[0].response.body).toBe('oops');
});

test('counts a 2xx without a success responseCode, a timeout and a refused connection as failed attempts', async () => {
  receiver = await startNotifyReceiver([
    { status: 200, body: '{"responseCode":"5005601"}' },
    { status: 200, delayMs: 2500 },
  ]);
  const { webhooks } = internalsOf(sandbox);
  const answered = queue(receiver.url());
  await webhooks.settled();
  sandbox.control.clock.advance(retryDelaysSeconds[0] * 1000);
  await webhooks.settled();
  expect(webhooks.get(answered.id)?.attempts.map((a) => a.outcome)).toEqual(['rejected', 'timeout']);
  expect(webhooks.get(answered.id)?.attempts[0].reason).toContain('"5005601"');
  const refused = queue('http://127.0.0.1:9/nobody-listens');
  await webhooks.settled();
  expect(webhooks.get(refused.id)?.attempts).toMatchObject([{ outcome: 'connection-error' }]);
});

test('gives up after the last retry of the schedule', async () => {
  receiver = await startNotifyReceiver([{ status: 503 }]);
  const { webhooks } = internalsOf(sandbox);
  const { id } = queue(receiver.url());
  await webhooks.settled();
  for (const seconds of retryDelaysSeconds) {
    sandbox.control.clock.advance(seconds * 1000);
    await webhooks.settled();
  }
  sandbox.control.clock.advance(24 * 3600 * 1000);
  await webhooks.settled();
  expect(webhooks.get(id)).toMatchObject({ status: 'failed', nextAttemptAt: undefined });
  expect(receiver.received).toHaveLength(retryDelaysSeconds.length + 1);
});

test('redelivers on demand, and sends nothing after close()', async () => {
  receiver = await startNotifyReceiver();
  const { webhooks } = internalsOf(sandbox);
  const { id } = queue(receiver.url());
  await webhooks.settled();
  webhooks.redeliver(id);
  await webhooks.settled();
  expect(webhooks.get(id)?.attempts.map((a) => a.outcome)).toEqual(['acknowledged', 'acknowledged']);
  await sandbox.close();
  queue(receiver.url());
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(receiver.received).toHaveLength(2);
});

test('keeps each session its own deliveries', async () => {
  receiver = await startNotifyReceiver();
  queue(receiver.url(), 'shop-a');
  await internalsOf(sandbox).webhooks.settled();
  expect(internalsOf(sandbox).webhooks.list('shop-a')).toHaveLength(1);
  expect(internalsOf(sandbox).webhooks.list('shop-b')).toHaveLength(0);
});
