import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { SandboxRequest, SandboxResponse } from '../core/types.js';
import { lastResortFor } from '../protocols/lastResortFor.js';

export type SandboxHandler = (request: SandboxRequest) => Promise<SandboxResponse>;
/** Answers a request whose body the adapter could not read, in the protocol's own envelope. */
export type UnreadableHandler = (request: SandboxRequest, reason: string) => SandboxResponse;


function toSandboxRequest(req: Request, rawBody: string): SandboxRequest {
  const url = req.originalUrl;
  const q = url.indexOf('?');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: req.method, path: q < 0 ? url : url.slice(0, q), search: q < 0 ? '' : url.slice(q), headers, rawBody };
}

async function send(req: Request, res: Response, out: SandboxResponse): Promise<void> {
  // Unref'd: a pending timeout scenario must not keep a closing sandbox (or a test run) alive.
  if (out.delayMs) await sleep(out.delayMs, undefined, { ref: false });
  if (out.fault === 'connection-reset') {
    req.socket.destroy();
    return;
  }
  const bytes = Buffer.from(out.body, 'utf8');
  res.status(out.status);
  for (const [name, value] of Object.entries(out.headers)) res.setHeader(name, value);
  res.setHeader('content-length', bytes.length);
  res.end(bytes);
}

/** The HTTP adapter: raw bytes in (signatures cover them), the core's exact bytes out. Never listens. */
export function createExpressApp(handle: SandboxHandler, unreadable: UnreadableHandler): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.raw({ type: () => true, limit: '1mb' }));
  app.use((req, res, next) => {
    const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    handle(toSandboxRequest(req, raw)).then((out) => send(req, res, out), next);
  });
  // Express's own error page is HTML with a stack trace: answer in the protocol's envelope instead.
  app.use((error: Error & { status?: number }, req: Request, res: Response, _next: NextFunction) => {
    let out: SandboxResponse;
    try {
      out = unreadable(toSandboxRequest(req, ''), `${error.message}${error.status ? ` (HTTP ${error.status})` : ''}`);
    } catch {
      // Even the core's error path failed: the protocol's general error, never Express's HTML page.
      out = lastResortFor(req.path);
    }
    void send(req, res, out);
  });
  return app;
}

/**
 * Node refuses some requests before Express sees them (headers over 16 KB, a malformed request
 * line) with a bare status line: answer those in SNAP's envelope too, saying why.
 */
function answerUnparsableRequest(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable) return void socket.destroy();
  const why = error.code === 'HPE_HEADER_OVERFLOW' ? 'The request headers are larger than the 16 KB Node accepts.' : `The request is not valid HTTP (${error.code ?? error.message}).`;
  const body = JSON.stringify({ responseCode: '4000000', responseMessage: 'Bad Request', additionalInfo: { debugMessage: why } });
  socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** Listens on `port` (0 = any free port) and resolves with the server and its URL. */
export function listen(app: Express, port: number, host: string): Promise<{ server: Server; url: string }> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => {
      if (error) return reject(error);
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ server, url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}` });
    });
    server.on('error', reject);
    server.on('clientError', answerUnparsableRequest);
  });
}
