import { unroutedProtocolFor } from '../protocols/index.js';
import type { Sealed } from '../protocols/protocol.js';
import type { Exchange } from './endpoint.js';
import { scopeKeyOf } from './globalScope.js';
import { jakartaDay } from './jakartaTime.js';
import type { JournalEntry } from './journal.js';
import { commonCases, SandboxError } from './SandboxError.js';
import { isSessionName, sessionNameRule } from './sessionName.js';
import type { Outcome, SandboxDeps, SandboxRequest } from './types.js';

const truthy = (value: string | undefined) => value?.toLowerCase() === 'true' || value === '1';

/** The partner a request names, read cheaply before any check, as the protocol of its path reads it. */
function peekPartnerId(request: SandboxRequest, deps: SandboxDeps): string | undefined {
  const protocol = deps.endpoints.find(request.path)?.protocol ?? unroutedProtocolFor(request.path);
  return protocol.peekClientId(request);
}

/** X-Mock-Session, else an isolated partner's own session, else the global scope. */
function resolveSession(request: SandboxRequest, deps: SandboxDeps): string | undefined {
  const named = request.headers['x-mock-session'];
  // An unusable name is refused by checkMockHeaders; until then the exchange belongs to no session.
  if (named !== undefined) return isSessionName(named) ? named : undefined;
  const partner = deps.partners.get(peekPartnerId(request, deps) ?? '');
  return partner?.isolated ? partner.partnerId : undefined;
}

/** Starts an exchange: its session, its clock reading and debug flag. */
export function openExchange(request: SandboxRequest, deps: SandboxDeps): Exchange {
  const session = resolveSession(request, deps);
  return {
    id: deps.ids.uuid(),
    request,
    session,
    receivedAt: deps.clock.now(session),
    debug: truthy(request.headers['x-debug-mode']),
    verdicts: {},
  };
}

/** Finds the endpoint for the path (404) and checks the method (405). */
export function routeRequest(
  exchange: Exchange,
  deps: SandboxDeps,
): asserts exchange is Exchange & { endpoint: NonNullable<Exchange['endpoint']> } {
  const { method, path } = exchange.request;
  const endpoint = deps.endpoints.find(path);
  if (!endpoint)
    throw new SandboxError(
      commonCases.notFound,
      undefined,
      `No DANA endpoint at ${path}. Served: ${deps.endpoints
        .list()
        .map((e) => `${e.method} ${e.paths.join(' | ')}`)
        .join('; ')}.`,
    );
  exchange.endpoint = endpoint;
  if (method !== endpoint.method)
    throw new SandboxError(
      commonCases.methodNotAllowed,
      undefined,
      `${path} answers ${endpoint.method} only, not ${method}.`,
      undefined,
      { allow: endpoint.method },
    );
}

/**
 * The sandbox's own headers are checked before the gateway's checks, so a typo in a session or
 * scenario name is reported as such and never hidden behind another failure.
 */
export function checkMockHeaders(
  exchange: Exchange & { endpoint: NonNullable<Exchange['endpoint']> },
  deps: SandboxDeps,
): void {
  const { headers } = exchange.request;
  const refuse = (header: string, why: string) => {
    // Sandbox-only headers: their errors always carry the reason, X-Debug-Mode or not.
    exchange.debug = true;
    return new SandboxError(commonCases.invalidFieldFormat, header, why);
  };
  const session = headers['x-mock-session'];
  if (session !== undefined && !isSessionName(session))
    throw refuse('X-Mock-Session', `X-Mock-Session "${session}" is not a session name: ${sessionNameRule}.`);
  const scenario = headers['x-mock-scenario'];
  if (scenario !== undefined && !deps.scenarios.find(exchange.endpoint.id, scenario)) {
    throw refuse(
      'X-Mock-Scenario',
      `X-Mock-Scenario "${scenario}" is not a scenario of ${exchange.endpoint.id}. Known: ${deps.scenarios.names(exchange.endpoint.id).join(', ')}.`,
    );
  }
}

/** The same client may not reuse an X-EXTERNAL-ID on the same Jakarta day: 409xx00 (SNAP, docs/protocol.md#replay-x-external-id). */
export function checkReplay(exchange: Exchange, deps: SandboxDeps): void {
  if (!deps.config.replayCheck || exchange.externalId === undefined || !exchange.partner) return;
  const day = jakartaDay(exchange.receivedAt);
  if (
    deps.replay.seen(scopeKeyOf(exchange.session), day, `${exchange.partner.partnerId}\u0000${exchange.externalId}`)
  ) {
    throw new SandboxError(
      commonCases.conflict,
      undefined,
      `X-EXTERNAL-ID "${exchange.externalId}" was already used by ${exchange.partner.partnerId} on ${day} (Jakarta); send a new one per request.`,
    );
  }
}

/** Turns anything thrown into an outcome; a surprise becomes the protocol's general error, logged with its stack. */
export function toOutcome(error: unknown, exchange: Exchange, deps: SandboxDeps): Outcome {
  if (error instanceof SandboxError)
    return { case: error.caseKey, detail: error.detail, debug: error.debug, data: error.data, headers: error.headers };
  deps.logger.error('unexpected error', {
    exchange: exchange.id,
    path: exchange.request.path,
    stack: (error as Error)?.stack ?? String(error),
  });
  return { case: commonCases.generalError, debug: 'The sandbox failed unexpectedly; see its log.' };
}

/** Journals the exchange with every verdict, whatever the outcome. */
export function recordExchange(exchange: Exchange, outcome: Outcome, sealed: Sealed, deps: SandboxDeps): void {
  const { method, path, search, headers, rawBody } = exchange.request;
  const entry: JournalEntry = {
    id: exchange.id,
    at: exchange.receivedAt.toISOString(),
    session: exchange.session,
    endpoint: exchange.endpoint?.id,
    partnerId: exchange.partner?.partnerId,
    code: sealed.code,
    scenario: exchange.scenario,
    verdicts: exchange.verdicts,
    debug: outcome.debug,
    request: { method, path, search, headers, rawBody },
    response: { status: sealed.response.status, headers: sealed.response.headers, body: sealed.response.body },
  };
  deps.journal.record(entry);
  deps.logger.info('exchange', {
    endpoint: entry.endpoint,
    code: entry.code,
    session: entry.session,
    status: entry.response.status,
  });
}
