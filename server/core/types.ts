import type { Clock } from './clock.js';
import type { SchemaRegistry } from './SchemaRegistry.js';
import type { EndpointTable } from './EndpointTable.js';
import type { ReplayGuard } from './ReplayGuard.js';
import type { RuleIndex } from '../scenarios/RuleIndex.js';
import type { ScenarioBook } from '../scenarios/ScenarioBook.js';
import type { Fixtures } from '../store/fixtures.js';
import type { IdGenerator } from './ids.js';
import type { Journal } from './journal.js';
import type { Logger } from './logger.js';
import type { DanaKeys, PartnerRegistry } from './partners.js';
import type { ExpirySweeper } from '../store/ExpirySweeper.js';
import type { Store } from '../store/store.js';
import type { SandboxConfig } from '../config.js';
import type { WebhookDeliverer } from '../webhooks/WebhookDeliverer.js';

/** A request as the core sees it: plain data, no framework objects. Header names are lower-cased. */
export interface SandboxRequest {
  method: string;
  path: string;
  /** The raw query string including its leading '?', or ''. Part of SNAP's relative URL. */
  search: string;
  headers: Record<string, string>;
  rawBody: string;
}

/** How an adapter must misbehave on purpose (scenario faults). */
export type TransportFault = 'connection-reset';

/**
 * A response that stays open after `body` (server-sent events): the adapter calls `open` with a writer
 * once the head and body are sent, and the function it returns when the client goes away.
 */
export type ResponseStream = (write: (chunk: string) => void) => () => void;

/** A response as the core produces it: the body is the exact text that was signed. */
export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Wait this long before answering (timeout scenarios). */
  delayMs?: number;
  fault?: TransportFault;
  /** Keeps the response open and writes more after `body` (the console's live journal). */
  stream?: ResponseStream;
}

/**
 * What an endpoint or a stage decided, before the protocol renders it. `case` is a catalogue key:
 * `K` narrows it to one protocol's keys, so an endpoint's typo fails to compile.
 */
export interface Outcome<K extends string = string> {
  case: K;
  /** Appended to the catalogue message: the field, or the reason after "Unauthorized. ". */
  detail?: string;
  /** DANA's own wording for the case where a service words it differently from the catalogue (disbursement's "Insufficient Fund"). */
  message?: string;
  /** The precise reason, shown with X-Debug-Mode and always journalled. */
  debug?: string;
  /** Extra members of the response body, after the protocol's own. */
  data?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** Everything the core needs, created once per sandbox. */
export interface SandboxDeps {
  config: SandboxConfig;
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  partners: PartnerRegistry;
  /** The sandbox's own TEST-ONLY DANA key pair. */
  dana: DanaKeys;
  journal: Journal;
  logger: Logger;
  endpoints: EndpointTable;
  replay: ReplayGuard;
  scenarios: ScenarioBook;
  /** Which armed rules a request looks at, per scope and endpoint; told of every rule armed. */
  rules: RuleIndex;
  /** Forgets expired OTTs and B2B tokens; remembers when it last swept each scope. */
  sweeper: ExpirySweeper;
  /** The fixtures file as loaded, for resets. */
  fixtures: Fixtures;
  /** Every schema in schemas/, compiled once. */
  schemas: SchemaRegistry;
  /** DANA's outbound notifies (finish notify) and their retries. */
  webhooks: WebhookDeliverer;
}
