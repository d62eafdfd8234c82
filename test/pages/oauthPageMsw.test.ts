import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { setupServer } from 'msw/node';
import { createDanaHandlers } from '../../server/adapters/msw.js';
import type { Sandbox } from '../../server/sandbox.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { oauthUrlFor } from './oauthUrl.js';

let sandbox: Sandbox;
const server = setupServer();
beforeAll(async () => {
  sandbox = await createTestSandbox();
  server.use(...createDanaHandlers(sandbox));
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(async () => {
  server.close();
  await sandbox.close();
});

it("answers the OAuth URL dana-node generates, on DANA's page host, in-process through MSW", async () => {
  const generated = new URL(oauthUrlFor('https://m.sandbox.dana.id', { redirectUrl: 'https://partner.example/cb' }));
  expect(generated.origin).toBe('https://m.sandbox.dana.id');
  const res = await fetch(generated);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(await res.text()).toContain('data-step="phone"');
});

it('logs in through MSW: the last step redirects to redirectUrl with authCode and state', async () => {
  const url = oauthUrlFor('https://m.sandbox.dana.id', { redirectUrl: 'https://partner.example/cb', state: 'msw' });
  const res = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ step: 'pin', phone: '083811223355', consent: 'agree', pin: '181818' }),
  });
  expect(res.status).toBe(303);
  const location = new URL(res.headers.get('location')!);
  expect(location.origin + location.pathname).toBe('https://partner.example/cb');
  expect(location.searchParams.get('state')).toBe('msw');
  expect(location.searchParams.get('authCode')).toBeTruthy();
});
