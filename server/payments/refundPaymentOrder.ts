import type { AdmittedExchange } from '../core/endpoint.js';
import { formatJakartaTime } from '../core/jakartaTime.js';
import type { Outcome, SandboxDeps } from '../core/types.js';
import type { SnapCaseKey } from '../protocols/snap/snapCases.js';
import { magicCaseOfAmount } from './magicCase.js';
import { fromCents, toCents, type Money } from './money.js';
import { creditRefund, findOrder, refundedCents, saveOrder } from './orderBook.js';
import type { PaymentOrder, PaymentRefund } from './PaymentOrder.js';

interface RefundBody {
  originalPartnerReferenceNo: string;
  originalReferenceNo?: string;
  partnerRefundNo: string;
  refundAmount: Money;
  merchantId: string;
  reason?: string;
}

function refunded(order: PaymentOrder, refund: PaymentRefund): Outcome<SnapCaseKey> {
  return {
    case: 'successful',
    data: {
      originalReferenceNo: order.referenceNo,
      originalPartnerReferenceNo: order.partnerReferenceNo,
      refundNo: refund.refundNo,
      partnerRefundNo: refund.partnerRefundNo,
      refundAmount: refund.amount,
      refundTime: formatJakartaTime(new Date(refund.refundedAt)),
    },
  };
}

/**
 * refundOrder: part or all of a paid order back to the payer, never more than was paid. A partnerRefundNo already used
 * answers the same refund again when the amount agrees (idempotent) and 4045818 when it does not. A magic refundAmount
 * answers its code; an unknown order answers `notFound` (Payment Gateway 4045801, widget 4045812 Invalid Bill).
 */
export function refundPaymentOrder(
  exchange: AdmittedExchange,
  deps: SandboxDeps,
  notFound: SnapCaseKey,
): Outcome<SnapCaseKey> {
  const body = exchange.body as RefundBody;
  const magic = magicCaseOfAmount(body.refundAmount.value, '58');
  if (magic)
    return { case: magic, debug: `refundAmount ${body.refundAmount.value} is DANA's test amount for this code.` };
  const ref = {
    partnerReferenceNo: body.originalPartnerReferenceNo,
    referenceNo: body.originalReferenceNo || undefined,
  };
  const order = findOrder(deps, exchange.partner.partnerId, ref, exchange.session);
  if (!order)
    return { case: notFound, debug: `Partner ${exchange.partner.partnerId} has no order ${JSON.stringify(ref)}.` };
  const earlier = order.refunds.find((r) => r.partnerRefundNo === body.partnerRefundNo);
  if (earlier) {
    if (toCents(earlier.amount.value) === toCents(body.refundAmount.value)) return refunded(order, earlier);
    return {
      case: 'inconsistentRequest',
      debug: `partnerRefundNo "${body.partnerRefundNo}" already refunded ${earlier.amount.value}, not ${body.refundAmount.value}.`,
    };
  }
  if (order.status !== 'SUCCESS')
    return {
      case: 'invalidTransactionStatus',
      debug: `Order ${order.partnerReferenceNo} is ${order.status}: only a paid order is refunded.`,
    };
  const left = toCents(order.amount.value) - refundedCents(order);
  const cents = toCents(body.refundAmount.value);
  if (cents > left)
    return {
      case: 'transactionNotPermitted',
      detail: 'refundAmount',
      debug: `refundAmount ${body.refundAmount.value} is more than the ${fromCents(left)} still refundable of order ${order.partnerReferenceNo}.`,
    };
  const refund: PaymentRefund = {
    refundNo: `${order.referenceNo}R${order.refunds.length + 1}`,
    partnerRefundNo: body.partnerRefundNo,
    amount: body.refundAmount,
    refundedAt: exchange.receivedAt.toISOString(),
    reason: body.reason,
  };
  const updated = saveOrder({ ...order, refunds: [...order.refunds, refund] }, deps);
  creditRefund(updated, cents, deps);
  return refunded(updated, refund);
}
