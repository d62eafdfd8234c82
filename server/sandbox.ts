import type { Server } from 'node:http';
import { resolve } from 'node:path';
import type { Express } from 'express';
import { createExpressApp, listen } from './adapters/express.js';
import {
  adminPrefix,
  createAdminHandler,
  isAdminPath,
  rejectUnreadableAdminRequest,
} from './admin/handleAdminRequest.js';
import { accessPolicyOf } from './admin/checkAdminAccess.js';
import { defaultConfig, type SandboxConfig } from './config.js';
import { SandboxControl } from './control/SandboxControl.js';
import { Clock } from './core/clock.js';
import type { EndpointDefinition } from './core/endpoint.js';
import { EndpointTable } from './core/EndpointTable.js';
import { createRandomIds, type IdGenerator } from './core/ids.js';
import { Journal } from './core/journal.js';
import { createLogger } from './core/logger.js';
import { createPartner, loadDanaKeys, loadKeyDirPartners, loadPartnersFile, PartnerRegistry } from './core/partners.js';
import { handleRequest, rejectUnreadableRequest } from './core/pipeline.js';
import { ReplayGuard } from './core/ReplayGuard.js';
import { SchemaRegistry } from './core/SchemaRegistry.js';
import type { SandboxDeps, SandboxRequest, SandboxResponse } from './core/types.js';
import { endpoints } from './endpoints/index.js';
import { keepInternals } from './internals.js';
import { lastResortFor } from './protocols/lastResortFor.js';
import { findPage } from './protocols/page/index.js';
import { checkStoredRules } from './scenarios/checkStoredRules.js';
import { RuleIndex } from './scenarios/RuleIndex.js';
import { ScenarioBook } from './scenarios/ScenarioBook.js';
import { loadFixturesFile, seedFixtures } from './store/fixtures.js';
import { ExpirySweeper } from './store/ExpirySweeper.js';
import { checkStoredReferences, openLowdbStore } from './store/lowdbStore.js';
import { startPaymentTimers } from './payments/startPaymentTimers.js';
import { handleCheckoutPage, isCheckoutPath } from './protocols/page/handleCheckoutPage.js';
import { WebhookDeliverer } from './webhooks/WebhookDeliverer.js';

/**
 * Options of createSandbox: any config field, plus test seams for time and ids. Without `dataFile` (or
 * `inMemory: false`) the sandbox keeps no data file, so test runs and parallel workers never share state.
 */
export interface SandboxOptions extends Partial<SandboxConfig> {
  /** The real time source under the sandbox clock (tests pass a fixed one). */
  realNow?: () => number;
  ids?: IdGenerator;
  /**
   * Endpoints served besides the registry's (server/endpoints/index.ts), e.g. a test's own. Each
   * keeps its schemas/<id>/ and scenarios/<id>.json under its `homes`, else in schemasDir and scenariosDir.
   */
  endpoints?: readonly EndpointDefinition[];
}

/** A running sandbox: the core handler, its Express app, and its control plane. */
export interface Sandbox {
  /** The configuration it runs with: defaults, then the options given (paths resolved). */
  config: SandboxConfig;
  /** The framework-free entry point: plain request in, plain response out. */
  handle(request: SandboxRequest): Promise<SandboxResponse>;
  /** Answers a request whose body an adapter could not read, as its path's protocol (or the control plane) would; both adapters use it. */
  rejectUnreadable(request: SandboxRequest, reason: string): SandboxResponse;
  /** The Express app (never listening by itself): hand it to supertest, or call listen(). */
  app: Express;
  /** Starts HTTP on `port` (default: config.port; 0 = any free port). */
  listen(port?: number): Promise<{ url: string; server: Server }>;
  /** The control plane in-process (fixtures, scenarios, clock, journal, reset); `.forSession(name)` scopes it. */
  control: SandboxControl;
  /** Stops HTTP (if listening) and writes pending state to disk. */
  close(): Promise<void>;
}

