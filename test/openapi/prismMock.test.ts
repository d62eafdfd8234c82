import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { snapResponseCode, snapResponseMessage, type SnapCaseKey } from '../../server/protocols/snap/snapCases.js';

/** Apply OTT's wire codes: SNAP service code 49. */
const ottCode = (key: SnapCaseKey) => snapResponseCode(key, '49');

/** A port free now, found at run time (Prism takes no port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

let prism: ChildProcess;
let base: string;
beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  prism = spawn(
    process.execPath,
    [
      'node_modules/@stoplight/prism-cli/dist/index.js',
      'mock',
      'postman/dana-mock.openapi.json',
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Prism is listening')) resolve();
    };
    prism.stdout!.on('data', read);
    prism.stderr!.on('data', read);
    prism.once('exit', (code) => reject(new Error(`Prism exited (${code}) before listening:\n${log}`)));
  });
}, 60_000);
afterAll(() => {
  prism?.kill();
});

const applyOtt = (prefer?: string) =>
  fetch(`${base}/rest/v1.1/qr/apply-ott`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-timestamp': '2026-11-22T10:00:00+07:00',
      'x-partner-id': '2026112200000000000001',
      'x-external-id': 'prism-1',
      'channel-id': '95221',
      'x-signature': 'c2lnbmVk',
      'authorization-customer': 'Bearer demo-token-active',
      'x-device-id': 'prism',
      ...(prefer && { prefer }),
    },
    body: '{"userResources":["OTT"],"additionalInfo":{"accessToken":"demo-token-active"}}',
  });

describe('Prism mocking postman/dana-mock.openapi.json', () => {
  it('answers Apply OTT with a DANA-shaped 2004900 and an OTT', async () => {
    const res = await applyOtt();
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      responseCode: ottCode('successful'),
      responseMessage: snapResponseMessage('successful'),
    });
    expect(body.userResources).toEqual([{ resourceType: 'OTT', value: expect.any(String) }]);
  });

  it('answers 4014900 Unauthorized. Invalid Signature on Prefer: code=401', async () => {
    const res = await applyOtt('code=401');
    expect(res.status).toBe(401);
    await expect(res.json()).resolves.toEqual({
      responseCode: ottCode('unauthorized'),
      responseMessage: snapResponseMessage('unauthorized', 'Invalid Signature'),
    });
  });

  it('answers the named example of a wire code on Prefer: code=401, example=4014902', async () => {
    const res = await applyOtt('code=401, example=4014902');
    await expect(res.json()).resolves.toMatchObject({ responseCode: ottCode('invalidCustomerToken') });
  });
});
