import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { maxJsonDepth } from '../../server/core/parseJsonBody.js';
import { envelopeCases } from '../../server/protocols/envelope/envelopeCases.js';
import { snapCases } from '../../server/protocols/snap/snapCases.js';
import type { Sandbox } from '../../server/sandbox.js';
import { pushBody, pushHead, sendEnvelope } from '../endpoints/pushNotificationUser.requests.js';
import { signEnvelope } from '../support/envelopeRequest.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { createTestSandbox } from '../support/testSandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

/** `{"a":{"a":...1...}}`, `levels` objects deep. */
const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** A correctly signed envelope whose body.envInfo nests `levels` deep (the whole body 2 more). */
function deepEnvelope(levels: number): string {
  const member = `{"head":${JSON.stringify(pushHead())},"body":${JSON.stringify(pushBody()).slice(0, -1)},"envInfo":${nested(levels)}}}`;
  return `{"request":${member},"signature":"${signEnvelope(member)}"}`;
}

const deepOtt = (levels: number) =>
  `{"userResources":["OTT"],"additionalInfo":{"accessToken":"demo-token-active","extra":${nested(levels)}}}`;

describe("deeply nested JSON is the client's fault, never a SYSTEM_ERROR or a 5xx", () => {
  it.each([5_000, 100_000])(
    'answers a correctly signed envelope nesting %i levels with MSG_PARSE_ERROR naming the depth',
    async (levels) => {
      const res = await sendEnvelope(sandbox.app, {
        raw: deepEnvelope(levels),
        headers: { 'X-Debug-Mode': 'true' },
        session: `deep-${levels}`,
      });
      expect(res.status).toBe(200);
      expect(res.body.response.body.resultInfo).toEqual(envelopeCases.msgParseError);
      expect(res.body.response.body.additionalInfo.debugMessage).toBe(
        `The body nests JSON ${levels + 3} levels deep; at most ${maxJsonDepth} are accepted.`,
      );
    },
  );

  it('accepts an envelope nesting as deep as the limit', async () => {
    const res = await sendEnvelope(sandbox.app, { raw: deepEnvelope(maxJsonDepth - 3), session: 'deep-limit' });
    expect(res.body.response.body.resultInfo.resultCode).toBe(envelopeCases.successful.resultCode);
  });

  it.each([5_000, 100_000])(
    'answers a correctly signed Apply OTT body nesting %i levels with 4004900 naming the depth',
    async (levels) => {
      const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
        body: deepOtt(levels),
        headers: { 'X-Debug-Mode': 'true' },
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ responseCode: '4004900', responseMessage: snapCases.badRequest.message });
      expect(res.body.additionalInfo.debugMessage).toBe(
        `The body nests JSON ${levels + 2} levels deep; at most ${maxJsonDepth} are accepted.`,
      );
    },
  );

  it('accepts an Apply OTT body nesting as deep as the limit', async () => {
    expect(
      (await sendApplyOtt(sandbox.app, 'demo-token-active', { body: deepOtt(maxJsonDepth - 2) })).body.responseCode,
    ).toBe('2004900');
  });

  it('counts only brackets outside strings', async () => {
    const body = JSON.stringify({
      userResources: ['OTT'],
      additionalInfo: { accessToken: 'demo-token-active', note: '{['.repeat(5_000) },
    });
    expect((await sendApplyOtt(sandbox.app, 'demo-token-active', { body })).body.responseCode).toBe('2004900');
  });

  it('refuses an over-deep body from its text, never handing it to JSON.parse (a 1 MiB one cost ~400 ms there)', async () => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const envelope = deepEnvelope(100_000);
      const ott = deepOtt(100_000);
      const parsedTexts = parse.mock.calls.map(([text]) => text);
      expect(parsedTexts).not.toContain(envelope);
      expect(parsedTexts).not.toContain(ott);
    } finally {
      parse.mockRestore();
    }
  });
});
