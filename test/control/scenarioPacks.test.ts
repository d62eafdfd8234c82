import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sandbox } from '../../server/sandbox.js';
import { admin } from '../support/admin.js';
import { root } from '../support/partners.js';
import { createTestSandbox } from '../support/testSandbox.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

/** A copy of scenarios/ with one pack changed by `edit`; the sandbox built on it. */
function startWithPack(file: string, edit: (pack: any) => void) {
  const scenariosDir = mkdtempSync(join(tmpdir(), 'dana-mock-packs-'));
  cpSync(join(root, 'scenarios'), scenariosDir, { recursive: true });
  const pack = JSON.parse(readFileSync(join(scenariosDir, file), 'utf8'));
  edit(pack);
  writeFileSync(join(scenariosDir, file), JSON.stringify(pack));
  return {
    where: join(scenariosDir, file),
    started: createTestSandbox({ scenariosDir, fixturesFile: join(scenariosDir, 'fixtures.json') }),
  };
}

const arm = (body: unknown) => admin(sandbox, 'POST', '/scenarios/arm', body);

describe('scenario packs and armed rules are checked before use', () => {
  it('stops start-up naming the file when a required scenario is missing', async () => {
    const { where, started } = startWithPack('resendOtp.json', (pack) => delete pack.scenarios['otp-throttled']);
    await expect(started).rejects.toThrow(`Scenario pack ${where} lacks the scenario "otp-throttled"`);
    const apply = startWithPack('applyOtt.json', (pack) => delete pack.scenarios['ott-issued']);
    await expect(apply.started).rejects.toThrow(`Scenario pack ${apply.where} lacks the scenario "ott-issued"`);
  });

  it('stops start-up naming faults.json when a fault is missing or is another fault', async () => {
    const gone = startWithPack('faults.json', (pack) => delete pack.scenarios['connection-reset']);
    await expect(gone.started).rejects.toThrow(`Scenario pack ${gone.where} lacks the fault "connection-reset"`);
    const other = startWithPack('faults.json', (pack) => (pack.scenarios.timeout.fault = 'empty-response'));
    await expect(other.started).rejects.toThrow(`Scenario pack ${other.where} lacks the fault "timeout"`);
  });

  it("stops start-up when a scenario's data overrides responseCode, responseMessage or resultInfo", async () => {
    const { where, started } = startWithPack(
      'applyOtt.json',
      (pack) => (pack.scenarios['ott-issued'].data.responseCode = '2004900'),
    );
    await expect(started).rejects.toThrow(`Scenario pack ${where}: scenario "ott-issued" sets responseCode in data`);
    const envelope = startWithPack('pushNotificationUser.json', (pack) => {
      const [name] = Object.keys(pack.scenarios);
      pack.scenarios[name].data = { resultInfo: { resultStatus: 'S' } };
    });
    await expect(envelope.started).rejects.toThrow('sets resultInfo in data');
  });

  it('refuses a match.body value that is an object, naming the path', async () => {
    const res = await arm({
      endpoint: 'applyOtt',
      scenario: 'invalid-token',
      match: { body: { additionalInfo: { accessToken: 'x' } } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('/match/body/additionalInfo');
  });

  it('refuses a deeply nested match.body with a 400, never a 500', async () => {
    const deep = `${'{"a":'.repeat(100_000)}"x"${'}'.repeat(100_000)}`;
    const rawBody = `{"endpoint":"applyOtt","scenario":"invalid-token","match":{"body":{"a":${deep}}}}`;
    const res = await sandbox.handle({
      method: 'POST',
      path: '/__admin/scenarios/arm',
      search: '',
      headers: {},
      rawBody,
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.message).toContain('/match/body/a');
    expect((await admin(sandbox, 'GET', '/scenarios/armed')).body.rules).toEqual([]);
  });

  it('takes scalar match.body values: string, number, boolean and null', async () => {
    const res = await arm({
      endpoint: 'applyOtt',
      scenario: 'invalid-token',
      match: { body: { 'additionalInfo.accessToken': 'x', n: 1, b: true, z: null } },
    });
    expect(res.status).toBe(201);
    await admin(sandbox, 'DELETE', `/scenarios/armed/${res.body.rule.id}`);
  });

  it('refuses times above a million', async () => {
    const res = await arm({ endpoint: 'applyOtt', scenario: 'invalid-token', times: 1_000_001 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('/times');
  });
});
