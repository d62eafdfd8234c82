import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../server/config.js';
import { ReplayGuard } from '../../server/core/ReplayGuard.js';
import { internalsOf } from '../../server/internals.js';
import type { CollectionName } from '../../server/store/entities.js';
import { admin } from '../support/admin.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { issueToken } from '../endpoints/b2bAccessToken.requests.js';
import { openJourney, otpBody, sendResendOtp } from '../endpoints/resendOtp.requests.js';

const day = '2026-11-22';

describe('bounded memory', () => {
  it("forgets a session's oldest X-EXTERNAL-ID past its per-session cap, and only that session's", () => {
    const guard = new ReplayGuard({ perSession: 2 });
    guard.seen('a', day, 'a1');
    guard.seen('b', day, 'b1');
    guard.seen('a', day, 'a2');
    guard.seen('a', day, 'a3');
    expect(guard.size).toBe(3);
    expect(guard.seen('b', day, 'b1')).toBe(true);
    expect(guard.seen('a', day, 'a2')).toBe(true);
    expect(guard.seen('a', day, 'a1')).toBe(false);
  });

  it('forgets the oldest X-EXTERNAL-ID of any session past the total cap', () => {
    const guard = new ReplayGuard({ total: 3 });
    ['a1', 'b1', 'a2', 'c1'].forEach((id) => guard.seen(id[0], day, id));
    expect(guard.size).toBe(3);
    expect(['b1', 'a2', 'c1'].map((id) => guard.seen(id[0], day, id))).toEqual([true, true, true]);
    expect(guard.seen('a', day, 'a1')).toBe(false);
  });

  it('counts ids across days within a session, oldest day first', () => {
    const guard = new ReplayGuard({ perSession: 2 });
    guard.seen('a', '2026-11-21', 'old');
    guard.seen('a', day, 'x');
    guard.seen('a', day, 'y');
    expect(guard.seen('a', '2026-11-21', 'old')).toBe(false);
  });

  it('keeps nothing of a reset session: journal, X-EXTERNAL-IDs, sweep bookkeeping, state', async () => {
    const sandbox = await createTestSandbox();
    const session = 'mem-1';
    await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { 'X-Mock-Session': session } });
    const token = await issueToken(sandbox.app, { session });
    await openJourney(sandbox, session, 'j-mem');
    await sendResendOtp(sandbox.app, otpBody('j-mem'), { token, session });
    await admin(sandbox, 'POST', '/clock/freeze', {}, session);
    const held = () => ({
      journal: internalsOf(sandbox).journal.sessionKeys().includes(session),
      replay: internalsOf(sandbox).replay.scopeNames().includes(session),
      sweeps: internalsOf(sandbox).sweeper.scopes().includes(session),
      store: (['otts', 'b2bTokens', 'journeys', 'clocks', 'rateWindows'] as CollectionName[]).some((c) =>
        internalsOf(sandbox)
          .store.listEveryScope(c)
          .some((e) => e.scope === session),
      ),
    });
    expect(held()).toEqual({ journal: true, replay: true, sweeps: true, store: true });
    await admin(sandbox, 'POST', '/reset', undefined, session);
    expect(held()).toEqual({ journal: false, replay: false, sweeps: false, store: false });
    await sandbox.close();
  });

  it('forgets every sweep, id and entry on a global reset', async () => {
    const sandbox = await createTestSandbox();
    await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { 'X-Mock-Session': 'mem-2' } });
    await sendApplyOtt(sandbox.app, 'demo-token-active');
    sandbox.control.reset();
    expect([
      internalsOf(sandbox).journal.size,
      internalsOf(sandbox).replay.size,
      internalsOf(sandbox).sweeper.scopes(),
    ]).toEqual([0, 0, []]);
    await sandbox.close();
  });

  it('shows its memory caps and use in GET /__admin/health', async () => {
    const sandbox = await createTestSandbox({
      journalLimit: 7,
      journalTotalLimit: 70,
      replayIdsPerSession: 5,
      replayIdsTotal: 50,
    });
    await sendApplyOtt(sandbox.app, 'demo-token-active');
    const { memory } = (await admin(sandbox, 'GET', '/health')).body;
    expect(memory).toEqual({
      journal: { perSession: 7, total: 70, held: 1 },
      replayIds: { perSession: 5, total: 50, daysKept: 7, held: 1 },
    });
    await sandbox.close();
  });

  it('reads the caps from --journal-total-limit, --replay-ids-per-session and --replay-ids-total', () => {
    const config = loadConfig(
      ['--journal-total-limit', '5', '--replay-ids-per-session', '3', '--replay-ids-total', '9'],
      {},
    );
    expect([config.journalTotalLimit, config.replayIdsPerSession, config.replayIdsTotal]).toEqual([5, 3, 9]);
  });
});
