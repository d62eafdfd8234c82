import { scopeKeyOf } from '../core/globalScope.js';
import type { Store } from './store.js';

/**
 * Forgets the expired OTTs or B2B tokens of one scope, at most once per sandbox minute: issued
 * credentials would otherwise pile up for as long as the sandbox runs. Reads the sandbox clock, so a
 * frozen clock keeps everything and an advanced one sweeps at once. One per sandbox (SandboxDeps.sweeper).
 */
export class ExpirySweeper {
  /** When each collection of each scope was last swept, in sandbox-clock milliseconds. */
  private readonly lastSweeps = new Map<string, number>();

  constructor(private readonly store: Store) {}

  /** Deletes the entries of `collection` in `scope` that expired by `now`, unless swept within the minute; returns how many. */
  sweep(collection: 'otts' | 'b2bTokens', now: Date, scope?: string): number {
    const key = `${collection}|${scopeKeyOf(scope)}`;
    const last = this.lastSweeps.get(key);
    if (last !== undefined && Math.abs(now.getTime() - last) < 60_000) return 0;
    this.lastSweeps.set(key, now.getTime());
    let swept = 0;
    for (const entry of this.store.list(collection, scope)) {
      if (Date.parse(entry.expiresAt) <= now.getTime() && this.store.delete(collection, entry.value, scope)) swept++;
    }
    return swept;
  }

  /** Forgets when one scope (or every scope) was last swept: a reset session must leave nothing behind. */
  forget(scope?: string): void {
    if (scope === undefined) return this.lastSweeps.clear();
    const suffix = `|${scopeKeyOf(scope)}`;
    for (const key of [...this.lastSweeps.keys()]) if (key.endsWith(suffix)) this.lastSweeps.delete(key);
  }

  /** The scopes whose last sweep is remembered (the global scope as its key). */
  scopes(): string[] {
    return [...new Set([...this.lastSweeps.keys()].map((key) => key.slice(key.indexOf('|') + 1)))];
  }
}
