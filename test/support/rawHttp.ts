import { connect } from 'node:net';

/** One HTTP response as read off the socket. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What a connection gave back: every whole response, the bytes left over, and how it ended. */
export interface RawExchange {
  responses: RawResponse[];
  rest: string;
  timedOut: boolean;
}

function decodeChunked(text: string): { body: string; used: number } | undefined {
  let body = '';
  let i = 0;
  for (;;) {
    const eol = text.indexOf('\r\n', i);
    if (eol < 0) return undefined;
    const size = parseInt(text.slice(i, eol), 16);
    if (!Number.isFinite(size)) return undefined;
    if (size === 0) return text.length >= eol + 4 ? { body, used: eol + 4 } : undefined;
    if (text.length < eol + 2 + size + 2) return undefined;
    body += text.slice(eol + 2, eol + 2 + size);
    i = eol + 2 + size + 2;
  }
}

/** Splits raw bytes (latin1 text) into HTTP responses; interim 1xx answers are skipped. */
export function parseResponses(raw: string): { responses: RawResponse[]; rest: string } {
  const responses: RawResponse[] = [];
  let text = raw;
  for (;;) {
    const end = text.indexOf('\r\n\r\n');
    if (end < 0) break;
    const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
    if (!status) break;
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    let rest = text.slice(end + 4);
    let body = '';
    if (status >= 200 && headers['transfer-encoding']?.toLowerCase() === 'chunked') {
      const decoded = decodeChunked(rest);
      if (!decoded) break;
      body = decoded.body;
      rest = rest.slice(decoded.used);
    } else if (status >= 200) {
      const length = Number(headers['content-length'] ?? 0);
      if (Buffer.byteLength(rest, 'latin1') < length) break;
      body = rest.slice(0, length);
      rest = rest.slice(length);
    }
    if (status >= 200) responses.push({ status, headers, body: Buffer.from(body, 'latin1').toString('utf8') });
    text = rest;
  }
  return { responses, rest: text };
}

/**
 * Writes `bytes` to a fresh connection and reads until the server closes it, `expected` responses
 * arrived, or `timeoutMs` passed; `halfClose` ends the writing side after the bytes (an aborted upload),
 * `halfCloseAfterMs` does so if no answer came by then.
 */
export function sendRaw(
  port: number,
  bytes: Buffer | string,
  options: { halfClose?: boolean; halfCloseAfterMs?: number; expected?: number; timeoutMs?: number } = {},
): Promise<RawExchange> {
  const { halfClose = false, halfCloseAfterMs, expected = Infinity, timeoutMs = 3_000 } = options;
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let raw = '';
    let timedOut = false;
    const finish = () => {
      clearTimeout(timer);
      clearTimeout(ending);
      socket.destroy();
      resolve({ ...parseResponses(raw), timedOut });
    };
    const timer = setTimeout(() => {
      timedOut = true;
      finish();
    }, timeoutMs);
    // Unanswered by then: the request may be waiting for body bytes it was promised, so end the stream.
    const ending = halfCloseAfterMs === undefined ? undefined : setTimeout(() => socket.end(), halfCloseAfterMs);
    socket.on('data', (chunk) => {
      raw += chunk.toString('latin1');
      if (parseResponses(raw).responses.length >= expected) finish();
    });
    socket.on('error', () => undefined);
    socket.on('close', finish);
    socket.write(bytes);
    if (halfClose) socket.end();
  });
}
