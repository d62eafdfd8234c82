import { beforeEach, describe, expect, it } from '@jest/globals';
import { Clock } from '../../server/core/clock.js';
import { openLowdbStore } from '../../server/store/lowdbStore.js';
import { admin } from '../support/admin.js';
import { createTestSandbox } from '../support/testSandbox.js';

const start = Date.parse('2026-11-22T10:00:00+07:00');
const at = (iso: string) => new Date(iso);
let real: number;
let clock: Clock;
/** Real time moving on under the clock, as it does between two requests. */
const pass = (ms: number) => {
  real += ms;
};

beforeEach(async () => {
  real = start;
  clock = new Clock(await openLowdbStore(), () => real);
});

describe('sandbox clock', () => {
  it('follows real time until told otherwise', () => {
    pass(5_000);
    expect(clock.now().getTime()).toBe(start + 5_000);
  });

  it('stays still while frozen, though real time moves', () => {
    const frozen = clock.freeze().getTime();
    pass(60_000);
    expect(clock.now().getTime()).toBe(frozen);
    expect(frozen).toBe(start);
  });

  it('freezes at the instant given', () => {
    clock.freeze(undefined, at('2027-01-01T00:00:00+07:00'));
    pass(60_000);
    expect(clock.now()).toEqual(at('2027-01-01T00:00:00+07:00'));
  });

  it('stays frozen at the instant set while frozen', () => {
    clock.freeze();
    clock.set(undefined, at('2027-03-01T23:59:00+07:00'));
    pass(60_000);
    expect(clock.now()).toEqual(at('2027-03-01T23:59:00+07:00'));
    expect(clock.state().frozenAt).toBe(Date.parse('2027-03-01T23:59:00+07:00'));
  });

  it('runs on from the instant set while running', () => {
    clock.set(undefined, at('2027-03-01T23:59:00+07:00'));
    pass(90_000);
    expect(clock.now()).toEqual(at('2027-03-02T00:00:30+07:00'));
  });

  it('resumes from the frozen instant, not from real time, then runs with real time', () => {
    clock.freeze(undefined, at('2027-03-01T12:00:00+07:00'));
    pass(3_600_000);
    expect(clock.resume()).toEqual(at('2027-03-01T12:00:00+07:00'));
    expect(clock.state().frozenAt).toBeUndefined();
    pass(30_000);
    expect(clock.now()).toEqual(at('2027-03-01T12:00:30+07:00'));
  });

  it('advances by exactly the amount given, frozen or running', () => {
    clock.freeze();
    clock.advance(undefined, 61_000);
    expect(clock.now().getTime()).toBe(start + 61_000);
    clock.resume();
    pass(1_000);
    clock.advance(undefined, 600_000);
    expect(clock.now().getTime()).toBe(start + 61_000 + 1_000 + 600_000);
  });

  it('adds exactly the amount to a running clock even while real time ticks between its reads', async () => {
    let ticking = start;
    const ticked = new Clock(await openLowdbStore(), () => ticking++);
    ticked.advance(undefined, 61_000);
    expect(ticked.state().offsetMs).toBe(61_000);
  });

  it('returns to real time on reset, frozen or shifted', () => {
    clock.set(undefined, at('2030-01-01T00:00:00Z'));
    clock.freeze();
    pass(10_000);
    expect(clock.reset().getTime()).toBe(start + 10_000);
    pass(10_000);
    expect(clock.now().getTime()).toBe(start + 20_000);
  });

  it('keeps each session its own clock, and a session that never moved its clock reads the global one', () => {
    clock.freeze('a', at('2027-01-01T00:00:00Z'));
    clock.set('b', at('2028-01-01T00:00:00Z'));
    clock.advance(undefined, 3_600_000);
    pass(1_000);
    expect(clock.now('a')).toEqual(at('2027-01-01T00:00:00Z'));
    expect(clock.now('b')).toEqual(at('2028-01-01T00:00:01Z'));
    expect(clock.now('c').getTime()).toBe(start + 3_600_000 + 1_000);
    clock.reset('a');
    expect(clock.now('a').getTime()).toBe(start + 3_600_000 + 1_000);
    expect(clock.now('b')).toEqual(at('2028-01-01T00:00:01Z'));
  });

  it.each(['seconds', 'minutes', 'ms'])(
    'refuses a negative %s on clock/advance with 400 naming the field and pointing to clock/set',
    async (field) => {
      const sandbox = await createTestSandbox();
      const res = await admin(sandbox, 'POST', '/clock/advance', { [field]: -5 }, 'backwards');
      const after = await admin(sandbox, 'GET', '/clock', undefined, 'backwards');
      await sandbox.close();
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(new RegExp(`^Invalid body at /${field}: .*forward only.*clock/set`));
      expect([after.body.offsetMs, after.body.frozen]).toEqual([0, false]);
    },
  );

  it('refuses a negative advance in process too, leaving the clock where it was', async () => {
    const sandbox = await createTestSandbox();
    const before = sandbox.control.clock.now();
    expect(() => sandbox.control.clock.advance(-5_000)).toThrow(/forward only.*clock\.set/);
    expect(sandbox.control.clock.now()).toEqual(before);
    await sandbox.close();
  });

  it('advances over the control plane by the amount given', async () => {
    const sandbox = await createTestSandbox();
    const res = await admin(sandbox, 'POST', '/clock/advance', { minutes: 10 }, 'forward');
    await sandbox.close();
    expect([res.status, res.body.offsetMs]).toEqual([200, 600_000]);
  });
});
