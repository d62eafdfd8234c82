import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { openLowdbStore } from '../../server/store/lowdbStore.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { internalsOf } from '../../server/internals.js';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'dana-mock-data-')), 'nested', 'folder', 'dana-mock.json');

describe('persistence', () => {
  it('creates missing folders and keeps fixtures, armed rules and the clock across a restart', async () => {
    const dataFile = tempFile();
    const first = await createTestSandbox({ inMemory: false, dataFile });
    first.control.createFixtures('customerTokens', {
      value: 'kept-token',
      customerId: 'cust-active',
      expiresAt: '2099-01-01T00:00:00+07:00',
    });
    first.control.armScenario({
      endpoint: 'applyOtt',
      scenario: 'do-not-honor',
      match: { token: 'demo-token-active' },
    });
    first.control.clock.freeze(new Date('2027-01-01T00:00:00+07:00'));
    await first.close();
    expect(existsSync(dataFile)).toBe(true);

    const second = await createTestSandbox({ inMemory: false, dataFile });
    expect(second.control.listFixtures('customerTokens').map((t) => t.value)).toContain('kept-token');
    expect((await sendApplyOtt(second.app, 'demo-token-active')).body.responseCode).toBe('4034905');
    expect(second.control.clock.now().toISOString()).toBe('2026-12-31T17:00:00.000Z');
    await second.close();
  });

  it('keeps a fixture changed at run time instead of re-seeding the original over it', async () => {
    const dataFile = tempFile();
    const first = await createTestSandbox({ inMemory: false, dataFile });
    first.control.createFixtures('customers', { id: 'cust-active', phone: '083811223355', status: 'ABNORMAL' });
    await first.close();
    const second = await createTestSandbox({ inMemory: false, dataFile });
    expect((await sendApplyOtt(second.app, 'demo-token-active')).body.responseCode).toBe('4034905');
    await second.close();
  });

  it('stops start-up naming a corrupt data file and leaves the file untouched', async () => {
    const dataFile = tempFile();
    await (await createTestSandbox({ inMemory: false, dataFile })).close();
    writeFileSync(dataFile, '{"version":1,"collections":');
    await expect(createTestSandbox({ inMemory: false, dataFile })).rejects.toThrow(
      `Cannot read the data file ${dataFile}`,
    );
    expect(readFileSync(dataFile, 'utf8')).toBe('{"version":1,"collections":');
  });

  it('refuses a JSON file that is not a dana-mock data file', async () => {
    const dataFile = tempFile();
    await (await createTestSandbox({ inMemory: false, dataFile })).close();
    writeFileSync(dataFile, '{"users":[]}');
    await expect(createTestSandbox({ inMemory: false, dataFile })).rejects.toThrow('is not a dana-mock data file');
  });

  it("reads a session's own entries over global ones and writes only to the session", async () => {
    const store = await openLowdbStore();
    store.put('cards', 'c1', { bankCardToken: 'c1', status: 'ACTIVE' });
    store.put('cards', 'c1', { bankCardToken: 'c1', status: 'INACTIVE' }, 'job-1');
    expect(store.get('cards', 'c1', 'job-1')?.status).toBe('INACTIVE');
    expect(store.get('cards', 'c1', 'job-2')?.status).toBe('ACTIVE');
    expect(store.get('cards', 'c1')?.status).toBe('ACTIVE');
    store.clear('job-1');
    expect(store.get('cards', 'c1', 'job-1')?.status).toBe('ACTIVE');
  });

  it('keeps issued OTTs across a restart, so a partner holding one can still use it', async () => {
    const dataFile = tempFile();
    const sandbox = await createTestSandbox({ inMemory: false, dataFile });
    const ott = (await sendApplyOtt(sandbox.app, 'demo-token-active')).body.userResources[0].value;
    await sandbox.close();
    const again = await createTestSandbox({ inMemory: false, dataFile });
    expect(internalsOf(again).store.get('otts', ott)?.customerId).toBe('cust-active');
    await again.close();
  });

  it('forgets expired OTTs once the sandbox clock has passed their lifetime', async () => {
    const sandbox = await createTestSandbox();
    const first = (await sendApplyOtt(sandbox.app, 'demo-token-active')).body.userResources[0].value;
    sandbox.control.clock.advance((sandbox.config.ottTtlSeconds + 60) * 1000);
    const second = (await sendApplyOtt(sandbox.app, 'demo-token-active')).body.userResources[0].value;
    expect(internalsOf(sandbox).store.get('otts', first)).toBeUndefined();
    expect(internalsOf(sandbox).store.get('otts', second)).toBeDefined();
    await sandbox.close();
  });
});
