/** How many Jakarta days each scope remembers: enough for a test walking its clock over a week and back. */
export const replayDaysKept = 7;

/** The default caps on remembered X-EXTERNAL-IDs (about 300 bytes each). */
export const replayIdsPerSessionDefault = 20_000;
export const replayIdsTotalDefault = 100_000;

export interface ReplayLimits {
  daysKept?: number;
  /** Ids one scope remembers; past it the scope's oldest is forgotten. */
  perSession?: number;
  /** Ids remembered over all scopes; past it the oldest of any scope is forgotten. */
  total?: number;
}

// Day, scope and id joined: neither a day nor a session name holds a NUL (the id may).
const entryKey = (scope: string, day: string, key: string) => `${day}\u0000${scope}\u0000${key}`;

function splitEntryKey(composite: string): [scope: string, day: string, key: string] {
  const afterDay = composite.indexOf('\u0000');
  const afterScope = composite.indexOf('\u0000', afterDay + 1);
  return [composite.slice(afterDay + 1, afterScope), composite.slice(0, afterDay), composite.slice(afterScope + 1)];
}

/**
 * Remembers X-EXTERNAL-IDs per scope (session) and Jakarta day, in memory only (SNAP: unique per
 * client per day). Memory is bounded three ways: each scope keeps only the `daysKept` days it used
 * most recently, at most `perSession` ids, and all scopes together at most `total` ids (the oldest
 * go first). A session that moves its own clock never makes another forget its ids. Recency, not
 * calendar order, decides: a clock set back to an earlier day must still be checked.
 */
export class ReplayGuard {
  private readonly scopes = new Map<string, Map<string, Set<string>>>();
  /** Every remembered id in the order it was first seen: the global eviction order. */
  private readonly order = new Set<string>();
  private readonly counts = new Map<string, number>();
  readonly daysKept: number;
  readonly perSession: number;
  readonly total: number;

  constructor(limits: ReplayLimits = {}) {
    this.daysKept = limits.daysKept ?? replayDaysKept;
    this.perSession = limits.perSession ?? replayIdsPerSessionDefault;
    this.total = limits.total ?? replayIdsTotalDefault;
  }

  /** Ids remembered now, over all scopes. */
  get size(): number {
    return this.order.size;
  }

  /** Records the id and tells whether it had been seen in that scope on that day already. */
  seen(scope: string, day: string, key: string): boolean {
    let days = this.scopes.get(scope);
    if (!days) this.scopes.set(scope, (days = new Map()));
    const ids = days.get(day) ?? new Set<string>();
    // Re-inserting moves the day to the end of the Map's order, so the day written is never the one evicted.
    days.delete(day);
    days.set(day, ids);
    for (const oldest of days.keys()) {
      if (days.size <= this.daysKept) break;
      this.forgetDay(scope, oldest);
    }
    if (ids.has(key)) return true;
    if (this.perSession === 0 || this.total === 0) return false;
    ids.add(key);
    this.order.add(entryKey(scope, day, key));
    this.counts.set(scope, (this.counts.get(scope) ?? 0) + 1);
    if (this.counts.get(scope)! > this.perSession) this.forgetOldestOf(scope);
    while (this.order.size > this.total) this.forgetOldest();
    return false;
  }

  /** Forgets one scope, or everything. */
  clear(scope?: string): void {
    if (scope === undefined) {
      this.scopes.clear();
      this.order.clear();
      this.counts.clear();
      return;
    }
    for (const day of [...(this.scopes.get(scope)?.keys() ?? [])]) this.forgetDay(scope, day);
    this.scopes.delete(scope);
  }

  /** The scopes holding ids now. */
  scopeNames(): string[] {
    return [...this.scopes.keys()];
  }

  private forget(scope: string, day: string, key: string): void {
    const days = this.scopes.get(scope)!;
    const ids = days.get(day)!;
    ids.delete(key);
    this.order.delete(entryKey(scope, day, key));
    const count = this.counts.get(scope)! - 1;
    if (count > 0) this.counts.set(scope, count);
    else this.counts.delete(scope);
    if (ids.size === 0) days.delete(day);
    if (days.size === 0) this.scopes.delete(scope);
  }

  private forgetDay(scope: string, day: string): void {
    for (const key of [...(this.scopes.get(scope)?.get(day) ?? [])]) this.forget(scope, day, key);
    this.scopes.get(scope)?.delete(day);
  }

  /** The scope's least recently used day holds its oldest ids. */
  private forgetOldestOf(scope: string): void {
    const [day, ids] = this.scopes.get(scope)!.entries().next().value as [string, Set<string>];
    this.forget(scope, day, ids.values().next().value as string);
  }

  private forgetOldest(): void {
    this.forget(...splitEntryKey(this.order.values().next().value as string));
  }
}
