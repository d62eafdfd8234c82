/** How many Jakarta days each scope remembers: enough for a test walking its clock over a week and back. */
export const replayDaysKept = 7;

/**
 * Remembers X-EXTERNAL-IDs per scope (session) and Jakarta day, in memory only (SNAP: unique per
 * client per day). Each scope keeps only the `replayDaysKept` days it used most recently, so memory
 * stays bounded, and a session that moves its own clock never makes another forget its ids.
 * Recency, not calendar order, decides: a clock set back to an earlier day must still be checked.
 */
export class ReplayGuard {
  private readonly scopes = new Map<string, Map<string, Set<string>>>();

  constructor(private readonly daysKept = replayDaysKept) {}

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
      days.delete(oldest);
    }
    if (ids.has(key)) return true;
    ids.add(key);
    return false;
  }

  /** Forgets one scope, or everything. */
  clear(scope?: string): void {
    if (scope === undefined) this.scopes.clear();
    else this.scopes.delete(scope);
  }
}
