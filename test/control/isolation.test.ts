import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sandbox } from '../../server/sandbox.js';
import { admin } from '../support/admin.js';
import { openLowdbStore } from '../../server/store/lowdbStore.js';
import { sendEnvelope } from '../endpoints/pushNotificationUser.requests.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { createTestSandbox } from '../support/testSandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

const outcomes = ['invalid-token', 'token-not-found', 'do-not-honor', 'too-many-requests', 'general-error'];
const expected: Record<string, string> = {
  'invalid-token': '4014902',
  'token-not-found': '4014904',
  'do-not-honor': '4034905',
  'too-many-requests': '4294900',
  'general-error': '5004900',
};

const pushCode = async (target: Sandbox, session?: string) =>
  (await sendEnvelope(target.app, { session })).body.response.body.resultInfo.resultCode;

describe('session isolation', () => {
  it('keeps 20 concurrent sessions with different armed scenarios, fixtures and clocks apart', async () => {
    const sessions = Array.from({ length: 20 }, (_, i) => ({
      name: `job-${i}`,
      scenario: outcomes[i % outcomes.length],
      armed: i % 2 === 0,
    }));
    await Promise.all(
      sessions.map(async ({ name, scenario, armed }, i) => {
        const control = sandbox.control.forSession(name);
        control.createFixtures('customerTokens', {
          value: 'shared-token-name',
          customerId: 'cust-active',
          expiresAt: '2099-01-01T00:00:00+07:00',
          status: i % 3 === 0 ? 'REVOKED' : 'ACTIVE',
        });
        if (armed) control.armScenario({ endpoint: 'applyOtt', scenario });
        control.clock.advance(i * 60_000);
      }),
    );
    const results = await Promise.all(
      sessions.map(async ({ name }) => {
        const res = await sendApplyOtt(sandbox.app, 'shared-token-name', { headers: { 'X-Mock-Session': name } });
        return { code: res.body.responseCode as string, timestamp: res.headers['x-timestamp'] as string };
      }),
    );
    results.forEach(({ code }, i) => {
      const { scenario, armed } = sessions[i];
      expect(code).toBe(armed ? expected[scenario] : i % 3 === 0 ? '4014902' : '2004900');
    });
    expect(new Set(results.map((r) => r.timestamp)).size).toBe(20);
    sessions.forEach(({ name }) =>
      expect(
        sandbox.control
          .forSession(name)
          .journal()
          .map((e) => e.session),
      ).toEqual([name]),
    );
    expect(await sendApplyOtt(sandbox.app, 'shared-token-name').then((r) => r.body.responseCode)).toBe('4014904');
  });

  it('lets a session change a global fixture without another session seeing the change', async () => {
    await admin(
      sandbox,
      'POST',
      '/fixtures/customers',
      { id: 'cust-active', phone: '083811223355', status: 'ABNORMAL' },
      'changer',
    );
    expect(
      (await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { 'X-Mock-Session': 'changer' } })).body
        .responseCode,
    ).toBe('4034905');
    expect(
      (await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { 'X-Mock-Session': 'bystander' } })).body
        .responseCode,
    ).toBe('2004900');
  });

  it("resets one session's state, rules and journal and leaves the others alone", async () => {
    const a = sandbox.control.forSession('reset-a');
    const b = sandbox.control.forSession('reset-b');
    a.armScenario({ endpoint: 'applyOtt', scenario: 'general-error' });
    b.armScenario({ endpoint: 'applyOtt', scenario: 'general-error' });
    await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { 'X-Mock-Session': 'reset-a' } });
    expect((await admin(sandbox, 'POST', '/reset', undefined, 'reset-a')).body).toEqual({ reset: 'reset-a' });
    expect(a.armedScenarios().filter((r) => r.session === 'reset-a')).toEqual([]);
    expect(a.journal()).toEqual([]);
    expect(b.armedScenarios()).toHaveLength(1);
    expect(
      (await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { 'X-Mock-Session': 'reset-a' } })).body
        .responseCode,
    ).toBe('2004900');
  });

  it('puts an isolated partner without X-Mock-Session into the session named after its partner id', async () => {
    const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicKey = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    sandbox.control.registerPartner({ partnerId: 'ci-job-partner', publicKey, isolated: true });
    sandbox.control.forSession('ci-job-partner').armScenario({ endpoint: 'applyOtt', scenario: 'do-not-honor' });
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      key: keys.privateKey,
      headers: { 'X-PARTNER-ID': 'ci-job-partner' },
    });
    expect(res.body.responseCode).toBe('4034905');
    expect(await sendApplyOtt(sandbox.app, 'demo-token-active').then((r) => r.body.responseCode)).toBe('2004900');
    expect(sandbox.control.journal({ session: 'ci-job-partner' })).toHaveLength(1);
  });

  it("never lets a request without a session change a session's outcome: pushes and OTT counters stay in their scope", async () => {
    const fresh = await createTestSandbox();
    expect(await pushCode(fresh)).toBe('SUCCESS');
    expect(await pushCode(fresh, 'after-global-push')).toBe('SUCCESS');
    fresh.control.createFixtures('customers', {
      id: 'cust-active',
      phone: '083811223355',
      status: 'ACTIVE',
      ottLimitPerMinute: 1,
    });
    expect((await sendApplyOtt(fresh.app, 'demo-token-active')).body.responseCode).toBe('2004900');
    expect((await sendApplyOtt(fresh.app, 'demo-token-active')).body.responseCode).toBe('4294900');
    expect(
      (await sendApplyOtt(fresh.app, 'demo-token-active', { headers: { 'X-Mock-Session': 'after-global-otts' } })).body
        .responseCode,
    ).toBe('2004900');
    await fresh.close();
  });

  it.each([
    ['empty', ''],
    ['a prototype name', '__proto__'],
    ['too long', 'x'.repeat(129)],
  ])('refuses an X-Mock-Session that is %s with 4004901 naming the header', async (_what, name) => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { 'X-Mock-Session': name } });
    expect(res.body.responseCode).toBe('4004901');
    expect(res.body.responseMessage).toBe('Invalid Field Format X-Mock-Session');
  });

  it('refuses an empty session on the control plane instead of resetting everything', async () => {
    const before = sandbox.control.listFixtures('customers').length;
    expect((await admin(sandbox, 'POST', '/reset?session=')).status).toBe(400);
    expect((await admin(sandbox, 'POST', '/reset', undefined, '__proto__')).status).toBe(400);
    expect(sandbox.control.listFixtures('customers')).toHaveLength(before);
  });

  it('keeps ids and session names such as __proto__ and constructor as plain keys', async () => {
    const store = await openLowdbStore();
    store.put('customers', '__proto__', { id: '__proto__', phone: '0800', status: 'ACTIVE' }, 'constructor');
    expect(store.get('customers', '__proto__', 'constructor')?.phone).toBe('0800');
    expect(store.list('customers', 'constructor')).toHaveLength(1);
    expect(store.get('customerTokens', 'constructor')).toBeUndefined();
    expect(({} as Record<string, unknown>).phone).toBeUndefined();
    expect((await sendApplyOtt(sandbox.app, 'constructor')).body.responseCode).toBe('4014904');
  });
});
