import { appendFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { changeLogFileOf } from '../../server/store/changeLog.js';
import { openLowdbStore } from '../../server/store/lowdbStore.js';

const tempDataFile = () => join(mkdtempSync(join(tmpdir(), 'dana-mock-log-')), 'dana-mock.json');
const card = (bankCardToken: string) => ({ bankCardToken, status: 'ACTIVE' as const });

describe('the change log', () => {
  it('holds a change as soon as the call that made it returns, before any flush or close', async () => {
    const file = tempDataFile();
    const store = await openLowdbStore({ file });
    store.put('cards', 'c1', card('c1'));
    store.put('cards', 'c2', card('c2'), 'job-1');
    store.delete('cards', 'c1');
    // A second store opening the same files is what a restart after kill -9 sees.
    const reopened = await openLowdbStore({ file });
    expect(reopened.get('cards', 'c1')).toBeUndefined();
    expect(reopened.get('cards', 'c2', 'job-1')).toEqual(card('c2'));
  });

  it('replays a session reset and a full reset in order', async () => {
    const file = tempDataFile();
    const store = await openLowdbStore({ file });
    store.put('cards', 'c1', card('c1'), 'job-1');
    store.clear('job-1');
    store.put('cards', 'c2', card('c2'));
    const reopened = await openLowdbStore({ file });
    expect(reopened.list('cards', 'job-1')).toEqual([card('c2')]);
    store.clear();
    expect((await openLowdbStore({ file })).list('cards')).toEqual([]);
  });

  it('skips a torn last line (the process was killed mid-append) and starts, keeping every whole line', async () => {
    const file = tempDataFile();
    const store = await openLowdbStore({ file });
    store.put('cards', 'c1', card('c1'));
    appendFileSync(changeLogFileOf(file), '{"op":"put","c":"cards","s":"","id":"c2","v":{"bankCa');
    const reopened = await openLowdbStore({ file });
    expect(reopened.get('cards', 'c1')).toEqual(card('c1'));
    expect(reopened.get('cards', 'c2')).toBeUndefined();
    reopened.put('cards', 'c3', card('c3'));
    const again = await openLowdbStore({ file });
    expect(again.list('cards').map((c) => c.bankCardToken)).toEqual(['c1', 'c3']);
  });

  it('stops start-up naming the log and the line when a line before the last is not a change, and leaves it as it was', async () => {
    const file = tempDataFile();
    const log = changeLogFileOf(file);
    const text = 'not a change\n{"op":"clear"}\n';
    writeFileSync(log, text);
    await expect(openLowdbStore({ file })).rejects.toThrow(
      `The change log ${log} is not a dana-mock change log: line 1 is not a change.`,
    );
    expect(readFileSync(log, 'utf8')).toBe(text);
  });

  it('is folded into the data file and emptied once it outgrows its limit', async () => {
    const file = tempDataFile();
    const store = await openLowdbStore({ file, compactAfterBytes: 2_000 });
    for (let i = 0; i < 30; i++) store.put('cards', `c${i}`, card(`c${i}`));
    expect(statSync(changeLogFileOf(file)).size).toBeLessThan(2_000);
    const snapshot = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(snapshot.collections.cards['']).length).toBeGreaterThanOrEqual(15);
    expect((await openLowdbStore({ file })).list('cards')).toHaveLength(30);
  });

  it('is folded into the data file at flush, leaving it empty', async () => {
    const file = tempDataFile();
    const store = await openLowdbStore({ file });
    store.put('cards', 'c1', card('c1'));
    await store.flush();
    expect(readFileSync(changeLogFileOf(file), 'utf8')).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).collections.cards[''].c1).toEqual(card('c1'));
  });
});
