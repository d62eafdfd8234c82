import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { internalsOf } from '../../server/internals.js';
import type { Sandbox } from '../../server/sandbox.js';
import { oauthUrlFor } from './oauthUrl.js';
import { createTestSandbox } from '../support/testSandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

/** The path and query dana-node generates, with one parameter changed (undefined = removed). */
function pathWith(change: Record<string, string | undefined>, mode: 'API' | 'DEEPLINK' = 'API'): string {
  const url = new URL(oauthUrlFor('http://sandbox.test', { redirectUrl: 'https://partner.example/cb', mode }));
  for (const [name, value] of Object.entries(change)) {
    if (value === undefined) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  return `${url.pathname}${url.search}`;
}

describe('the OAuth page query', () => {
  it.each([
    ['API', '/v1.0/get-auth-code'],
    ['DEEPLINK', '/n/link/binding'],
  ] as const)('serves the phone step for the query dana-node builds in %s mode (%s)', async (mode, path) => {
    const res = await request(sandbox.app).get(pathWith({}, mode));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(new URL(`http://x${pathWith({}, mode)}`).pathname).toBe(path);
    expect(res.text).toContain('data-step="phone"');
  });

  it.each([
    [{ partnerId: undefined }, 'Missing parameter partnerId'],
    [{ partnerId: '9999' }, 'partnerId "9999" is not a registered partner'],
    [{ scopes: 'QUERY_BALANCE,READ_MINDS' }, 'scopes names unknown scopes "READ_MINDS"'],
    [{ redirectUrl: 'ftp://partner.example/cb' }, 'redirectUrl must be an absolute http(s) URL'],
    [{ timestamp: 'yesterday' }, 'timestamp must be ISO-8601'],
    [{ state: undefined }, 'Missing parameter state'],
    [{ merchantId: '216620000000000000002' }, 'is not partner 2026112200000000000001'],
    [{ lang: 'fr' }, 'lang must be one of id, en'],
    [{ seamlessData: '{"mobileNumber":' }, 'seamlessData must be a JSON object'],
    [{ seamlessData: '{"favouriteColour":"blue"}' }, 'seamlessData has unknown keys favouriteColour'],
    [{ debug: 'true' }, 'Unknown parameter "debug"'],
    [{ 'X-Mock-Session': 'bad name!' }, 'X-Mock-Session must be'],
  ])('answers 400 with an error page for %j, naming the check', async (change, reason) => {
    const res = await request(sandbox.app).get(pathWith(change));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain(reason.replace(/"/g, '&quot;'));
  });

  it('refuses a seamlessSign that does not verify with the partner key', async () => {
    const res = await request(sandbox.app).get(
      pathWith({ seamlessData: '{"mobileNumber":"083811223355"}', seamlessSign: 'AAAA' }),
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain('seamlessSign does not verify');
  });

  it('answers 405 with an Allow header to other methods', async () => {
    const res = await request(sandbox.app).put(pathWith({}));
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, POST');
  });

  it('sets the X-Mock-Session cookie from the query and keeps the PIN out of the journal', async () => {
    const agent = request.agent(sandbox.app);
    const path = pathWith({ 'X-Mock-Session': 'cookie-session' });
    const first = await agent.get(path);
    expect(first.headers['set-cookie']?.[0]).toMatch(/^X-Mock-Session=cookie-session;/);
    const withoutQuery = pathWith({});
    const posted = await agent
      .post(withoutQuery)
      .type('form')
      .send({ step: 'pin', phone: '083811223355', consent: 'agree', pin: '181818' });
    expect(posted.status).toBe(303);
    const code = new URL(posted.headers.location).searchParams.get('authCode')!;
    expect(internalsOf(sandbox).store.get('authCodes', code, 'cookie-session')).toBeDefined();
    const logged = sandbox.control.journal().filter((e) => e.endpoint === 'oauthPage' && e.code === 'AUTH_CODE_ISSUED');
    expect(logged.at(-1)?.request.rawBody).toContain('pin=******');
  });
});
