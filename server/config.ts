import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { journalTotalDefault } from './core/journal.js';
import type { LogLevel } from './core/logger.js';
import { replayIdsPerSessionDefault, replayIdsTotalDefault } from './core/ReplayGuard.js';
import { findPackageRoot } from './packageRoot.js';

/** Everything that can be configured, with every default in one place. */
export interface SandboxConfig {
  port: number;
  host: string;
  /** The lowdb data file, absolute; ignored when `inMemory`. */
  dataFile: string;
  /** Keep no data file. The CLI defaults to false, createSandbox() to true unless given a dataFile. */
  inMemory: boolean;
  keysDir: string;
  /** Extra partners (`{ "partners": [...] }`), registered after those in keysDir. */
  partnersFile?: string;
  fixturesFile: string;
  schemasDir: string;
  scenariosDir: string;
  /** Reject a second use of an X-EXTERNAL-ID by the same client on the same Jakarta day (409xx00). */
  replayCheck: boolean;
  /** Reject X-TIMESTAMP further than this from the sandbox clock (401xx00); undefined = no check. */
  clockSkewSeconds?: number;
  /** Journal entries each session keeps (and the global scope keeps), its newest first to stay. */
  journalLimit: number;
  /** Journal entries kept over all sessions; past it the oldest entry of any session goes. */
  journalTotalLimit: number;
  /** X-EXTERNAL-IDs remembered per session for the replay check; past it the session's oldest is forgotten. */
  replayIdsPerSession: number;
  /** X-EXTERNAL-IDs remembered over all sessions; past it the oldest of any session is forgotten. */
  replayIdsTotal: number;
  /**
   * Host names and origins /__admin answers besides loopback, the configured host and DANA's hosts
   * (`dana-mock`, `http://ci-runner:4510`): for containers and shared machines.
   */
  allowedHosts: string[];
  /** When set, /__admin requires `Authorization: Bearer <token>` or `X-Mock-Admin-Token: <token>`. */
  adminToken?: string;
  logLevel: LogLevel;
  /** The /__admin signing helper for Postman (only for partners whose private key the sandbox holds). */
  signingHelper: boolean;
  /** How long a `timeout` scenario waits before answering. */
  timeoutDelayMs: number;
  /** OTTs one customer may get per sandbox minute before 4294900, for customers whose fixture sets none; undefined = no limit. */
  ottLimitPerMinute?: number;
  /** Lifetime of an OTT (undocumented by DANA; chosen here). */
  ottTtlSeconds: number;
  /** Lifetime of a B2B access token: SNAP's expiresIn "900". */
  b2bTokenTtlSeconds: number;
  /** Extra base URLs the MSW handlers intercept, beside DANA's sandbox and production hosts. */
  baseUrls: string[];
  /** How long one finish-notify attempt waits for the partner's answer before it counts as a timeout. */
  webhookTimeoutMs: number;
}

/**
 * The CLI's defaults. What dana-mock ships (keys, fixtures, schemas, scenarios) is found relative to the
 * package, so `npx dana-mock` works from any folder; the data file is the user's, relative to the current
 * folder, so an installed package never writes into node_modules.
 */
export function defaultConfig(root: string = findPackageRoot(), cwd: string = process.cwd()): SandboxConfig {
  return {
    // Not 4010, Prism's default: both often run side by side.
    port: 4510,
    host: '127.0.0.1',
    dataFile: resolve(cwd, '.data', 'dana-mock.json'),
    inMemory: false,
    keysDir: join(root, 'keys'),
    fixturesFile: join(root, 'scenarios', 'fixtures.json'),
    schemasDir: join(root, 'schemas'),
    scenariosDir: join(root, 'scenarios'),
    replayCheck: true,
    journalLimit: 1000,
    journalTotalLimit: journalTotalDefault,
    replayIdsPerSession: replayIdsPerSessionDefault,
    replayIdsTotal: replayIdsTotalDefault,
    allowedHosts: [],
    logLevel: 'warn',
    signingHelper: true,
    timeoutDelayMs: 10_000,
    ottTtlSeconds: 600,
    b2bTokenTtlSeconds: 900,
    baseUrls: [],
    webhookTimeoutMs: 5_000,
  };
}

