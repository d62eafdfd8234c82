/**
 * The request pipeline. Every outcome, rejections included, leaves through sealResponse and
 * recordExchange.
 *
 *   routeRequest ............ 404 unknown path (4040002; under /v1/: envelope NO_INTERFACE_DEF) · 405 wrong
 *                             method (405xx00; envelope INVALID_API)
 *   checkMockHeaders ........ X-Mock-Session / X-Mock-Scenario not usable: 400xx01 (envelope PARAM_ILLEGAL) naming it
 *   protocol.admitRequest ... SNAP: headers 400xx02/400xx01 -> clock skew 401xx00 -> client 401xx00
 *                             -> B2B token 401xx01 -> signature 401xx00 -> JSON 400xx00 -> body 400xx02/400xx01
 *                             envelope (always HTTP 200): JSON MSG_PARSE_ERROR -> envelope schema PARAM_MISSING/
 *                             PARAM_ILLEGAL -> clientId KEY_NO_FOUND -> signature over the raw "request" member
 *                             INVALID_SIGNATURE -> function FUNCTION_NOT_MATCH -> clientSecret OAUTH_FAILED
 *   checkReplay ............. 409xx00 X-EXTERNAL-ID reused the same Jakarta day
 *   resolveScenario ......... X-Mock-Scenario header, else an armed rule: any scripted case or fault;
 *                             none: state decides
 *   endpoint.handle ......... the endpoint's business outcomes, from state and the sandbox clock
 *   sealResponse ............ the protocol's envelope (and signature)
 *   applyFault .............. timeout, empty-response, malformed-json, connection-reset
 *   recordExchange .......... the journal
 */
import { unroutedProtocolFor } from '../protocols/index.js';
import { applyFault, resolveScenario, scriptOutcome } from '../scenarios/resolveScenario.js';
import type { Scenario } from '../scenarios/ScenarioBook.js';
import type { AdmittedExchange } from './endpoint.js';
import { commonCases, SandboxError } from './SandboxError.js';
import { checkMockHeaders, checkReplay, openExchange, recordExchange, routeRequest, toOutcome } from './stages.js';
import type { Outcome, SandboxDeps, SandboxRequest, SandboxResponse } from './types.js';

/** Answers one request to an emulated DANA endpoint. Never throws. */
export async function handleRequest(request: SandboxRequest, deps: SandboxDeps): Promise<SandboxResponse> {
  const exchange = openExchange(request, deps);
  let outcome: Outcome;
  let scenario: Scenario | undefined;
  try {
    routeRequest(exchange, deps);
    checkMockHeaders(exchange, deps);
    await exchange.endpoint.protocol.admitRequest(exchange, deps);
    checkReplay(exchange, deps);
    scenario = resolveScenario(exchange, deps);
    outcome = scenario?.case
      ? scriptOutcome(scenario, deps)
      : await exchange.endpoint.handle(exchange as AdmittedExchange, deps);
  } catch (error) {
    outcome = toOutcome(error, exchange, deps);
  }
  const sealed = (exchange.endpoint?.protocol ?? unroutedProtocolFor(request.path)).sealResponse(
    outcome,
    exchange,
    deps,
  );
  const response = applyFault(sealed.response, scenario, deps);
  recordExchange(exchange, outcome, { ...sealed, response }, deps);
  return response;
}

/** Answers a request the adapter could not read (body too large, bad encoding) in its endpoint's envelope. */
export function rejectUnreadableRequest(request: SandboxRequest, reason: string, deps: SandboxDeps): SandboxResponse {
  const exchange = openExchange(request, deps);
  exchange.endpoint = deps.endpoints.find(request.path);
  const outcome = toOutcome(
    new SandboxError(commonCases.badRequest, undefined, `The request could not be read: ${reason}`),
    exchange,
    deps,
  );
  const sealed = (exchange.endpoint?.protocol ?? unroutedProtocolFor(request.path)).sealResponse(
    outcome,
    exchange,
    deps,
  );
  recordExchange(exchange, outcome, sealed, deps);
  return sealed.response;
}
