import { describe, expect, it } from '@jest/globals';
import { Journal, type JournalEntry } from '../../server/core/journal.js';
import { admin } from '../support/admin.js';
import { otherPartner } from '../support/partners.js';
import { sendApplyOtt } from '../support/snapRequest.js';
import { createTestSandbox } from '../support/testSandbox.js';

const entry = (id: string): JournalEntry => ({ id, at: '', verdicts: {}, request: { method: 'POST', path: '/', search: '', headers: {}, rawBody: '' }, response: { status: 200, headers: {}, body: '' } });

describe('journal', () => {
  it('records request, response, code and the signature verdict of every exchange, rejections included', async () => {
    const sandbox = await createTestSandbox();
    await sendApplyOtt(sandbox.app, 'demo-token-active');
    await sendApplyOtt(sandbox.app, 'demo-token-active', { key: otherPartner.privateKey });
    const [ok, rejected] = sandbox.control.journal();
    expect(ok).toMatchObject({ endpoint: 'applyOtt', code: '2004900', verdicts: { signature: { valid: true, matched: 'raw' } }, response: { status: 200 } });
    expect(rejected).toMatchObject({ code: '4014900', verdicts: { signature: { valid: false } } });
    expect(rejected.debug).toContain('String to sign computed by the sandbox');
    expect(JSON.parse(rejected.request.rawBody)).toEqual({ userResources: ['OTT'], additionalInfo: { accessToken: 'demo-token-active' } });
    await sandbox.close();
  });

  it('records every schema error of a refused request, not only the one reported', async () => {
    const sandbox = await createTestSandbox();
    await sendApplyOtt(sandbox.app, 'demo-token-active', { body: { userResources: ['PASSWORD'] } });
    const [refused] = sandbox.control.journal();
    expect(refused.code).toBe('4004901');
    expect(refused.verdicts.body).toEqual(expect.arrayContaining([expect.stringContaining('additionalInfo'), expect.stringContaining('userResources')]));
    await sandbox.close();
  });

  it('counts calls by endpoint and code over /__admin, for "was it called N times"', async () => {
    const sandbox = await createTestSandbox();
    for (const token of ['demo-token-active', 'demo-token-active', 'no-such-token']) await sendApplyOtt(sandbox.app, token);
    expect((await admin(sandbox, 'GET', '/journal/count?endpoint=applyOtt')).body).toEqual({ count: 3 });
    expect((await admin(sandbox, 'GET', '/journal/count?code=4014904')).body).toEqual({ count: 1 });
    expect((await admin(sandbox, 'GET', '/journal?code=2004900')).body.entries).toHaveLength(2);
    await admin(sandbox, 'DELETE', '/journal');
    expect((await admin(sandbox, 'GET', '/journal/count')).body).toEqual({ count: 0 });
    await sandbox.close();
  });

  it('keeps only the newest entries up to its cap, oldest first', () => {
    const journal = new Journal(3);
    ['a', 'b', 'c', 'd', 'e'].forEach((id) => journal.record(entry(id)));
    expect(journal.list().map((e) => e.id)).toEqual(['c', 'd', 'e']);
  });

  it('is capped by --journal-limit', async () => {
    const sandbox = await createTestSandbox({ journalLimit: 2 });
    for (let i = 0; i < 4; i++) await sendApplyOtt(sandbox.app, 'demo-token-active');
    expect(sandbox.control.journal()).toHaveLength(2);
    await sandbox.close();
  });
});
