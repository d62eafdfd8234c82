/**
 * Remembers X-EXTERNAL-IDs per Jakarta day, in memory only (SNAP: unique per client per day).
 * Only the two most recent days are kept, so the cost per request never grows.
 */
export class ReplayGuard {
  private readonly days = new Map<string, Set<string>>();

  /** Records the id and tells whether it had been seen on that day already. */
  seen(day: string, key: string): boolean {
    let ids = this.days.get(day);
    if (!ids) {
      ids = new Set();
      this.days.set(day, ids);
      const sorted = [...this.days.keys()].sort();
      while (sorted.length > 2) this.days.delete(sorted.shift() as string);
    }
    if (ids.has(key)) return true;
    ids.add(key);
    return false;
  }

  clear(): void {
    this.days.clear();
  }
}
