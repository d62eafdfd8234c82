import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { ResponseStream, SandboxRequest, SandboxResponse } from '../core/types.js';
import { lastResortFor } from '../protocols/lastResortFor.js';
import { bodyTooLargeReason, decodeBody, maxBodyBytes, refuseContentEncoding } from './readBody.js';

export type SandboxHandler = (request: SandboxRequest) => Promise<SandboxResponse>;
/** Answers a request whose body the adapter could not read, in the protocol's own envelope. */
export type UnreadableHandler = (request: SandboxRequest, reason: string) => SandboxResponse;

/**
 * Splits a request target into path and query. An absolute-form target (`http://host/path`, RFC
 * 9112 3.2.2) is routed on its path; its bytes are kept as sent, since SNAP signs the relative URL.
 */
export function splitTarget(target: string): { path: string; search: string } {
  const relative = target.startsWith('/') ? target : target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  const url = relative.startsWith('/') ? relative : `/${relative}`;
  const q = url.indexOf('?');
  return { path: q < 0 ? url : url.slice(0, q), search: q < 0 ? '' : url.slice(q) };
}

function toSandboxRequest(req: Request, rawBody: string): SandboxRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: req.method, ...splitTarget(req.originalUrl), headers, rawBody };
}

async function send(req: Request, res: Response, out: SandboxResponse): Promise<void> {
  // Unref'd: a pending timeout scenario must not keep a closing sandbox (or a test run) alive.
  if (out.delayMs) await sleep(out.delayMs, undefined, { ref: false });
  if (out.fault === 'connection-reset') {
    // A TCP RST, as a dropped gateway connection looks to clients; destroy() alone closes cleanly (FIN).
    req.socket.resetAndDestroy();
    return;
  }
  const bytes = Buffer.from(out.body, 'utf8');
  if (out.stream) {
    res.writeHead(out.status, out.headers);
    return openStream(req, res, out.body, out.stream);
  }
  // One writeHead with every header: cheaper than Express's status() and a setHeader per header.
  res.writeHead(out.status, { ...out.headers, 'content-length': bytes.length });
  res.end(bytes);
}

/** A response that stays open (server-sent events) until the client leaves or the sandbox closes. */
function openStream(req: Request, res: Response, body: string, stream: ResponseStream): void {
  res.flushHeaders();
  res.write(body);
  const close = stream((chunk) => res.write(chunk));
  req.once('close', close);
  // A client that half-closes (sends FIN) is done listening: end the stream so the connection closes,
  // as it would for any other answer (the server keeps half-open sockets to answer such clients).
  req.socket.once('end', () => {
    close();
    res.end();
  });
}

/** Why a body could not be read, as Express's error handler below reports it (the shape body-parser used). */
type ReadError = Error & { status?: number; type?: string };

/**
 * The body's bytes, read straight from the request: express.raw cost about a third of a bare route's
 * time per request here (docs/performance.md). Past maxBodyBytes the rest is drained, then refused.
 */
function readRawBody(req: Request): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () =>
      Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' }) as ReadError;
    if (Number(req.headers['content-length']) > maxBodyBytes) {
      req.resume();
      return reject(tooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    req.once('end', () =>
      size > maxBodyBytes ? reject(tooLarge()) : resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)),
    );
    req.once('error', (error: ReadError) => reject(Object.assign(error, { status: 400 })));
  });
}

/** The HTTP adapter: raw bytes in (signatures cover them), the core's exact bytes out. Never listens. */
export function createExpressApp(handle: SandboxHandler, unreadable: UnreadableHandler): Express {
  const app = express();
  app.disable('x-powered-by');
  const refuse = (req: Request, res: Response, reason: string) => {
    let out: SandboxResponse;
    try {
      out = unreadable(toSandboxRequest(req, ''), reason);
    } catch {
      // Even the core's error path failed: the protocol's general error, never Express's HTML page.
      out = lastResortFor(req.path);
    }
    void send(req, res, out);
  };
  // Refused before reading, the same way the MSW adapter refuses it (server/adapters/readBody.ts).
  app.use((req, res, next) => {
    const why = refuseContentEncoding({ 'content-encoding': req.get('content-encoding') ?? '' });
    if (why) refuse(req, res, why);
    else next();
  });
  app.use((req, res, next) => {
    readRawBody(req).then((body) => {
      const decoded = decodeBody(body);
      if ('reason' in decoded) return refuse(req, res, decoded.reason);
      handle(toSandboxRequest(req, decoded.text)).then((out) => send(req, res, out), next);
    }, next);
  });
  // Express's own error page is HTML with a stack trace: answer in the protocol's envelope instead.
  app.use((error: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
    refuse(
      req,
      res,
      error.type === 'entity.too.large'
        ? bodyTooLargeReason
        : `${error.message}${error.status ? ` (HTTP ${error.status})` : ''}`,
    );
  });
  return app;
}

/**
 * What can be read of a request Node could not parse: its request line and the header lines
 * before the fault (best effort, so X-Debug-Mode and X-Mock-Session still apply).
 */
