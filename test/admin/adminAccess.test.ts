import { internalsOf } from '../../server/internals.js';
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { createDanaHandlers } from '../../server/adapters/msw.js';
import { loadConfig } from '../../server/config.js';
import type { Sandbox } from '../../server/sandbox.js';
import { admin } from '../support/admin.js';
import { createTestSandbox, fixedNow } from '../support/testSandbox.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

const frozenAt = (s: Sandbox = sandbox) => internalsOf(s).clock.state().frozenAt;
const freeze = (s: Sandbox = sandbox) => request(s.app).post('/__admin/clock/freeze');

describe('control-plane access', () => {
  it('refuses a POST from another origin with 403 in the admin shape and changes nothing', async () => {
    const res = await freeze().set('Origin', 'http://evil.example').set('Content-Type', 'application/json').send('{}');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('Origin "http://evil.example"');
    expect(frozenAt()).toBeUndefined();
  });

  it('refuses Origin null (sandboxed frames, file: pages) and an origin on another port of localhost', async () => {
    for (const origin of ['null', 'http://127.0.0.1:3000']) {
      const res = await request(sandbox.app)
        .get('/__admin/journal')
        .set('Origin', origin)
        .set('Host', '127.0.0.1:4510');
      expect([origin, res.status]).toEqual([origin, 403]);
    }
  });

  it('refuses a Host it does not serve (DNS rebinding), even for reads', async () => {
    const res = await request(sandbox.app).get('/__admin/journal').set('Host', 'evil.example:4510');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ error: { message: expect.stringContaining('Host "evil.example:4510"') } });
  });

  it('refuses a text/plain or form POST with 415 naming the content type, and changes nothing', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await freeze().set('Content-Type', type).send('{}');
      expect(res.status).toBe(415);
      expect(res.body.error.message).toContain(`Content-Type "${type}"`);
    }
    expect(frozenAt()).toBeUndefined();
  });

  it('answers its own origin and every loopback name, with and without a port', async () => {
    const cases = [
      ['127.0.0.1:4510', 'http://127.0.0.1:4510'],
      ['localhost:4510', 'http://localhost:4510'],
      ['[::1]:4510', 'http://[::1]:4510'],
      ['localhost', 'http://localhost'],
    ];
    for (const [host, origin] of cases) {
      const res = await request(sandbox.app).get('/__admin/health').set('Host', host).set('Origin', origin);
      expect([host, res.status]).toEqual([host, 200]);
    }
  });

  it('answers a JSON POST from its own origin (application/json with a charset too)', async () => {
    const own = await createTestSandbox();
    const res = await freeze(own)
      .set('Host', 'localhost:4510')
      .set('Origin', 'http://localhost:4510')
      .set('Content-Type', 'application/json; charset=utf-8')
      .send('{}');
    expect(res.status).toBe(200);
    expect(frozenAt(own)).toBe(fixedNow);
    await own.close();
  });

  it('answers the hosts and origins named by allowedHosts, and the configured host', async () => {
    const shared = await createTestSandbox({ host: '10.1.2.3', allowedHosts: ['dana-mock', 'http://ci-runner:8080'] });
    const statusOf = async (host: string, origin?: string) => {
      const call = request(shared.app).get('/__admin/health').set('Host', host);
      return (await (origin ? call.set('Origin', origin) : call)).status;
    };
    expect(await statusOf('dana-mock:4510', 'http://dana-mock:3000')).toBe(200);
    expect(await statusOf('10.1.2.3:4510')).toBe(200);
    expect(await statusOf('localhost:4510', 'http://ci-runner:8080')).toBe(200);
    expect(await statusOf('localhost:4510', 'http://ci-runner:9090')).toBe(403);
    expect(await statusOf('ci-runner.evil.example')).toBe(403);
    await shared.close();
  });

  it('reads --allowed-hosts and DANA_MOCK_ALLOWED_HOSTS as comma-separated lists', () => {
    expect(loadConfig(['--allowed-hosts', 'dana-mock, http://ci:8080'], {}).allowedHosts).toEqual([
      'dana-mock',
      'http://ci:8080',
    ]);
    expect(loadConfig([], { DANA_MOCK_ALLOWED_HOSTS: 'a,b' }).allowedHosts).toEqual(['a', 'b']);
    expect(loadConfig([], {}).allowedHosts).toEqual([]);
  });

  it('refuses to start with an allowed host that is neither a name nor an origin', async () => {
    await expect(createTestSandbox({ allowedHosts: ['not a host'] })).rejects.toThrow('--allowed-hosts: "not a host"');
  });

  it('requires the admin token when one is set: Bearer or X-Mock-Admin-Token, else 401', async () => {
    const locked = await createTestSandbox({ adminToken: 's3cret' });
    const health = () => request(locked.app).get('/__admin/health');
    expect((await health()).status).toBe(401);
    expect((await health().set('Authorization', 'Bearer wrong')).status).toBe(401);
    expect((await health().set('Authorization', 'Bearer s3cret')).status).toBe(200);
    expect((await health().set('X-Mock-Admin-Token', 's3cret')).status).toBe(200);
    expect((await freeze(locked).set('X-Mock-Admin-Token', 'nope')).body.error.message).toContain('admin token');
    expect(frozenAt(locked)).toBeUndefined();
    locked.control.clock.freeze();
    expect(frozenAt(locked)).toBe(fixedNow);
    await locked.close();
  });

  it('reads the admin token from --admin-token or DANA_MOCK_ADMIN_TOKEN and refuses an empty one', () => {
    expect(loadConfig(['--admin-token', 'abc'], {}).adminToken).toBe('abc');
    expect(loadConfig([], { DANA_MOCK_ADMIN_TOKEN: 'xyz' }).adminToken).toBe('xyz');
    expect(loadConfig([], {}).adminToken).toBeUndefined();
    expect(() => loadConfig(['--admin-token', ''], {})).toThrow('--admin-token must not be empty');
  });

  it('leaves the emulated DANA endpoints open to any host and origin', async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      headers: { Host: 'partner.example', Origin: 'http://evil.example' },
    });
    expect(res.body.responseCode).toBe('2004900');
  });

  it('keeps in-process calls (no Host, no Origin) working', async () => {
    expect((await admin(sandbox, 'GET', '/health')).status).toBe(200);
  });

  it("answers through MSW on DANA's hosts, whose requests carry Host api.sandbox.dana.id", async () => {
    const server = setupServer(...createDanaHandlers(sandbox));
    server.listen({ onUnhandledRequest: 'bypass' });
    try {
      const status = await new Promise<number | undefined>((resolve, reject) =>
        https
          .get('https://api.sandbox.dana.id/__admin/health', (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode));
          })
          .on('error', reject),
      );
      expect(status).toBe(200);
      expect((await fetch('https://api.saas.dana.id/__admin/health')).status).toBe(200);
    } finally {
      server.close();
    }
  });
});
