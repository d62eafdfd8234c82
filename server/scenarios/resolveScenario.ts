import type { CompiledEndpoint, Exchange } from '../core/endpoint.js';
import type { IdGenerator } from '../core/ids.js';
import type { Outcome, SandboxDeps, SandboxResponse } from '../core/types.js';
import { commonMatchFields, type ArmedRule, type RuleMatch } from './ArmedRule.js';
import type { Scenario } from './ScenarioBook.js';

const pick = (value: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
      value,
    );

/** Every token the request carries: where its protocol takes one, and the body fields its endpoint names. */
function tokensOf(exchange: Exchange & { endpoint: CompiledEndpoint }): unknown[] {
  const { protocol, tokenFields = [] } = exchange.endpoint;
  return [...protocol.tokensOf(exchange), ...tokenFields.map((path) => pick(exchange.body, path))];
}

/** The endpoint's named fields (its matchFields) hold the values the rule names; an undeclared one never matches. */
function namedFieldsMatch(match: RuleMatch, exchange: Exchange & { endpoint: CompiledEndpoint }): boolean {
  return Object.entries(match)
    .filter(([field]) => !commonMatchFields.includes(field))
    .every(([field, expected]) => {
      const path = exchange.endpoint.matchFields?.[field];
      return path !== undefined && pick(exchange.body, path) === expected;
    });
}

function matches(
  match: RuleMatch | undefined,
  exchange: Exchange & { endpoint: CompiledEndpoint },
  tokens: () => unknown[],
): boolean {
  if (!match) return true;
  const body = exchange.body;
  return (
    (match.partnerId === undefined || exchange.partner?.partnerId === match.partnerId) &&
    (match.token === undefined || tokens().includes(match.token)) &&
    namedFieldsMatch(match, exchange) &&
    Object.entries(match.body ?? {}).every(
      ([path, expected]) => JSON.stringify(pick(body, path)) === JSON.stringify(expected),
    )
  );
}

/** The session's own rules first, then global ones, each oldest first; only the endpoint's rules are looked at. */
function findRule(exchange: Exchange & { endpoint: CompiledEndpoint }, deps: SandboxDeps): ArmedRule | undefined {
  let tokens: unknown[] | undefined;
  const tokensOnce = () => (tokens ??= tokensOf(exchange));
  for (const rule of deps.rules.candidates(exchange.endpoint.id, exchange.session))
    if (matches(rule.match, exchange, tokensOnce)) return rule;
  return undefined;
}

function consume(rule: ArmedRule, deps: SandboxDeps): void {
  if (rule.remaining === undefined) return;
  if (rule.remaining <= 1) deps.store.delete('rules', rule.id, rule.session);
  else deps.store.put('rules', rule.id, { ...rule, remaining: rule.remaining - 1 }, rule.session);
}

/**
 * Precedence: the X-Mock-Scenario header, then a rule armed through the control plane, else none
 * (state and clock decide). An unknown name is refused, never ignored.
 */
export function resolveScenario(exchange: Exchange, deps: SandboxDeps): Scenario | undefined {
  const endpointId = exchange.endpoint!.id;
  const name = exchange.request.headers['x-mock-scenario'];
  if (name !== undefined) {
    // checkMockHeaders already refused a name the endpoint does not know.
    exchange.scenario = name;
    return deps.scenarios.find(endpointId, name);
  }
  const rule = findRule(exchange as Exchange & { endpoint: CompiledEndpoint }, deps);
  if (!rule) return undefined;
  consume(rule, deps);
  exchange.scenario = rule.scenario;
  return deps.scenarios.find(endpointId, rule.scenario);
}

/** Replaces '{{uuid}}', '{{hex:N}}' and '{{token:N}}' strings with fresh values. */
export function expandTemplates(value: unknown, ids: IdGenerator): unknown {
  if (typeof value === 'string') {
    const m = /^\{\{(uuid|hex|token)(?::(\d+))?\}\}$/.exec(value);
    if (!m) return value;
    return m[1] === 'uuid' ? ids.uuid() : m[1] === 'hex' ? ids.hex(Number(m[2] ?? 16)) : ids.token(Number(m[2] ?? 32));
  }
  if (Array.isArray(value)) return value.map((v) => expandTemplates(v, ids));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandTemplates(v, ids)]));
  return value;
}

/** The outcome a scripted (non-fault) scenario stands for. */
export function scriptOutcome(scenario: Scenario, deps: SandboxDeps): Outcome {
  return {
    case: scenario.case!,
    detail: scenario.detail,
    data: expandTemplates(scenario.data, deps.ids) as Outcome['data'],
    debug: `Scripted by scenario "${scenario.name}": ${scenario.description}.`,
  };
}

/** Bends a sealed response the way a fault scenario says; the endpoint behaved normally underneath. */
export function applyFault(
  response: SandboxResponse,
  scenario: Scenario | undefined,
  deps: SandboxDeps,
): SandboxResponse {
  switch (scenario?.fault) {
    case 'timeout':
      return { ...response, delayMs: scenario.delayMs ?? deps.config.timeoutDelayMs };
    case 'empty-response':
      return { status: 200, headers: { 'content-type': 'application/json' }, body: '' };
    case 'malformed-json':
      return { ...response, body: response.body.slice(0, Math.ceil(response.body.length / 2)) };
    case 'connection-reset':
      return { ...response, fault: 'connection-reset' };
    default:
      return response;
  }
}
