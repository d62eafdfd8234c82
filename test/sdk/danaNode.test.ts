import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Dana, ResponseError } from 'dana-node';
import { setupServer } from 'msw/node';
import { createDanaHandlers } from '../../server/adapters/msw.js';
import { snapResponseMessage } from '../../server/protocols/snap/snapCases.js';
import { createSandbox, type Sandbox } from '../../server/sandbox.js';
import { demoPartner } from '../support/partners.js';
import { createDanaClient, isolateSdkEnvironment, partnerPrivateKey } from '../support/danaNodeClient.js';

const privateKey = partnerPrivateKey;
let restoreEnvironment: () => void;

/** A client exactly as a partner builds one; `url` re-points it from DANA's host to the HTTP sandbox. */
const client = (url?: string, key = privateKey('demo-partner')): Dana =>
  createDanaClient('widgetApi', url, { privateKey: key });

const applyOtt = (dana: Dana, accessToken: string, userResources = ['OTT']) =>
  dana.widgetApi.applyOTT({
    userResources: userResources as never,
    additionalInfo: { accessToken, deviceId: 'jest-device' },
  });

async function failure(call: Promise<unknown>): Promise<ResponseError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ResponseError);
  return error as ResponseError;
}

/** Two sandboxes, so each test can prove which path its request took: MSW's or HTTP's. */
let inProcess: Sandbox;
let sandbox: Sandbox;
let url: string;
const mswServer = setupServer();
beforeAll(async () => {
  restoreEnvironment = isolateSdkEnvironment();
  inProcess = await createSandbox({ inMemory: true, logLevel: 'silent' });
  sandbox = await createSandbox({ inMemory: true, logLevel: 'silent' });
  url = (await sandbox.listen(0)).url;
  mswServer.use(...createDanaHandlers(inProcess));
  mswServer.listen({ onUnhandledRequest: 'bypass' });
});
afterAll(async () => {
  mswServer.close();
  await inProcess.close();
  await sandbox.close();
  restoreEnvironment();
});

/** Runs the SDK call and checks that `expected`, and not the other sandbox, answered it. */
async function answeredBy<T>(expected: () => Sandbox, call: () => Promise<T>): Promise<T> {
  const count = (s: Sandbox) => s.control.journal().length;
  const before = [count(inProcess), count(sandbox)];
  const result = await call().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const grew = [count(inProcess) - before[0], count(sandbox) - before[1]];
  expect(grew).toEqual(expected() === inProcess ? [1, 0] : [0, 1]);
  if ('error' in result) throw result.error;
  return result.value;
}

describe.each([
  ['in-process through MSW', (key?: string) => client(undefined, key), () => inProcess],
  ['over HTTP', (key?: string) => client(url, key), () => sandbox],
])('dana-node widgetApi.applyOTT %s', (_mode, makeClient, target) => {
  it('returns the OTT of an active customer token', async () => {
    const res = await answeredBy(target, () => applyOtt(makeClient(), 'demo-token-active'));
    expect(res.responseCode).toBe('2004900');
    expect(res.userResources?.[0]).toEqual({ resourceType: 'OTT', value: expect.stringMatching(/^.{43}$/) });
  });

  it('throws ResponseError 401 with 4014904 for an unknown token', async () => {
    const error = await failure(answeredBy(target, () => applyOtt(makeClient(), 'no-such-token')));
    expect(error.status).toBe(401);
    expect(error.rawResponse).toEqual({ responseCode: '4014904', responseMessage: 'Customer Token Not Found' });
  });

  it('throws ResponseError 400 with 4004901 for an invalid userResources entry', async () => {
    const error = await failure(answeredBy(target, () => applyOtt(makeClient(), 'demo-token-active', ['OTTasd!#$'])));
    expect(error.status).toBe(400);
    expect(error.rawResponse).toEqual({
      responseCode: '4004901',
      responseMessage: snapResponseMessage('invalidFieldFormat', 'userResources'),
    });
  });

  it('throws ResponseError 401 with 4014900 when signed with a key the partner did not register', async () => {
    const error = await failure(
      answeredBy(target, () => applyOtt(makeClient(privateKey('other-partner')), 'demo-token-active')),
    );
    expect(error.status).toBe(401);
    expect(error.rawResponse).toEqual({
      responseCode: '4014900',
      responseMessage: snapResponseMessage('unauthorized', 'Invalid Signature'),
    });
  });
});

describe('what dana-node sends', () => {
  it("is accepted as sent: host-offset X-TIMESTAMP, 'sdk' X-EXTERNAL-ID and <partnerId>-SERVER CHANNEL-ID", async () => {
    sandbox.control.clearJournal();
    await applyOtt(client(url), 'demo-token-active');
    const [entry] = sandbox.control.journal({ endpoint: 'applyOtt' });
    expect(entry.code).toBe('2004900');
    expect(entry.request.headers['channel-id']).toBe(`${demoPartner.partnerId}-SERVER`);
    expect(entry.request.headers['x-external-id']).toMatch(/^sdk.{33}$/);
    expect(entry.request.headers['x-timestamp']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
  });
});

describe('dana-node quirks worth knowing', () => {
  it('rejects a real Indonesian longitude (three integer digits) itself, before anything is sent', async () => {
    sandbox.control.clearJournal();
    const call = client(url).widgetApi.applyOTT({
      userResources: ['OTT'] as never,
      additionalInfo: { accessToken: 'demo-token-active', deviceId: 'd', latitude: '-6.1088', longitude: '106.7782' },
    });
    await expect(call).rejects.toThrow();
    expect(sandbox.control.journal()).toHaveLength(0);
  });
});