function readRawPacket(rawPacket: unknown): Pick<SandboxRequest, 'method' | 'path' | 'search' | 'headers'> | undefined {
  if (!Buffer.isBuffer(rawPacket)) return undefined;
  const [first, ...rest] = rawPacket
    .subarray(0, 64 * 1024)
    .toString('latin1')
    .split(/\r?\n/);
  // A lower-case or unknown method and extra spaces are the fault, the path still names the endpoint;
  // without an HTTP version the line is no request line and names nothing.
  const line = /^(\S+)[ \t]+(\S+)[ \t]+HTTP\/\d\.\d(?![^ \t])/.exec(first);
  if (!line) return undefined;
  const headers: Record<string, string> = {};
  for (const header of rest) {
    if (header === '') break;
    const colon = header.indexOf(':');
    // Only short, well-formed lines: an oversized header is the fault itself.
    if (colon > 0 && header.length <= 1024)
      headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
  }
  return { method: line[1], ...splitTarget(line[2]), headers };
}

function writeRaw(socket: Duplex, out: SandboxResponse): void {
  const body = Buffer.from(out.body, 'utf8');
  const headers = Object.entries({ ...out.headers, 'content-length': String(body.length), connection: 'close' })
    .map(([n, v]) => `${n}: ${v}\r\n`)
    .join('');
  socket.end(
    Buffer.concat([
      Buffer.from(`HTTP/1.1 ${out.status} ${STATUS_CODES[out.status] ?? ''}\r\n${headers}\r\n`, 'latin1'),
      body,
    ]),
  );
}

/** The request line and headers of a request Node parsed, as the core's unreadable path takes them. */
function fromIncoming(req: IncomingMessage): SandboxRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return { method: req.method ?? 'POST', ...splitTarget(req.url ?? '/'), headers, rawBody: '' };
}

function answer(unreadable: UnreadableHandler, request: SandboxRequest, reason: string): SandboxResponse {
  try {
    return unreadable(request, reason);
  } catch {
    return lastResortFor(request.path);
  }
}

function describeParseError(error: NodeJS.ErrnoException): string {
  if (error.code === 'HPE_HEADER_OVERFLOW') return 'the request headers are larger than the 16 KB Node accepts.';
  if (error.code === 'HPE_INVALID_EOF_STATE') return 'the connection ended before the request was complete.';
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'the request did not arrive in full in time.';
  return `the request is not valid HTTP (${error.code ?? error.message}).`;
}

/**
 * Node refuses some requests before Express sees them (headers over 16 KB, a bad Content-Length, a
 * malformed request line, a body cut short) with a bare status line: answer those through the core's
 * unreadable path, in the envelope of the endpoint the request line names (SNAP's general one if none
 * can be read). A request still being answered on the same connection is answered first, so bytes sent
 * after a too-short Content-Length never take the place of the real answer.
 */
function answerUnparsableRequest(
  unreadable: UnreadableHandler,
  error: NodeJS.ErrnoException & { rawPacket?: unknown },
  socket: Duplex,
): void {
  if (!socket.writable) return void socket.destroy();
  // Node's own handler looks at the same member: the response of the request being read or answered.
  const pending = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (pending && !pending.writableFinished) {
    if (!pending.req.complete)
      return writeRaw(socket, answer(unreadable, fromIncoming(pending.req), describeParseError(error)));
    pending.once('finish', () => answerUnparsableRequest(unreadable, error, socket));
    return;
  }
  const request: SandboxRequest = {
    method: 'POST',
    path: '',
    search: '',
    headers: {},
    ...readRawPacket(error.rawPacket),
    rawBody: '',
  };
  writeRaw(socket, answer(unreadable, request, describeParseError(error)));
}

/** Listens on `port` (0 = any free port) and resolves with the server and its URL; `unreadable` answers what Node refuses. */
export function listen(
  app: Express,
  port: number,
  host: string,
  unreadable: UnreadableHandler,
): Promise<{ server: Server; url: string }> {
  return new Promise((resolve, reject) => {
    // DANA's gateway does not insist on Host; a partner's client that omits it must not get a bare 400.
    // Express routes only origin-form targets and answers others (`http://host`, `*`) with its HTML 404:
    // hand it the path the sandbox routes on, as the core would read it anyway.
    const serve = (req: IncomingMessage, res: ServerResponse) => {
      if (!req.url?.startsWith('/')) {
        const { path, search } = splitTarget(req.url ?? '');
        req.url = path + search;
      }
      app(req, res);
    };
    const server = createServer({ requireHostHeader: false }, serve);
    // A client that sends its request and half-closes (shuts down its writing side) still gets the answer:
    // with RSA checks on the thread pool the answer is no longer written before Node reads that end.
    (server as Server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
    server.on('error', reject);
    server.on('clientError', (error, socket) => answerUnparsableRequest(unreadable, error, socket));
    // Node answers an Expect other than 100-continue with a bare 417; the header asks nothing DANA's
    // gateway is known to honour, so the request is answered as if it were absent.
    server.on('checkExpectation', serve);
    // Node hands CONNECT to this event and otherwise closes the connection unanswered: the sandbox is
    // no proxy, so the path's endpoint refuses it in its own envelope.
    server.on('connect', (req: IncomingMessage, socket: Duplex) =>
      writeRaw(
        socket,
        answer(
          unreadable,
          fromIncoming(req),
          'CONNECT is not a method the sandbox answers: it is no proxy; send the method the endpoint takes.',
        ),
      ),
    );
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ server, url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}` });
    });
  });
}
