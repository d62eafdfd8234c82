import { defineEndpoint, type AdmittedExchange } from '../../core/endpoint.js';
import type { Outcome, SandboxDeps } from '../../core/types.js';
import { checkCustomerToken } from '../../domain/checkCustomerToken.js';
import type { EnvelopeCaseKey } from '../../protocols/envelope/envelopeCases.js';
import { envelopeProtocol, type Envelope } from '../../protocols/envelope/envelopeProtocol.js';
import type { Customer } from '../../store/entities.js';
import { pushFunction } from './pushFunction.js';
import { pushNotificationUserPostman } from './pushNotificationUserPostman.js';

interface PushBody {
  acquirementId: string;
  bizType: string;
  envInfo?: Record<string, unknown>;
  extendInfo?: string | Record<string, unknown>;
}

/** Whom to notify once every rule passed. */
interface Delivery {
  customer: Customer;
}

/**
 * Notifications are stored under their (acquirementId, bizType) pair, which MORE_THAN_ONCE_INVOKE
 * makes unique, so the duplicate check is one lookup instead of a scan of the session's inbox.
 */
const pushKey = (acquirementId: string, bizType: string) => JSON.stringify([acquirementId, bizType]);

function isLegalRedirectUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The business rules after the envelope's checks, first failure wins: accessToken (OAUTH_FAILED) ->
 * the caller's push configuration (NOT_SUPPORTED_MERCHANT) -> the order exists (INVALID_TRANS_ID) ->
 * it is the caller's (MERCHANT_NOT_MATCH) -> it is the token's customer's (OAUTH_FAILED: the seed
 * says the accessToken "identif[ies the] order-user relation") -> a failing test order (SYSTEM_ERROR)
 * -> its redirect URL (REDIRECT_URL_ILLEGAL) -> no earlier push of this bizType (MORE_THAN_ONCE_INVOKE).
 */
function checkPush(exchange: AdmittedExchange, deps: SandboxDeps): Outcome<EnvelopeCaseKey> | Delivery {
  const { request } = exchange.body as Envelope<PushBody>;
  const { partner, session } = exchange;
  const { acquirementId, bizType } = request.body;
  const token = checkCustomerToken(
    deps.store,
    request.head.accessToken,
    partner.partnerId,
    exchange.receivedAt,
    session,
  );
  if (token.state !== 'valid') return { case: 'oauthFailed', detail: 'request.head.accessToken', debug: token.reason };
  if (!partner.pushConfigured)
    return {
      case: 'notSupportedMerchant',
      detail: 'request.head.clientId',
      debug: `Partner ${partner.partnerId} has no push-notification configuration (pushConfigured is false).`,
    };
  const order = deps.store.get('orders', acquirementId, session);
  if (!order)
    return {
      case: 'invalidTransId',
      detail: 'request.body.acquirementId',
      debug: `No order "${acquirementId}" exists (fixtures or POST /__admin/fixtures/orders).`,
    };
  if (order.merchantClientId !== partner.partnerId)
    return {
      case: 'merchantNotMatch',
      detail: 'request.body.acquirementId',
      debug: `Order "${acquirementId}" belongs to merchant ${order.merchantClientId}, not ${partner.partnerId}.`,
    };
  if (order.customerId !== token.customer.id) {
    return {
      case: 'oauthFailed',
      detail: 'request.head.accessToken',
      debug: `The accessToken is customer ${token.customer.id}'s; order "${acquirementId}" is customer ${order.customerId}'s.`,
    };
  }
  if (order.forcedOutcome)
    return {
      case: order.forcedOutcome,
      debug: `Order "${acquirementId}" always fails with ${order.forcedOutcome} (sandbox test order).`,
    };
  if (order.redirectUrl !== undefined && !isLegalRedirectUrl(order.redirectUrl)) {
    return {
      case: 'redirectUrlIllegal',
      detail: order.redirectUrl,
      debug: `Order "${acquirementId}" has redirectUrl "${order.redirectUrl}", not an absolute http(s) URL.`,
    };
  }
  const pushed = deps.store.get('notifications', pushKey(acquirementId, bizType), session);
  if (pushed)
    return {
      case: 'moreThanOnceInvoke',
      detail: 'request.body.bizType',
      debug: `${bizType} was already pushed for order "${acquirementId}" at ${pushed.deliveredAt} (notification ${pushed.id}).`,
    };
  return { customer: token.customer };
}

/** pushNotificationUser (DANA's pushNotificationUser document, docs/protocol.md#pushnotificationuser): a push to the DANA app about an order DANA already holds. */
export const pushNotificationUser = defineEndpoint({
  id: 'pushNotificationUser',
  method: 'POST',
  paths: ['/v1/payments/pushNotificationUser'],
  summary: 'A push to the DANA app about an order DANA already holds',
  matchFields: { acquirementId: 'request.body.acquirementId' },
  postman: pushNotificationUserPostman,
  protocol: envelopeProtocol({ functionName: pushFunction }),

  handle(exchange, deps) {
    const verdict = checkPush(exchange, deps);
    if ('case' in verdict) return verdict;
    const { request } = exchange.body as Envelope<PushBody>;
    const id = deps.ids.uuid();
    const { acquirementId, bizType } = request.body;
    const body = request.body as unknown as Record<string, unknown>;
    deps.store.put(
      'notifications',
      pushKey(acquirementId, bizType),
      {
        id,
        customerId: verdict.customer.id,
        acquirementId,
        bizType,
        partnerId: exchange.partner.partnerId,
        deliveredAt: exchange.receivedAt.toISOString(),
        body,
      },
      exchange.session,
    );
    return { case: 'successful' };
  },
});
