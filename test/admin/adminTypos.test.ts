import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Sandbox } from '../../server/sandbox.js';
import { admin } from '../support/admin.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { bodyTooLargeReason } from '../../server/adapters/readBody.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
beforeEach(() => sandbox.control.reset());
afterAll(() => sandbox.close());

const armInSession = (session: string) =>
  admin(sandbox, 'POST', '/scenarios/arm', { endpoint: 'applyOtt', scenario: 'invalid-token' }, session);

describe('admin typos never widen what a call acts on', () => {
  it('refuses POST /reset?sesion=ci-1 naming the parameter, and resets nothing', async () => {
    await armInSession('ci-2');
    const res = await admin(sandbox, 'POST', '/reset?sesion=ci-1');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('"sesion"');
    expect(res.body.error.message).toContain('?session=');
    expect((await admin(sandbox, 'GET', '/scenarios/armed', undefined, 'ci-2')).body.rules).toHaveLength(1);
  });

  it('refuses a body on POST /reset, so {"session":"ci-1"} does not reset every session', async () => {
    await armInSession('ci-2');
    const res = await admin(sandbox, 'POST', '/reset', { session: 'ci-1' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('takes no body');
    expect((await admin(sandbox, 'GET', '/scenarios/armed', undefined, 'ci-2')).body.rules).toHaveLength(1);
  });

  it('still resets with an empty JSON object as body, which many clients send with every POST', async () => {
    expect(await admin(sandbox, 'POST', '/reset', {})).toEqual({ status: 200, body: { reset: 'all' } });
  });

  it('refuses {"bogus":1} on POST /clock/resume', async () => {
    const res = await admin(sandbox, 'POST', '/clock/resume', { bogus: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('takes no body');
  });

  it('refuses GET /journal/count?endpiont=applyOtt instead of counting everything', async () => {
    await sendApplyOtt(sandbox.app, 'demo-token-active');
    const res = await admin(sandbox, 'GET', '/journal/count?endpiont=applyOtt');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('"endpiont"');
    expect(res.body.error.message).toContain('?endpoint=');
  });

  it('refuses ?endpoint=applyOT instead of counting 0, naming the endpoints', async () => {
    await sendApplyOtt(sandbox.app, 'demo-token-active');
    for (const path of [
      '/journal/count?endpoint=applyOT',
      '/journal?endpoint=applyOT',
      '/scenarios?endpoint=applyOT',
    ]) {
      const res = await admin(sandbox, 'GET', path);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('applyOT');
      expect(res.body.error.message).toContain('applyOtt');
    }
    expect((await admin(sandbox, 'GET', '/journal/count?endpoint=applyOtt')).body.count).toBe(1);
  });

  it.each(['oauthPage', 'checkoutPage', 'finishNotify'])(
    'accepts ?endpoint=%s: pages and outbound notifies are journalled under that id',
    async (id) => {
      const res = await admin(sandbox, 'GET', `/journal/count?endpoint=${id}`);
      expect(res.status).toBe(200);
      expect(res.body.count).toBe(0);
      expect(sandbox.control.journal({ endpoint: id })).toEqual([]);
    },
  );

  it('refuses the in-process journal filter on an unknown endpoint too', () => {
    expect(() => sandbox.control.journal({ endpoint: 'applyOT' })).toThrow('No endpoint "applyOT"');
  });

  it('refuses a session name that breaks the session rule, given as ?session=', async () => {
    const res = await admin(sandbox, 'POST', '/reset?session=');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('is not a session name');
  });

  it('refuses a query parameter given twice', async () => {
    const res = await admin(sandbox, 'POST', '/reset?session=ci-1&session=ci-2');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('"session" is given 2 times');
  });

  it('still takes the declared filters and ?session=', async () => {
    await sendApplyOtt(sandbox.app, 'demo-token-active');
    expect((await admin(sandbox, 'GET', '/journal/count?endpoint=applyOtt&code=2004900')).body.count).toBe(1);
    expect(await admin(sandbox, 'POST', '/reset?session=ci-1')).toEqual({ status: 200, body: { reset: 'ci-1' } });
  });

  it('answers an admin body over the size limit in the admin error shape, not a SNAP envelope', async () => {
    const res = await request(sandbox.app)
      .post('/__admin/scenarios/arm')
      .set('Content-Type', 'application/json')
      .send(`{"endpoint":"${'x'.repeat(1_100_000)}"}`);
    expect(res.status).toBe(413);
    expect(res.body.error.message).toContain(bodyTooLargeReason);
    expect(res.body.responseCode).toBeUndefined();
  });
});
