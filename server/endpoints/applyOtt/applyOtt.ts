import { defineEndpoint, type Exchange } from '../../core/endpoint.js';
import { commonCases, SandboxError } from '../../core/SandboxError.js';
import type { SandboxDeps } from '../../core/types.js';
import { checkCustomerToken, stripBearer } from '../../domain/checkCustomerToken.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';
import type { Customer } from '../../store/entities.js';
import { applyOttPostman } from './applyOttPostman.js';

interface ApplyOttBody {
  userResources: string[];
  additionalInfo: { accessToken: string };
}

/** The customer's own limit, else the configured default; undefined = unlimited, the usual case in a sandbox. */
const ottLimitOf = (customer: Customer, deps: SandboxDeps): number | undefined =>
  customer.ottLimitPerMinute ?? deps.config.ottLimitPerMinute;

/** Counts the customer's OTTs in the current sandbox minute; true when over its limit. */
function overRateLimit(customer: Customer, now: Date, scope: string | undefined, deps: SandboxDeps): boolean {
  const limit = ottLimitOf(customer, deps);
  // Unlimited customers keep no counter: nothing to write per call.
  if (limit === undefined) return false;
  const window = deps.store.get('rateWindows', customer.id, scope);
  const fresh = !window || now.getTime() - Date.parse(window.windowStart) >= 60_000;
  const count = fresh ? 0 : window.count;
  if (count >= limit) return true;
  deps.store.put(
    'rateWindows',
    customer.id,
    { customerId: customer.id, windowStart: fresh ? now.toISOString() : window.windowStart, count: count + 1 },
    scope,
  );
  return false;
}

/** "Bearer" alone names no customer: the mandatory header is as good as missing (DANA's Apply OTT document: 4004902 "Missing or invalid format on mandatory field"). */
function checkCustomerHeader(headers: Record<string, string>): void {
  const token = stripBearer((headers['authorization-customer'] ?? '').trim());
  if (token === '' || /^bearer$/i.test(token)) {
    throw new SandboxError(
      commonCases.invalidMandatoryField,
      'Authorization-Customer',
      'Authorization-Customer carries no customer token: send "Bearer <accessToken>".',
    );
  }
}

/** The header authenticates the customer; a body naming another token is an inconsistent request, reported on the body field. */
function checkTokensAgree(exchange: Exchange): void {
  const body = exchange.body as ApplyOttBody;
  if (
    stripBearer(body.additionalInfo.accessToken) !== stripBearer(exchange.request.headers['authorization-customer'])
  ) {
    throw new SandboxError(
      commonCases.invalidFieldFormat,
      'additionalInfo.accessToken',
      'additionalInfo.accessToken must be the same customer token as Authorization-Customer.',
    );
  }
}

/** Apply OTT (DANA's Apply OTT document, docs/protocol.md#apply-ott): a one-time token for redirecting the customer into DANA. */
export const applyOtt = defineEndpoint({
  id: 'applyOtt',
  method: 'POST',
  paths: ['/rest/v1.1/qr/apply-ott'],
  summary: 'A one-time token (OTT) for redirecting the customer into DANA',
  tokenFields: ['additionalInfo.accessToken'],
  postman: applyOttPostman,
  protocol: snapProtocol({
    serviceCode: '49',
    clientHeader: 'x-partner-id',
    signature: 'asymmetric',
    checkHeaders: checkCustomerHeader,
    checkBody: checkTokensAgree,
  }),

  handle(exchange, deps) {
    const now = exchange.receivedAt;
    const headerToken = stripBearer(exchange.request.headers['authorization-customer']);
    const verdict = checkCustomerToken(deps.store, headerToken, exchange.partner.partnerId, now, exchange.session);
    // Seed: "token not in system" -> 4014904; "invalid, perhaps due to token expiry" -> 4014902.
    if (verdict.state === 'unknown') return { case: 'customerTokenNotFound', debug: verdict.reason };
    if (verdict.state !== 'valid') return { case: 'invalidCustomerToken', debug: verdict.reason };
    const { customer, token } = verdict;
    if (customer.status === 'ABNORMAL')
      return {
        case: 'doNotHonor',
        debug: `Customer ${customer.id} (${customer.phone}) has an abnormal account status.`,
      };
    if (customer.forcedOutcome)
      return {
        case: customer.forcedOutcome,
        debug: `Customer ${customer.id} (${customer.phone}) always fails with ${customer.forcedOutcome} (sandbox test user).`,
      };
    if (overRateLimit(customer, now, exchange.session, deps))
      return {
        case: 'tooManyRequests',
        debug: `Customer ${customer.id} already got ${ottLimitOf(customer, deps)} OTTs this sandbox minute.`,
      };

    const value = deps.ids.token(43);
    const expiresAt = new Date(now.getTime() + deps.config.ottTtlSeconds * 1000).toISOString();
    deps.sweeper.sweep('otts', now, exchange.session);
    deps.store.put(
      'otts',
      value,
      {
        value,
        customerId: customer.id,
        tokenValue: token.value,
        partnerId: exchange.partner.partnerId,
        issuedAt: now.toISOString(),
        expiresAt,
      },
      exchange.session,
    );
    return { case: 'successful', data: { userResources: [{ resourceType: 'OTT', value }], additionalInfo: {} } };
  },
});
