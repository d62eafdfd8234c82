import type { CollectionName, Collections } from './entities.js';

/**
 * Scoped key-value collections. A scope is a test session; `undefined` is the global scope.
 * Reads look in the session first and fall back to global, writes go to the given scope, so a
 * session that changes a global fixture changes its own copy and never another session's.
 */
export interface Store {
  get<C extends CollectionName>(collection: C, id: string, scope?: string): Collections[C] | undefined;
  put<C extends CollectionName>(collection: C, id: string, value: Collections[C], scope?: string): void;
  delete(collection: CollectionName, id: string, scope?: string): boolean;
  /** Everything visible from `scope`: its own entries over the global ones. */
  list<C extends CollectionName>(collection: C, scope?: string): Collections[C][];
  /** Every entry of a collection in every scope, for start-up checks that span sessions; `scope` undefined = global. */
  listEveryScope<C extends CollectionName>(collection: C): { scope?: string; id: string; value: Collections[C] }[];
  /** Forget one session's entries, or with no scope, everything. */
  clear(scope?: string): void;
  /** Wait until every change so far is on disk, or its write failed (then see writeStatus; it never rejects). */
  flush(): Promise<void>;
  /** Whether the last write of the data file worked, and the last one that failed. */
  writeStatus(): WriteStatus;
}

export interface WriteStatus {
  /** False from a failed write until one succeeds; always true in memory. */
  ok: boolean;
  lastFailure?: { file: string; at: string; reason: string };
}