const usage = `Usage: dana-mock [options]
  --port <n>             port to listen on (env PORT; default 4510; 0 = any free port)
  --host <addr>          address to bind (env HOST; default 127.0.0.1)
  --data <file>          data file (env DANA_MOCK_DATA; default .data/dana-mock.json in the current folder)
  --in-memory            keep no data file (throw-away runs)
  --keys <dir>           key folder (default keys/)
  --partners <file>      extra partners file
  --fixtures <file>      fixtures seeded at start (default scenarios/fixtures.json)
  --no-replay-check      allow an X-EXTERNAL-ID to be reused on the same day
  --clock-skew <s>       reject X-TIMESTAMP more than s seconds from the sandbox clock
  --journal-limit <n>    journal entries kept per session (default 1000)
  --journal-total-limit <n>
                         journal entries kept over all sessions (default ${journalTotalDefault})
  --replay-ids-per-session <n>
                         X-EXTERNAL-IDs remembered per session (default ${replayIdsPerSessionDefault})
  --replay-ids-total <n> X-EXTERNAL-IDs remembered over all sessions (default ${replayIdsTotalDefault})
  --allowed-hosts <list> extra host names or origins /__admin answers, comma-separated
                         (env DANA_MOCK_ALLOWED_HOSTS), e.g. dana-mock,http://ci-runner:4510
  --admin-token <token>  /__admin requires Authorization: Bearer <token> or X-Mock-Admin-Token
                         (env DANA_MOCK_ADMIN_TOKEN); for a sandbox reachable beyond loopback
  --no-signing-helper    switch off the /__admin signing helper
  --timeout-delay <ms>   delay of the timeout scenario (default 10000)
  --ott-limit <n>        Apply OTT answers 4294900 past n OTTs per customer per sandbox minute, for
                         customers whose fixture sets no ottLimitPerMinute (default: no limit)
  --webhook-timeout <ms> how long a finish notify waits for the partner's answer (default 5000)
  --log-level <level>    debug | info | warn | error | silent (env LOG_LEVEL; default warn)
  --help                 this text
Every option is also an environment variable DANA_MOCK_<OPTION> (DANA_MOCK_CLOCK_SKEW=30,
DANA_MOCK_IN_MEMORY=true); PORT, HOST and LOG_LEVEL work too. An option given on the command line wins.`;

/** Node fires a longer timer at once (TimeoutOverflowWarning), so a longer delay could never time out. */
export const maxTimerDelayMs = 2 ** 31 - 1;
/** The journal is preallocated; a million entries of at most 2 x 64 KiB is already far beyond a test run. */
export const maxJournalLimit = 1_000_000;

/** `a, b,,c` -> ['a', 'b', 'c']; undefined stays undefined (not given). */
const splitList = (text: string | undefined) =>
  text === undefined
    ? undefined
    : text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');

/** Reads argv and env into a SandboxConfig; throws with the usage text on a bad option. */
export function loadConfig(
  argv: string[],
  env: NodeJS.ProcessEnv,
  base: SandboxConfig = defaultConfig(),
): SandboxConfig & { help: boolean } {
  const { values: fromArgs } = parseArgs({
    args: argv,
    allowNegative: true,
    options: cliOptions,
  });
  const values = { ...readEnvOptions(env), ...fromArgs };
  return applyOptions(values, base);
}

/** Every option, by its CLI name; each is also the environment variable DANA_MOCK_<NAME> (envNameOf). */
export const cliOptions = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  'in-memory': { type: 'boolean' },
  keys: { type: 'string' },
  partners: { type: 'string' },
  fixtures: { type: 'string' },
  'replay-check': { type: 'boolean' },
  'clock-skew': { type: 'string' },
  'journal-limit': { type: 'string' },
  'journal-total-limit': { type: 'string' },
  'replay-ids-per-session': { type: 'string' },
  'replay-ids-total': { type: 'string' },
  'allowed-hosts': { type: 'string' },
  'admin-token': { type: 'string' },
  'signing-helper': { type: 'boolean' },
  'timeout-delay': { type: 'string' },
  'ott-limit': { type: 'string' },
  'log-level': { type: 'string' },
  'webhook-timeout': { type: 'string' },
  help: { type: 'boolean' },
} as const;

