import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { snapCases, snapResponseMessage } from '../../server/protocols/snap/snapCases.js';
import type { Sandbox } from '../../server/sandbox.js';
import { admin } from '../support/admin.js';
import { otherPartner, root } from '../support/partners.js';
import { sendEnvelope } from '../endpoints/pushNotificationUser.requests.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { internalsOf } from '../../server/internals.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
beforeEach(() => sandbox.control.reset());
afterAll(() => sandbox.close());

const code = async (token: string, headers: Record<string, string> = {}) =>
  (await sendApplyOtt(sandbox.app, token, { headers })).body.responseCode;

describe('scenario selection', () => {
  it('answers the outcome named by X-Mock-Scenario whatever the state', async () => {
    expect(await code('demo-token-active', { 'X-Mock-Scenario': 'invalid-token' })).toBe('4014902');
    expect(await code('no-such-token', { 'X-Mock-Scenario': 'do-not-honor' })).toBe('4034905');
  });

  it('fills a scripted success with a fresh OTT each time', async () => {
    const a = await sendApplyOtt(sandbox.app, 'no-such-token', { headers: { 'X-Mock-Scenario': 'ott-issued' } });
    const b = await sendApplyOtt(sandbox.app, 'no-such-token', { headers: { 'X-Mock-Scenario': 'ott-issued' } });
    expect(a.body.responseCode).toBe('2004900');
    expect(a.body.userResources[0].value).toHaveLength(43);
    expect(a.body.userResources[0].value).not.toBe(b.body.userResources[0].value);
  });

  it('refuses an unknown scenario name with 4004901 naming X-Mock-Scenario and the names it knows, never a silent fallback', async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      headers: { 'X-Mock-Scenario': 'no-such-scenario' },
    });
    expect(res.body.responseCode).toBe('4004901');
    expect(res.body.responseMessage).toBe(snapResponseMessage('invalidFieldFormat', 'X-Mock-Scenario'));
    expect(res.body.additionalInfo.debugMessage).toContain('ott-issued');
  });

  it('reports an unknown scenario name before any other failure, so a typo is never hidden', async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      key: otherPartner.privateKey,
      headers: { 'X-Mock-Scenario': 'ott-isued' },
    });
    expect(res.body.responseMessage).toBe(snapResponseMessage('invalidFieldFormat', 'X-Mock-Scenario'));
  });

  it('refuses an unknown scenario name on the envelope with PARAM_ILLEGAL naming X-Mock-Scenario', async () => {
    const res = await sendEnvelope(sandbox.app, { headers: { 'X-Mock-Scenario': 'no-such-scenario' } });
    expect(res.body.response.body.resultInfo).toMatchObject({
      resultCode: 'PARAM_ILLEGAL',
      resultMsg: expect.stringContaining('X-Mock-Scenario'),
    });
  });

  it('still checks headers, signature and body before a scripted outcome', async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      key: otherPartner.privateKey,
      headers: { 'X-Mock-Scenario': 'ott-issued' },
    });
    expect(res.body).toEqual({
      responseCode: '4014900',
      responseMessage: snapResponseMessage('unauthorized', 'Invalid Signature'),
    });
  });

  it('prefers the header over an armed rule, and an armed rule over state', async () => {
    sandbox.control.armScenario({ endpoint: 'applyOtt', scenario: 'too-many-requests' });
    expect(await code('demo-token-active', { 'X-Mock-Scenario': 'general-error' })).toBe('5004900');
    expect(await code('demo-token-active')).toBe('4294900');
  });

  it('answers an armed rule once, n times, or always', async () => {
    sandbox.control.armScenario({ endpoint: 'applyOtt', scenario: 'general-error', times: 1 });
    expect([await code('demo-token-active'), await code('demo-token-active')]).toEqual(['5004900', '2004900']);
    sandbox.control.armScenario({ endpoint: 'applyOtt', scenario: 'general-error', times: 2 });
    expect([await code('demo-token-active'), await code('demo-token-active'), await code('demo-token-active')]).toEqual(
      ['5004900', '5004900', '2004900'],
    );
    const always = sandbox.control.armScenario({ endpoint: 'applyOtt', scenario: 'general-error' });
    expect([await code('demo-token-active'), await code('demo-token-active')]).toEqual(['5004900', '5004900']);
    sandbox.control.disarmScenario(always.id);
    expect(await code('demo-token-active')).toBe('2004900');
  });

  it('answers an armed rule only for requests it matches', async () => {
    sandbox.control.armScenario({
      endpoint: 'applyOtt',
      scenario: 'do-not-honor',
      match: { token: 'demo-token-abnormal' },
    });
    sandbox.control.armScenario({
      endpoint: 'applyOtt',
      scenario: 'internal-server-error',
      match: { body: { 'additionalInfo.deviceId': 'broken-phone' } },
    });
    expect(await code('demo-token-active')).toBe('2004900');
    const broken = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      body: { userResources: ['OTT'], additionalInfo: { accessToken: 'demo-token-active', deviceId: 'broken-phone' } },
    });
    expect(broken.body.responseCode).toBe('5004901');
  });

  it('arms through /__admin with a validated body and refuses unknown names with 404', async () => {
    expect(
      (await admin(sandbox, 'POST', '/scenarios/arm', { endpoint: 'applyOtt', scenario: 'token-not-found', times: 1 }))
        .status,
    ).toBe(201);
    expect(await code('demo-token-active')).toBe('4014904');
    expect((await admin(sandbox, 'POST', '/scenarios/arm', { endpoint: 'applyOtt', scenario: 'nope' })).status).toBe(
      404,
    );
    expect((await admin(sandbox, 'POST', '/scenarios/arm', { endpoint: 'nope', scenario: 'timeout' })).status).toBe(
      404,
    );
    const invalid = await admin(sandbox, 'POST', '/scenarios/arm', {
      endpoint: 'applyOtt',
      scenario: 'timeout',
      times: 0,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toContain('/times');
  });

  it('lists every documented Apply OTT code as a scenario, plus the shared faults', async () => {
    const { body } = await admin(sandbox, 'GET', '/scenarios?endpoint=applyOtt');
    const names = body.scenarios.map((s: { name: string }) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'ott-issued',
        'invalid-token',
        'timeout',
        'empty-response',
        'malformed-json',
        'connection-reset',
      ]),
    );
    const cases = new Set(body.scenarios.map((s: { case?: string }) => s.case));
    for (const key of [
      'successful',
      'badRequest',
      'invalidFieldFormat',
      'invalidMandatoryField',
      'unauthorized',
      'invalidCustomerToken',
      'customerTokenNotFound',
      'doNotHonor',
      'tooManyRequests',
      'generalError',
      'internalServerError',
    ]) {
      expect(cases).toContain(key);
    }
  });

  it('stops start-up naming the pack and the problem when a scenario pack is invalid', async () => {
    const scenariosDir = mkdtempSync(join(tmpdir(), 'dana-mock-scenarios-'));
    cpSync(join(root, 'scenarios'), scenariosDir, { recursive: true });
    writeFileSync(
      join(scenariosDir, 'applyOtt.json'),
      JSON.stringify({ endpoint: 'applyOtt', scenarios: { 'Bad Name': { description: 'x', case: 'successful' } } }),
    );
    await expect(
      createTestSandbox({ scenariosDir, fixturesFile: join(scenariosDir, 'fixtures.json') }),
    ).rejects.toThrow(`Scenario pack ${join(scenariosDir, 'applyOtt.json')} is invalid`);
    writeFileSync(
      join(scenariosDir, 'applyOtt.json'),
      JSON.stringify({ endpoint: 'applyOtt', scenarios: { 'made-up': { description: 'x', case: 'notACase' } } }),
    );
    await expect(
      createTestSandbox({ scenariosDir, fixturesFile: join(scenariosDir, 'fixtures.json') }),
    ).rejects.toThrow('has case "notACase"');
  });

  it('has a pack for every endpoint, each naming only cases its protocol can render', () => {
    for (const endpoint of internalsOf(sandbox).endpoints.list()) {
      const own = sandbox.control.listScenarios(endpoint.id).filter((s) => s.endpoint === endpoint.id);
      expect(own.length).toBeGreaterThan(0);
      own.forEach((s) => expect(endpoint.protocol.caseKeys).toContain(s.case));
    }
    expect(snapCases.otpSentToCardholder.status).toBe(403);
  });
});
