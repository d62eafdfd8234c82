/** dana-mock's programmatic API. */
export { createSandbox, type Sandbox, type SandboxOptions } from './sandbox.js';
export { defaultConfig, loadConfig, type SandboxConfig } from './config.js';
export { createSequentialIds, createRandomIds, type IdGenerator } from './core/ids.js';
export type { SandboxRequest, SandboxResponse, Outcome } from './core/types.js';
export type { JournalEntry, JournalFilter } from './core/journal.js';
export { snapCases, snapResponseCode, snapResponseMessage } from './protocols/snap/snapCases.js';
export { SandboxControl, type ArmInput } from './control/SandboxControl.js';
/** What control-plane calls throw: `status` is the HTTP status the same call gets over /__admin. AdminError is its deprecated old name. */
export { ControlError, AdminError } from './control/ControlError.js';
export { envelopeCases, envelopeResultMsg } from './protocols/envelope/envelopeCases.js';
export type { ArmedRule, RuleMatch } from './scenarios/ArmedRule.js';
export type { Scenario } from './scenarios/ScenarioBook.js';
export { createDanaHandlers, danaHosts, type DanaHandlerOptions } from './adapters/msw.js';
/** The largest request body either adapter reads (1 MiB); larger ones get 400xx00 / MSG_PARSE_ERROR. */
export { maxBodyBytes } from './adapters/readBody.js';
export { loadDemoPartner, type DemoPartner } from './demoPartner.js';
