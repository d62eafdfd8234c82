// dana-mock's programmatic API: the package exports exactly these names, each documented here
// (test/api/publicApi.test.ts keeps the list exact). Anything else, internalsOf included, is internal.

/** A sandbox in-process: createSandbox(options) loads and checks every key, schema and fixture once. */
export { createSandbox, type Sandbox, type SandboxOptions } from './sandbox.js';
/** The configuration: its defaults, and the CLI's reading of arguments and environment. */
export { defaultConfig, loadConfig, type SandboxConfig } from './config.js';
/** Id sources for SandboxOptions.ids: sequential ids make answers repeatable. */
export { createSequentialIds, createRandomIds, type IdGenerator } from './core/ids.js';
/** The framework-free request and response of sandbox.handle, and what an endpoint decides. */
export type { SandboxRequest, SandboxResponse, Outcome } from './core/types.js';
/** What sandbox.control.journal() returns, and its filter. */
export type { JournalEntry, JournalFilter } from './core/journal.js';
/** SNAP's cases (HTTP status, case code, message) and the wire responseCode and responseMessage, to assert on. */
export { snapCases, snapResponseCode, snapResponseMessage } from './protocols/snap/snapCases.js';
/** The control plane in-process (sandbox.control), and what armScenario takes. */
export { SandboxControl, type ArmInput } from './control/SandboxControl.js';
/** What control-plane calls throw: `status` is the HTTP status the same call gets over /__admin. AdminError is its deprecated old name. */
export { ControlError, AdminError } from './control/ControlError.js';
/** The Open API envelope's result rows and its resultMsg, to assert on. */
export { envelopeCases, envelopeResultMsg } from './protocols/envelope/envelopeCases.js';
/** An armed scenario rule, and the request fields it may match on. */
export type { ArmedRule, RuleMatch } from './scenarios/ArmedRule.js';
/** A scenario of the packs, as sandbox.control.listScenarios() lists it. */
export type { Scenario } from './scenarios/ScenarioBook.js';
/** MSW handlers that answer DANA's hosts (and any base URL given) from a sandbox. */
export { createDanaHandlers, danaHosts, type DanaHandlerOptions } from './adapters/msw.js';
/** The largest request body either adapter reads (1 MiB); larger ones get 400xx00 / MSG_PARSE_ERROR. */
export { maxBodyBytes } from './adapters/readBody.js';
/** The TEST-ONLY demo partner's id and private key. */
export { loadDemoPartner, type DemoPartner } from './demoPartner.js';
