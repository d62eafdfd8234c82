import type { SandboxDeps } from './core/types.js';
import type { Sandbox } from './sandbox.js';

/** Each sandbox's dependencies, out of reach of the package's users: server/index.ts never exports this module. */
const depsOf = new WeakMap<Sandbox, SandboxDeps>();

/** Called by createSandbox only. */
export function keepInternals(sandbox: Sandbox, deps: SandboxDeps): void {
  depsOf.set(sandbox, deps);
}

/**
 * The store, clock, endpoint table and the rest behind a sandbox, for this repository's tests, bench and
 * Postman scripts. Not part of the public API: partners use `sandbox.control`.
 */
export function internalsOf(sandbox: Sandbox): SandboxDeps {
  const deps = depsOf.get(sandbox);
  if (!deps) throw new Error('internalsOf: not a sandbox made by createSandbox().');
  return deps;
}
