import type { Store } from './store.js';

const lastSweeps = new WeakMap<Store, Map<string, number>>();

/**
 * Forgets the expired OTTs or B2B tokens of one scope, at most once per sandbox minute: issued
 * credentials would otherwise pile up for as long as the sandbox runs. Reads the sandbox clock, so a
 * frozen clock keeps everything and an advanced one sweeps at once.
 */
export function sweepExpired(store: Store, collection: 'otts' | 'b2bTokens', now: Date, scope?: string): number {
  const sweeps = lastSweeps.get(store) ?? new Map<string, number>();
  lastSweeps.set(store, sweeps);
  const key = `${collection}|${scope ?? ''}`;
  const last = sweeps.get(key);
  if (last !== undefined && Math.abs(now.getTime() - last) < 60_000) return 0;
  sweeps.set(key, now.getTime());
  let swept = 0;
  for (const entry of store.list(collection, scope)) {
    if (Date.parse(entry.expiresAt) <= now.getTime() && store.delete(collection, entry.value, scope)) swept++;
  }
  return swept;
}

/** Forgets when one scope (or every scope) was last swept: a reset session must leave nothing behind. */
export function forgetSweeps(store: Store, scope?: string): void {
  const sweeps = lastSweeps.get(store);
  if (!sweeps) return;
  if (scope === undefined) return sweeps.clear();
  for (const key of [...sweeps.keys()]) if (key.slice(key.indexOf('|') + 1) === scope) sweeps.delete(key);
}

/** The scopes whose last sweep is remembered ('' = global). */
export function sweptScopes(store: Store): string[] {
  return [...new Set([...(lastSweeps.get(store)?.keys() ?? [])].map((key) => key.slice(key.indexOf('|') + 1)))];
}
