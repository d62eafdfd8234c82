/**
 * Remembers X-EXTERNAL-IDs per scope (session) and Jakarta day, in memory only (SNAP: unique per
 * client per day). Each scope keeps only its two most recent days, so the cost per request never
 * grows, and a session that moves its own clock never makes another forget its ids.
 */
export class ReplayGuard {
  private readonly scopes = new Map<string, Map<string, Set<string>>>();

  /** Records the id and tells whether it had been seen in that scope on that day already. */
  seen(scope: string, day: string, key: string): boolean {
    let days = this.scopes.get(scope);
    if (!days) this.scopes.set(scope, (days = new Map()));
    let ids = days.get(day);
    if (!ids) {
      days.set(day, (ids = new Set()));
      const sorted = [...days.keys()].sort();
      while (sorted.length > 2) days.delete(sorted.shift() as string);
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
