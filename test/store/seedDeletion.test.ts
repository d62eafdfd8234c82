import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { admin } from '../support/admin.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { createTestSandbox } from '../support/testSandbox.js';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'dana-mock-seed-')), 'dana-mock.json');
const tokens = async (sandbox: Awaited<ReturnType<typeof createTestSandbox>>) =>
  (await admin(sandbox, 'GET', '/fixtures/customerTokens')).body.customerTokens.map((t: { value: string }) => t.value);

describe('deleted seed fixtures', () => {
  it('stay deleted across a restart, answering 4014904, until a reset brings them back', async () => {
    const dataFile = tempFile();
    const first = await createTestSandbox({ inMemory: false, dataFile });
    expect((await admin(first, 'DELETE', '/fixtures/customerTokens/demo-token-active')).status).toBe(200);
    await first.close();

    const second = await createTestSandbox({ inMemory: false, dataFile });
    expect(await tokens(second)).not.toContain('demo-token-active');
    expect((await sendApplyOtt(second.app, 'demo-token-active')).body.responseCode).toBe('4014904');
    await admin(second, 'POST', '/reset');
    expect(await tokens(second)).toContain('demo-token-active');
    await second.close();

    const third = await createTestSandbox({ inMemory: false, dataFile });
    expect(await tokens(third)).toContain('demo-token-active');
    await third.close();
  });
});