type OptionValues = {
  [K in keyof typeof cliOptions]?: (typeof cliOptions)[K]['type'] extends 'boolean' ? boolean : string;
};

/** `clock-skew` -> `DANA_MOCK_CLOCK_SKEW`. */
export const envNameOf = (option: string) => `DANA_MOCK_${option.toUpperCase().replace(/-/g, '_')}`;

/** Short names a container or PaaS sets without a prefix; DANA_MOCK_<NAME> wins over them. */
const envAliases: Record<string, string> = {
  port: 'PORT',
  host: 'HOST',
  'log-level': 'LOG_LEVEL',
  data: 'DANA_MOCK_DATA',
};

/** The options given as environment variables: DANA_MOCK_<NAME> (then PORT, HOST, LOG_LEVEL); booleans take true/false/1/0. */
function readEnvOptions(env: NodeJS.ProcessEnv): OptionValues {
  const values: Record<string, string | boolean> = {};
  for (const [name, { type }] of Object.entries(cliOptions)) {
    if (name === 'help') continue;
    const variable = [envNameOf(name), envAliases[name]].find(
      (v) => v !== undefined && env[v] !== undefined && env[v] !== '',
    );
    if (variable === undefined) continue;
    const text = env[variable]!.trim();
    if (type === 'string') values[name] = text;
    else if (/^(true|1|yes)$/i.test(text)) values[name] = true;
    else if (/^(false|0|no)$/i.test(text)) values[name] = false;
    else throw new Error(`${variable} takes true or false, got "${text}"\n${usage}`);
  }
  return values as OptionValues;
}

function applyOptions(values: OptionValues, base: SandboxConfig): SandboxConfig & { help: boolean } {
  const int = (name: string, text: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER) => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got "${text}"\n${usage}`);
    if (n > max) throw new Error(`--${name} must be at most ${max}, got ${text}\n${usage}`);
    return n;
  };
  const logLevel = (values['log-level'] ?? base.logLevel) as LogLevel;
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(logLevel))
    throw new Error(`--log-level "${logLevel}" is not a level\n${usage}`);
  if (values['admin-token'] !== undefined && values['admin-token'].trim() === '')
    throw new Error(`--admin-token must not be empty: an empty token would protect nothing\n${usage}`);
  const path = (p: string | undefined) => (p === undefined ? undefined : resolve(p));
  return {
    ...base,
    port: int('port', values.port, base.port, 65_535),
    host: values.host ?? base.host,
    dataFile: path(values.data) ?? base.dataFile,
    inMemory: values['in-memory'] ?? base.inMemory,
    keysDir: path(values.keys) ?? base.keysDir,
    partnersFile: path(values.partners) ?? base.partnersFile,
    fixturesFile: path(values.fixtures) ?? base.fixturesFile,
    replayCheck: values['replay-check'] ?? base.replayCheck,
    clockSkewSeconds:
      values['clock-skew'] === undefined ? base.clockSkewSeconds : int('clock-skew', values['clock-skew'], 0),
    journalLimit: int('journal-limit', values['journal-limit'], base.journalLimit, maxJournalLimit),
    journalTotalLimit: int(
      'journal-total-limit',
      values['journal-total-limit'],
      base.journalTotalLimit,
      maxJournalLimit,
    ),
    replayIdsPerSession: int('replay-ids-per-session', values['replay-ids-per-session'], base.replayIdsPerSession),
    replayIdsTotal: int('replay-ids-total', values['replay-ids-total'], base.replayIdsTotal),
    allowedHosts: splitList(values['allowed-hosts']) ?? base.allowedHosts,
    adminToken: values['admin-token'] ?? base.adminToken,
    signingHelper: values['signing-helper'] ?? base.signingHelper,
    timeoutDelayMs: int('timeout-delay', values['timeout-delay'], base.timeoutDelayMs, maxTimerDelayMs),
    ottLimitPerMinute:
      values['ott-limit'] === undefined ? base.ottLimitPerMinute : int('ott-limit', values['ott-limit'], 0),
    webhookTimeoutMs: int('webhook-timeout', values['webhook-timeout'], base.webhookTimeoutMs, maxTimerDelayMs),
    logLevel,
    help: values.help ?? false,
  };
}

export { usage };
