import type { SandboxDeps } from '../core/types.js';

/**
 * Armed rules kept in the data file must name a scenario the loaded packs still have: a rule for a
 * renamed or removed scenario would be used up without effect, and the request answered from state
 * as if nothing were armed. Stops start-up naming the file and the rule.
 */
export function checkStoredRules(deps: SandboxDeps): void {
  for (const { scope, id, value: rule } of deps.store.listEveryScope('rules')) {
    const where = `The data file ${deps.config.dataFile} holds armed rule ${id}${scope === undefined ? '' : ` of session ${scope}`}`;
    const fix =
      'Restore it in the packs, or remove the rule from collections.rules in the file (or move the file away).';
    if (!deps.endpoints.get(rule.endpoint))
      throw new Error(
        `${where} for endpoint "${rule.endpoint}", which this sandbox does not emulate (${deps.endpoints
          .list()
          .map((e) => e.id)
          .join(', ')}). ${fix}`,
      );
    if (!deps.scenarios.find(rule.endpoint, rule.scenario)) {
      throw new Error(
        `${where} for scenario "${rule.scenario}", which the scenario packs of ${rule.endpoint} lack (${deps.scenarios.names(rule.endpoint).join(', ')}). ${fix}`,
      );
    }
  }
}
