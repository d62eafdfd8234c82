import type { AdmittedExchange } from '../core/endpoint.js';
import { formatJakartaTime } from '../core/jakartaTime.js';
import type { Outcome, SandboxDeps } from '../core/types.js';
import type { SnapCaseKey } from '../protocols/snap/snapCases.js';
import { magicCaseOfReference } from './magicCase.js';
import { toCents } from './money.js';
import { creditRefund, findOrder, finishOrder } from './orderBook.js';

interface CancelBody {
  originalPartnerReferenceNo: string;
  originalReferenceNo?: string;
  merchantId: string;
  reason?: string;
}

/**
 * cancelOrder: an open order becomes CANCELLED (and notified); a paid order without refunds is cancelled and the
 * payer's balance credited back; a refunded or failed one answers 4045700, an expired one 4035700. Without such an
 * order, an originalPartnerReferenceNo spelling a 57 response code answers that code (DANA's UAT cases).
 */
export function cancelPaymentOrder(exchange: AdmittedExchange, deps: SandboxDeps): Outcome<SnapCaseKey> {
  const body = exchange.body as CancelBody;
  const ref = {
    partnerReferenceNo: body.originalPartnerReferenceNo,
    referenceNo: body.originalReferenceNo || undefined,
  };
  const order = findOrder(deps, exchange.partner.partnerId, ref, exchange.session);
  if (!order) {
    const magic = magicCaseOfReference(body.originalPartnerReferenceNo, '57');
    if (magic)
      return {
        case: magic,
        debug: `originalPartnerReferenceNo ${body.originalPartnerReferenceNo} is DANA's test number for this code.`,
      };
    return {
      case: 'transactionNotFound',
      debug: `Partner ${exchange.partner.partnerId} has no order ${JSON.stringify(ref)}.`,
    };
  }
  const answer = (cancelledAt: string): Outcome<SnapCaseKey> => ({
    case: 'successful',
    data: {
      originalReferenceNo: order.referenceNo,
      originalPartnerReferenceNo: order.partnerReferenceNo,
      cancelTime: formatJakartaTime(new Date(cancelledAt)),
    },
  });
  if (order.status === 'CANCELLED') return answer(order.finishedAt ?? order.createdAt);
  if (order.status === 'CLOSED')
    return { case: 'transactionExpired', debug: `Order ${order.partnerReferenceNo} expired at ${order.validUpTo}.` };
  if (order.status === 'FAILED' || order.refunds.length > 0)
    return {
      case: 'invalidTransactionStatus',
      debug: `Order ${order.partnerReferenceNo} is ${order.status}${order.refunds.length ? ' with refunds' : ''}: it cannot be cancelled.`,
    };
  if (order.status === 'SUCCESS') creditRefund(order, toCents(order.amount.value), deps);
  const now = exchange.receivedAt.toISOString();
  const cancelled = finishOrder(
    { ...order, finishedAt: now },
    'CANCELLED',
    deps,
    body.reason || 'CANCELLED_BY_MERCHANT',
  );
  return answer(cancelled.finishedAt ?? now);
}
