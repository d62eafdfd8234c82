import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stand-in for the partner's redirectUrl target on a free port: it only says where the browser landed. */
export async function startPartnerSite(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end('<!doctype html><title>Partner</title><h1>Back at the partner</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
