import { describe, expect, it } from '@jest/globals';
import { journalPageDefault, journalPageMax } from '../../server/admin/journalRoutes.js';
import { Journal, type JournalEntry } from '../../server/core/journal.js';
import { admin } from '../support/admin.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';

const entry = (id: string, session?: string): JournalEntry => ({
  id,
  at: '',
  session,
  verdicts: {},
  request: { method: 'POST', path: '/', search: '', headers: {}, rawBody: '' },
  response: { status: 200, headers: {}, body: '' },
});
const ids = (entries: JournalEntry[]) => entries.map((e) => e.id);

describe('journal limits and pages', () => {
  it("keeps a quiet session's entries however many another session records", () => {
    const journal = new Journal(50);
    for (let i = 0; i < 5; i++) journal.record(entry(`a${i}`, 'A'));
    for (let i = 0; i < 60; i++) journal.record(entry(`b${i}`, 'B'));
    expect(ids(journal.list({ session: 'A' }))).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
    expect(journal.list({ session: 'B' })).toHaveLength(50);
    expect(journal.list({ session: 'B' })[0].id).toBe('b10');
  });

  it('drops the oldest entry of any session once the total is reached, keeping the newest', () => {
    const journal = new Journal(10, undefined, 4);
    ['a1', 'b1', 'a2', 'b2', 'a3', 'c1'].forEach((id) => journal.record(entry(id, id[0])));
    expect(ids(journal.list())).toEqual(['a2', 'b2', 'a3', 'c1']);
    expect(journal.size).toBe(4);
  });

  it('forgets a reset session entirely, bookkeeping included, and keeps the others', () => {
    const journal = new Journal(10);
    journal.record(entry('a', 'A'));
    journal.record(entry('b', 'B'));
    journal.record(entry('g'));
    journal.clear('A');
    expect(journal.sessionKeys().sort()).toEqual(['', 'B']);
    expect(ids(journal.list())).toEqual(['b', 'g']);
    journal.clear();
    expect([journal.size, journal.sessionKeys()]).toEqual([0, []]);
  });

  it('is per session over HTTP too: --journal-limit 50 keeps session A while session B floods', async () => {
    const sandbox = await createTestSandbox({ journalLimit: 50 });
    const send = (session: string) =>
      sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { 'X-Mock-Session': session } });
    for (let i = 0; i < 5; i++) await send('A');
    for (let i = 0; i < 60; i++) await send('B');
    expect((await admin(sandbox, 'GET', '/journal/count', undefined, 'A')).body).toEqual({ count: 5 });
    expect((await admin(sandbox, 'GET', '/journal/count', undefined, 'B')).body).toEqual({ count: 50 });
    await sandbox.close();
  });

  it('answers GET /__admin/journal a page at a time, with a next cursor until the last page', async () => {
    const sandbox = await createTestSandbox();
    for (let i = 0; i < 5; i++) await sendApplyOtt(sandbox.app, 'demo-token-active');
    const first = (await admin(sandbox, 'GET', '/journal?limit=2')).body;
    const second = (await admin(sandbox, 'GET', `/journal?limit=2&cursor=${first.next}`)).body;
    const last = (await admin(sandbox, 'GET', `/journal?limit=2&cursor=${second.next}`)).body;
    const all = sandbox.control.journal().map((e) => e.id);
    expect([first.entries, second.entries, last.entries].map((page) => page.map((e: JournalEntry) => e.id))).toEqual([
      all.slice(0, 2),
      all.slice(2, 4),
      all.slice(4),
    ]);
    expect(last.next).toBeNull();
    await sandbox.close();
  });

  it(`answers at most ${journalPageDefault} entries without ?limit=, and refuses a limit over ${journalPageMax}`, async () => {
    const sandbox = await createTestSandbox();
    for (let i = 0; i < journalPageDefault + 1; i++) await sendApplyOtt(sandbox.app, 'demo-token-active');
    const page = (await admin(sandbox, 'GET', '/journal')).body;
    expect(page.entries).toHaveLength(journalPageDefault);
    expect(typeof page.next).toBe('string');
    const tooMany = await admin(sandbox, 'GET', `/journal?limit=${journalPageMax + 1}`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain('?limit=');
    expect((await admin(sandbox, 'GET', '/journal?cursor=abc')).status).toBe(400);
    await sandbox.close();
  });

  it('pages a filtered list by its own matches', async () => {
    const sandbox = await createTestSandbox();
    for (const token of ['demo-token-active', 'no-such-token', 'demo-token-active', 'demo-token-active'])
      await sendApplyOtt(sandbox.app, token);
    const first = (await admin(sandbox, 'GET', '/journal?code=2004900&limit=2')).body;
    const rest = (await admin(sandbox, 'GET', `/journal?code=2004900&limit=2&cursor=${first.next}`)).body;
    expect([first.entries.length, rest.entries.length, rest.next]).toEqual([2, 1, null]);
    await sandbox.close();
  });
});
