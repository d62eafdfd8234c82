import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Sandbox } from '../../server/sandbox.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { applyOttWire } from '../endpoints/applyOtt.requests.js';
import { type WireRequest } from '../support/wireRequests.js';

let sandbox: Sandbox;
let port: number;
beforeAll(async () => {
  sandbox = await createTestSandbox();
  port = Number(new URL((await sandbox.listen(0)).url).port);
});
afterAll(() => sandbox.close());

/** How the socket ended, as a raw TCP client sees it: a reset (RST) errors, a clean close (FIN) ends. */
function sendRaw(wire: WireRequest): Promise<{ ended: 'reset' | 'closed'; received: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const head = [
      `${wire.method} ${wire.path} HTTP/1.1`,
      'Host: 127.0.0.1',
      `Content-Length: ${Buffer.byteLength(wire.body ?? '')}`,
      ...Object.entries(wire.headers).map(([k, v]) => `${k}: ${v}`),
    ];
    socket.on('connect', () => socket.write(`${head.join('\r\n')}\r\n\r\n${wire.body ?? ''}`));
    socket.on('data', (chunk) => (received += chunk));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ ended: error.code === 'ECONNRESET' ? 'reset' : 'closed', received }),
    );
    socket.on('end', () => resolve({ ended: 'closed', received }));
  });
}

it('connection-reset resets the TCP connection (RST), as "connection reset by peer", not a clean close', async () => {
  const result = await sendRaw(
    applyOttWire('demo-token-active', 'reset-1', { headers: { 'x-mock-scenario': 'connection-reset' } }),
  );
  expect(result).toEqual({ ended: 'reset', received: '' });
});

it('an ordinary answer is not reset', async () => {
  const result = await sendRaw(applyOttWire('demo-token-active', 'reset-2', { headers: { connection: 'close' } }));
  expect(result.ended).toBe('closed');
  expect(result.received).toMatch(/^HTTP\/1\.1 200 /);
});
