import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createDanaHandlers } from '../../server/adapters/msw.js';
import type { Sandbox } from '../../server/sandbox.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { applyOttWire } from '../endpoints/applyOtt.requests.js';

let sandbox: Sandbox;
const server = setupServer();
beforeAll(async () => {
  sandbox = await createTestSandbox({ baseUrls: ['https://gateway.partner.test'] });
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => server.resetHandlers());
afterAll(async () => {
  server.close();
  await sandbox.close();
});

const health = (origin: string) =>
  fetch(`${origin}/__admin/health`).then((r) => r.json() as Promise<{ status: string }>);

describe('MSW handlers', () => {
  it.each([
    'https://api.sandbox.dana.id',
    'https://api.saas.dana.id',
    'https://gateway.partner.test',
    'https://extra.partner.test',
  ])('answer requests to %s from the sandbox', async (origin) => {
    server.use(...createDanaHandlers(sandbox, { baseUrls: ['https://extra.partner.test'] }));
    expect(await health(origin)).toEqual(expect.objectContaining({ status: 'ok' }));
  });

  it('leave requests to other hosts to other handlers', async () => {
    server.use(
      ...createDanaHandlers(sandbox),
      http.get('https://other.example/__admin/health', () => HttpResponse.json({ status: 'someone else' })),
    );
    expect(await health('https://other.example')).toEqual({ status: 'someone else' });
  });

  it('turn a connection-reset scenario into a network error', async () => {
    server.use(...createDanaHandlers(sandbox));
    const wire = applyOttWire('demo-token-active', 'msw-reset', { headers: { 'x-mock-scenario': 'connection-reset' } });
    await expect(
      fetch(`https://api.sandbox.dana.id${wire.path}`, { method: 'POST', headers: wire.headers, body: wire.body }),
    ).rejects.toThrow(TypeError);
  });

  it('refuse a base URL with a path when created, naming it, rather than take over its whole origin', () => {
    expect(() => createDanaHandlers(sandbox, { baseUrls: ['https://gw.partner.test/dana/'] })).toThrow(
      '"https://gw.partner.test/dana/" has a path',
    );
    expect(() => createDanaHandlers(sandbox, { baseUrls: ['not a url'] })).toThrow('"not a url" is not a URL');
    expect(createDanaHandlers(sandbox, { baseUrls: ['https://gw.partner.test/'] })).toHaveLength(4);
  });
});
