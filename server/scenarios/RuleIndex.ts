import { scopeKeyOf } from '../core/globalScope.js';
import type { Store } from '../store/store.js';
import type { ArmedRule } from './ArmedRule.js';

/** Rule ids of one scope, per endpoint, in arming order. */
type ScopeIndex = Map<string, string[]>;

function append(index: ScopeIndex, rule: ArmedRule): void {
  const ids = index.get(rule.endpoint);
  if (ids) ids.push(rule.id);
  else index.set(rule.endpoint, [rule.id]);
}

/**
 * Which armed rules a request has to look at: its endpoint's, in its session and globally, in arming
 * order, so a request never lists or sorts every rule of the store (10k armed rules cost 15 ms per
 * request that way). The store stays the truth: an id is checked with store.get on use and dropped
 * once its rule is gone (used up, disarmed, reset), so only arming has to tell the index. One per
 * sandbox (SandboxDeps.rules).
 */
export class RuleIndex {
  private readonly scopes = new Map<string, ScopeIndex>();

  constructor(private readonly store: Store) {}

  /** The rules of `endpoint` that a request of `scope` sees: the session's own first, then the global ones, each oldest first. */
  *candidates(endpoint: string, scope: string | undefined): Generator<ArmedRule> {
    if (scope !== undefined) yield* this.walk(endpoint, scope);
    yield* this.walk(endpoint, undefined);
  }

  /** Called on arming; a scope not indexed yet reads the new rule from the store when it is first used. */
  add(rule: ArmedRule): void {
    const index = this.scopes.get(scopeKeyOf(rule.session));
    if (index) append(index, rule);
  }

  /** After a reset of `scope` (or of everything): rebuilt from the store on next use. */
  forget(scope?: string): void {
    if (scope === undefined) this.scopes.clear();
    else this.scopes.delete(scope);
  }

  private *walk(endpoint: string, scope: string | undefined): Generator<ArmedRule> {
    const ids = this.scopeIndex(scope).get(endpoint);
    if (!ids) return;
    for (let i = 0; i < ids.length;) {
      const rule = this.store.get('rules', ids[i], scope);
      if (rule === undefined || rule.session !== scope) {
        ids.splice(i, 1);
        continue;
      }
      i++;
      yield rule;
    }
  }

  private scopeIndex(scope: string | undefined): ScopeIndex {
    const key = scopeKeyOf(scope);
    let index = this.scopes.get(key);
    if (!index) {
      index = new Map();
      const own = this.store
        .list('rules', scope)
        .filter((r) => r.session === scope)
        .sort((a, b) => a.armedAt.localeCompare(b.armedAt) || a.id.localeCompare(b.id));
      for (const rule of own) append(index, rule);
      this.scopes.set(key, index);
    }
    return index;
  }
}
