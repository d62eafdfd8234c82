import { createSequentialIds } from '../../server/core/ids.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../server/sandbox.js';

/** 2026-11-22 10:00:00 in Jakarta: the fixed real time under every test sandbox's clock. */
export const fixedNow = Date.parse('2026-11-22T10:00:00+07:00');

/** An in-memory, silent sandbox with a fixed clock and sequential ids. */
export function createTestSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return createSandbox({
    inMemory: true,
    logLevel: 'silent',
    realNow: () => fixedNow,
    ids: createSequentialIds(),
    ...options,
  });
}
