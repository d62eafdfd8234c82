import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One notify as the partner's server received it. */
export interface ReceivedNotify {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the receiver answers, in order; the last one repeats. */
export interface ScriptedAnswer {
  status: number;
  body?: string;
  /** Wait this long before answering (to provoke a timeout). */
  delayMs?: number;
}

export const acknowledged: ScriptedAnswer = {
  status: 200,
  body: JSON.stringify({ responseCode: '2005600', responseMessage: 'Successful' }),
};

/** A partner's webhook endpoint on a loopback port chosen by the OS. */
export interface NotifyReceiver {
  url: (path?: string) => string;
  received: ReceivedNotify[];
  close(): Promise<void>;
}

export async function startNotifyReceiver(answers: ScriptedAnswer[] = [acknowledged]): Promise<NotifyReceiver> {
  const received: ReceivedNotify[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = answers[Math.min(received.length - 1, answers.length - 1)];
      setTimeout(() => {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(answer.body ?? '{}');
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = '/dana/finish-notify') => `http://127.0.0.1:${port}${path}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
