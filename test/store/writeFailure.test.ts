import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { admin } from '../support/admin.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { internalsOf } from '../../server/internals.js';

const tempDataFile = () => join(mkdtempSync(join(tmpdir(), 'dana-mock-write-')), 'nested', 'dana-mock.json');
const customersIn = (file: string) =>
  Object.values(JSON.parse(readFileSync(file, 'utf8')).collections.customers['']).map((c) => (c as { id: string }).id);

afterEach(() => {
  jest.restoreAllMocks();
});

describe('data file write failures', () => {
  it('recreates a removed data folder on the next write and writes the fixture there', async () => {
    const dataFile = tempDataFile();
    const sandbox = await createTestSandbox({ inMemory: false, dataFile });
    await internalsOf(sandbox).store.flush();
    rmSync(dirname(dirname(dataFile)), { recursive: true, force: true });

    expect(
      (await admin(sandbox, 'POST', '/fixtures/customers', { id: 'c10', phone: '0800', status: 'ACTIVE' })).status,
    ).toBe(201);
    await internalsOf(sandbox).store.flush();

    expect(customersIn(dataFile)).toContain('c10');
    expect((await admin(sandbox, 'GET', '/health')).body.dataFileWrites).toEqual({ ok: true, lastFailure: null });
    await sandbox.close();
  });

  it('keeps answering from memory while the file cannot be written, logs and reports why, and writes everything once it can', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const dataFile = tempDataFile();
    const sandbox = await createTestSandbox({ inMemory: false, dataFile, logLevel: 'error' });
    await internalsOf(sandbox).store.flush();
    // A file where the folder was: no mkdir can fix that, so the write keeps failing.
    rmSync(dirname(dataFile), { recursive: true });
    writeFileSync(dirname(dataFile), 'in the way');

    await admin(sandbox, 'POST', '/fixtures/customers', { id: 'c11', phone: '0801', status: 'ACTIVE' });
    await internalsOf(sandbox).store.flush();
    await admin(sandbox, 'POST', '/fixtures/customers', { id: 'c12', phone: '0802', status: 'ACTIVE' });
    await internalsOf(sandbox).store.flush();

    const health = (await admin(sandbox, 'GET', '/health')).body;
    expect(health.status).toBe('ok');
    expect(health.dataFileWrites).toMatchObject({
      ok: false,
      lastFailure: { file: dataFile, reason: expect.stringMatching(/ENOTDIR|EEXIST/) },
    });
    const logged = stderr.mock.calls.map(([line]) => JSON.parse(String(line)));
    expect(logged).toContainEqual(
      expect.objectContaining({ level: 'error', file: dataFile, reason: expect.stringMatching(/ENOTDIR|EEXIST/) }),
    );
    expect(
      (await admin(sandbox, 'GET', '/fixtures/customers')).body.customers.map((c: { id: string }) => c.id),
    ).toEqual(expect.arrayContaining(['c11', 'c12']));

    rmSync(dirname(dataFile));
    await internalsOf(sandbox).store.flush();
    expect(customersIn(dataFile)).toEqual(expect.arrayContaining(['c11', 'c12']));
    expect((await admin(sandbox, 'GET', '/health')).body.dataFileWrites).toMatchObject({
      ok: true,
      lastFailure: { file: dataFile },
    });
    await sandbox.close();
  });
});
