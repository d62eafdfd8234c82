import net from 'node:net';
import { createSandbox } from './server/sandbox.ts';
const sb = await createSandbox({ logLevel: 'silent' });
const { url, server } = await sb.listen(0);
const port = Number(new URL(url).port);
function raw(bytes: string, opts: { halfClose?: boolean; wait?: number } = {}): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let out = '';
    s.on('data', (d) => (out += d));
    s.on('error', (e) => (out += `<<error ${e.message}>>`));
    s.on('close', () => resolve(out));
    s.write(bytes);
    if (opts.halfClose) s.end();
    setTimeout(() => { s.destroy(); }, opts.wait ?? 1500);
  });
}
const cases: Record<string, [string, { halfClose?: boolean }?]> = {
  expectFoo: ['POST /__admin/fixtures/cards HTTP/1.1\r\nHost: x\r\nExpect: foo\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}'],
  expect100: ['POST /v1/payments/pushNotificationUser HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}'],
  connect: ['CONNECT /rest/v1.1/qr/apply-ott HTTP/1.1\r\nHost: x\r\n\r\n'],
  connectAuth: ['CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n'],
  trace: ['TRACE /v1/payments/pushNotificationUser HTTP/1.1\r\nHost: x\r\n\r\n'],
  foo: ['FOO /__admin/health HTTP/1.1\r\nHost: x\r\n\r\n'],
  upgrade: ['GET /__admin/health HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n'],
  pipelined: ['POST /__admin/fixtures/cards HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 42\r\n\r\n{"bankCardToken":"pipe1","status":"ACTIVE"}garbage garbage\r\n\r\n'],
  abortedV1: ['POST /v1/payments/pushNotificationUser HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"req', { halfClose: true }],
  abortedAdmin: ['POST /__admin/fixtures/cards HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"req', { halfClose: true }],
  garbage: ['\x00\x01hello\r\n\r\n'],
  chunkedBad: ['POST /__admin/fixtures/cards HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n'],
};
for (const [name, [bytes, opts]] of Object.entries(cases)) {
  console.log(`=== ${name}\n${JSON.stringify(await raw(bytes, opts))}`);
}
server.close(); await sb.close(); process.exit(0);