/** Builds a sandbox from options; every key, schema and fixture is loaded and checked here, once. */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { realNow, ids, endpoints: extraEndpoints = [], ...given } = options;
  // An option passed as undefined means "not given", never "unset the default".
  const overrides = Object.fromEntries(
    Object.entries(given).filter(([, value]) => value !== undefined),
  ) as Partial<SandboxConfig>;
  const defaults = defaultConfig();
  const config: SandboxConfig = {
    ...defaults,
    ...overrides,
    inMemory: overrides.inMemory ?? overrides.dataFile === undefined,
    dataFile: resolve(overrides.dataFile ?? defaults.dataFile),
  };
  const logger = createLogger(config.logLevel);
  accessPolicyOf(config);
  const schemas = new SchemaRegistry(config.schemasDir);
  const endpointTable = new EndpointTable([...endpoints, ...extraEndpoints], schemas, config.schemasDir);
  const partners = new PartnerRegistry();
  loadKeyDirPartners(config.keysDir).forEach((p) => partners.register(p));
  if (config.partnersFile) loadPartnersFile(config.partnersFile).forEach((p) => partners.register(p));
  const dana = loadDanaKeys(config.keysDir);
  const fixtures = loadFixturesFile(config.fixturesFile, schemas);
  const store = await openLowdbStore({ file: config.inMemory ? undefined : config.dataFile, logger });
  store
    .list('partners')
    .forEach((record) => partners.register(createPartner(record, `${config.dataFile} (registered partner)`)));
  const clock = new Clock(store, realNow);
  seedFixtures(store, fixtures, clock.now());
  if (!config.inMemory) checkStoredReferences(store, config.dataFile);

  const journal = new Journal(config.journalLimit, undefined, config.journalTotalLimit);
  const sandboxIds = ids ?? createRandomIds();
  const deps: SandboxDeps = {
    config,
    store,
    clock,
    ids: sandboxIds,
    partners,
    dana,
    journal,
    logger,
    endpoints: endpointTable,
    replay: new ReplayGuard({ perSession: config.replayIdsPerSession, total: config.replayIdsTotal }),
    schemas,
    scenarios: new ScenarioBook(config.scenariosDir, schemas, endpointTable),
    rules: new RuleIndex(store),
    sweeper: new ExpirySweeper(store),
    fixtures,
    webhooks: new WebhookDeliverer({
      store,
      clock,
      ids: sandboxIds,
      journal,
      logger,
      danaKey: dana.privateKey,
      timeoutMs: config.webhookTimeoutMs,
    }),
  };
  checkStoredRules(deps);
  const stopPaymentTimers = startPaymentTimers(deps);
  const handleAdminRequest = createAdminHandler(schemas);
  const fail = (request: SandboxRequest, error: unknown) => {
    logger.error('the pipeline failed', { path: request.path, stack: (error as Error)?.stack ?? String(error) });
    return lastResortFor(request.path, dana.privateKey, endpointTable.list());
  };
  const handle = async (request: SandboxRequest): Promise<SandboxResponse> => {
    try {
      const page = findPage(request.path);
      if (page) return page.handle(request, deps);
      if (isCheckoutPath(request.path)) return handleCheckoutPage(request, deps);
      return await (request.path === adminPrefix || request.path.startsWith(`${adminPrefix}/`)
        ? handleAdminRequest(request, deps)
        : handleRequest(request, deps));
    } catch (error) {
      return fail(request, error);
    }
  };
  const unreadable = (request: SandboxRequest, reason: string): SandboxResponse => {
    try {
      return isAdminPath(request.path)
        ? rejectUnreadableAdminRequest(reason)
        : rejectUnreadableRequest(request, reason, deps);
    } catch (error) {
      return fail(request, error);
    }
  };
  const app = createExpressApp(handle, unreadable);
  let server: Server | undefined;

  const sandbox: Sandbox = {
    config,
    handle,
    rejectUnreadable: unreadable,
    app,
    control: new SandboxControl(deps),
    async listen(port = config.port) {
      // A second server would outlive close(); one sandbox, one listener.
      if (server)
        throw new Error(
          `This sandbox is already listening (port ${(server.address() as { port?: number } | null)?.port}); close() it first.`,
        );
      const started = await listen(app, port, config.host, unreadable);
      server = started.server;
      return started;
    },
    async close() {
      stopPaymentTimers();
      await deps.webhooks.close();
      if (server) {
        const s = server;
        server = undefined;
        s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
      await store.flush();
    },
  };
  keepInternals(sandbox, deps);
  return sandbox;
}
