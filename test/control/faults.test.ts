import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sandbox } from '../../server/sandbox.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { createTestSandbox } from '../support/testSandbox.js';

let sandbox: Sandbox;
let url: string;
beforeAll(async () => {
  sandbox = await createTestSandbox({ timeoutDelayMs: 3_000 });
  url = (await sandbox.listen(0)).url;
});
afterAll(() => sandbox.close());

const withScenario = (scenario: string) =>
  sendApplyOtt(url as never, 'demo-token-active', { headers: { 'X-Mock-Scenario': scenario } });

describe('fault scenarios as a client sees them', () => {
  it('timeout: no answer within the client timeout', async () => {
    await expect(withScenario('timeout').timeout({ response: 200 })).rejects.toMatchObject({ timeout: 200 });
  });

  it('empty-response: HTTP 200 with an empty body', async () => {
    const res = await withScenario('empty-response');
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
  });

  it('malformed-json: a body that does not parse', async () => {
    const res = await withScenario('malformed-json')
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c));
        r.on('end', () => done(null, text));
      });
    expect(() => JSON.parse(res.body as string)).toThrow();
    expect(res.body as string).toMatch(/^\{"responseCode":"2004900"/);
  });

  it('connection-reset: the connection drops without an answer', async () => {
    await expect(withScenario('connection-reset')).rejects.toMatchObject({
      code: expect.stringMatching(/ECONNRESET|socket hang up/i),
    });
  });

  it('journals what the client got, with the scenario that chose it', async () => {
    sandbox.control.clearJournal();
    await withScenario('empty-response');
    const [entry] = sandbox.control.journal({ endpoint: 'applyOtt' });
    expect(entry).toMatchObject({ scenario: 'empty-response', response: { status: 200, body: '' } });
  });
});
