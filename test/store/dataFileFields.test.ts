import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { admin } from '../support/admin.js';
import { createTestSandbox } from '../support/testSandbox.js';

function dataFileWith(contents: string): string {
  const dataFile = join(mkdtempSync(join(tmpdir(), 'dana-mock-fields-')), 'dana-mock.json');
  writeFileSync(dataFile, contents);
  return dataFile;
}

/** A data file holding one entry of `collection` under `id` in `scope`. */
const holding = (collection: string, id: string, entry: unknown, scope = '') =>
  JSON.stringify({ version: 1, collections: { [collection]: { [scope]: { [id]: entry } } } });

async function expectRefused(contents: string, message: string) {
  const dataFile = dataFileWith(contents);
  await expect(createTestSandbox({ inMemory: false, dataFile })).rejects.toThrow(message.replace('<file>', dataFile));
  expect(readFileSync(dataFile, 'utf8')).toBe(contents);
}

const journey = {
  journeyId: 'j1',
  orderId: 'o1',
  bankCardToken: 'demo-card-active',
  createdAt: '2026-11-22T03:00:00.000Z',
  lastOtpSentAt: '2026-11-22T03:00:00.000Z',
};
const token = { value: 't1', customerId: 'cust-active', expiresAt: '2099-01-01T00:00:00Z', status: 'ACTIVE' };

describe('every stored entry is checked field by field at start-up', () => {
  it('refuses a journey whose journeyId is a number, naming file, collection, entry and field', async () => {
    await expectRefused(
      holding('journeys', 'j1', { ...journey, journeyId: 42 }),
      'The data file <file> is not a dana-mock data file: collections.journeys[""]["j1"] field journeyId is 42, not a non-empty string equal to its key',
    );
  });

  it('refuses a createdAt that is not a date', async () => {
    await expectRefused(
      holding('journeys', 'j1', { ...journey, createdAt: 'yesterday-ish' }),
      'collections.journeys[""]["j1"] field createdAt is "yesterday-ish", not an ISO-8601 time',
    );
  });

  it("refuses a token whose expiresAt is not a date, in a session's scope too", async () => {
    await expectRefused(
      holding('customerTokens', 't1', { ...token, expiresAt: 'soon' }, 'ci-1'),
      'collections.customerTokens["ci-1"]["t1"] field expiresAt is "soon", not an ISO-8601 time',
    );
  });

  it('refuses a missing mandatory field and a value outside its enum', async () => {
    const { phone: _phone, ...noPhone } = { id: 'c1', phone: '08', status: 'ACTIVE' };
    await expectRefused(holding('customers', 'c1', noPhone), 'collections.customers[""]["c1"] field phone is missing');
    await expectRefused(
      holding('cards', 'k1', { bankCardToken: 'k1', status: 'BLOCKED' }),
      'field status is "BLOCKED", not one of ACTIVE, INACTIVE',
    );
  });

  it('refuses a token whose customer exists neither in its scope nor globally', async () => {
    await expectRefused(
      holding('customerTokens', 't1', { ...token, customerId: 'ghost' }, 'ci-1'),
      'The data file <file> is not consistent: collections.customerTokens["ci-1"]["t1"] field customerId names customers "ghost"',
    );
  });

  it('opens a file whose entries are well formed and whose references resolve through the seeds', async () => {
    const dataFile = dataFileWith(holding('customerTokens', 't1', token, 'ci-1'));
    const sandbox = await createTestSandbox({ inMemory: false, dataFile });
    expect(
      sandbox.control
        .forSession('ci-1')
        .listFixtures('customerTokens')
        .map((t) => t.value),
    ).toContain('t1');
    await sandbox.close();
  });

  it('refuses through the control plane what it would refuse at start-up: a dangling reference, a referenced delete', async () => {
    const sandbox = await createTestSandbox();
    const created = await admin(sandbox, 'POST', '/fixtures/customerTokens', { ...token, customerId: 'ghost' });
    expect(created.status).toBe(400);
    expect(created.body.error.message).toContain('customerTokens[0].customerId: there is no customers entry "ghost"');
    const deleted = await admin(sandbox, 'DELETE', '/fixtures/customers/cust-active');
    expect(deleted.status).toBe(409);
    expect(deleted.body.error.message).toContain('customers "cust-active" is still named by');
    await sandbox.close();
  });
});
