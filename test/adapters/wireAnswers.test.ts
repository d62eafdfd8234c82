import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { envelopeCases } from '../../server/protocols/envelope/envelopeCases.js';
import { snapCases } from '../../server/protocols/snap/snapCases.js';
import type { Sandbox } from '../../server/sandbox.js';
import { sendRaw, type RawResponse } from '../support/rawHttp.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { pushPath } from '../endpoints/pushNotificationUser.requests.js';

let sandbox: Sandbox;
let port: number;
beforeAll(async () => {
  sandbox = await createTestSandbox();
  port = Number(new URL((await sandbox.listen(0)).url).port);
});
afterAll(() => sandbox.close());

const applyOttPath = '/rest/v1.1/qr/apply-ott';
const request = (head: string, body = '') => `${head}\r\nHost: localhost\r\n\r\n${body}`;
const card = (token: string) => JSON.stringify({ bankCardToken: token, status: 'ACTIVE' });
const postCard = (token: string, extraHeaders = '', declaredLength = Buffer.byteLength(card(token))) =>
  `POST /__admin/fixtures/cards HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n${extraHeaders}Content-Length: ${declaredLength}\r\n\r\n${card(token)}`;

const json = (res: RawResponse) => {
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return JSON.parse(res.body);
};
const adminMessage = (res: RawResponse): string => json(res).error.message;
const snapCode = (res: RawResponse): string => json(res).responseCode;
const envelopeResult = (res: RawResponse) => json(res).response.body.resultInfo;

describe('whatever arrives on the socket, the answer is the JSON of the endpoint the request line names', () => {
  it('answers a request with an Expect other than 100-continue as if it had none (Node answered a bare 417)', async () => {
    const { responses } = await sendRaw(port, postCard('expect-foo', 'Expect: foo\r\n'), { expected: 1 });
    expect(responses[0].status).toBe(201);
    expect(json(responses[0]).cards).toEqual([{ bankCardToken: 'expect-foo', status: 'ACTIVE' }]);
  });

  it('answers Expect: 100-continue with the interim 100, then the endpoint JSON', async () => {
    const { responses } = await sendRaw(
      port,
      `POST ${pushPath} HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}`,
      { expected: 1 },
    );
    expect(envelopeResult(responses[0]).resultCode).toBe(envelopeCases.paramMissing.resultCode);
  });

  it.each([
    ['an endpoint path in its own envelope', `CONNECT ${applyOttPath} HTTP/1.1`, '4004900'],
    ['an authority (a proxy request) in SNAP general envelope', 'CONNECT example.com:443 HTTP/1.1', '4000000'],
  ])('answers CONNECT to %s instead of closing the connection', async (_name, line, code) => {
    const { responses } = await sendRaw(port, request(line), { expected: 1 });
    expect(responses[0].status).toBe(400);
    expect(snapCode(responses[0])).toBe(code);
  });

  it('answers CONNECT to the control plane in the admin shape', async () => {
    const { responses } = await sendRaw(port, request('CONNECT /__admin/health HTTP/1.1'), { expected: 1 });
    expect(responses[0].status).toBe(400);
    expect(adminMessage(responses[0])).toMatch(/CONNECT is not a method the sandbox answers/);
  });

  it('answers TRACE on an envelope endpoint with INVALID_API, and an unknown verb on the control plane in the admin shape', async () => {
    const trace = await sendRaw(port, request(`TRACE ${pushPath} HTTP/1.1`), { expected: 1 });
    expect(envelopeResult(trace.responses[0]).resultCode).toBe(envelopeCases.invalidApi.resultCode);
    const brew = await sendRaw(port, request('BREW /__admin/health HTTP/1.1'), { expected: 1 });
    expect(brew.responses[0].status).toBe(400);
    expect(adminMessage(brew.responses[0])).toMatch(/not valid HTTP/);
  });

  it('answers the real request first when bytes follow its declared body, then the garbage, then closes', async () => {
    const { responses, timedOut } = await sendRaw(port, `${postCard('pipelined')}GARBAGE / \r\n\r\n`);
    expect(timedOut).toBe(false);
    expect(responses.map((r) => r.status)).toEqual([201, 400]);
    expect(json(responses[0]).cards[0].bankCardToken).toBe('pipelined');
    expect(adminMessage(responses[1])).toMatch(/not valid HTTP/);
    expect(sandbox.control.listFixtures('cards').map((c) => c.bankCardToken)).toContain('pipelined');
  });

  it('answers a body cut short on /v1/ in the envelope (MSG_PARSE_ERROR), not SNAP', async () => {
    const { responses } = await sendRaw(
      port,
      `POST ${pushPath} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{"request"`,
      { halfClose: true, expected: 1 },
    );
    expect(responses[0].status).toBe(200);
    expect(envelopeResult(responses[0])).toEqual(envelopeCases.msgParseError);
  });

  it('answers a body cut short on the control plane in the admin shape, naming why', async () => {
    const { responses } = await sendRaw(
      port,
      `POST /__admin/fixtures/cards HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{"bank`,
      { halfClose: true, expected: 1 },
    );
    expect(responses[0].status).toBe(400);
    expect(adminMessage(responses[0])).toBe(
      'The request could not be read: the connection ended before the request was complete.',
    );
  });

  it('answers a body cut short on a SNAP endpoint with its bad request code', async () => {
    const { responses } = await sendRaw(
      port,
      `POST ${applyOttPath} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{"user`,
      { halfClose: true, expected: 1 },
    );
    expect(responses[0].status).toBe(400);
    expect(json(responses[0])).toEqual({ responseCode: '4004900', responseMessage: snapCases.badRequest.message });
  });
});
