import type { AdmittedExchange } from '../core/endpoint.js';
import { formatJakartaTime } from '../core/jakartaTime.js';
import type { Outcome, SandboxDeps } from '../core/types.js';
import type { SnapCaseKey } from '../protocols/snap/snapCases.js';
import { transactionStatusCodes } from './finishNotifyBody.js';
import { fromCents, toCents } from './money.js';
import { findOrder, refundedCents } from './orderBook.js';
import type { PaymentOrder } from './PaymentOrder.js';

interface QueryBody {
  originalPartnerReferenceNo?: string;
  originalReferenceNo?: string;
  serviceCode: string;
  merchantId: string;
}

const jakarta = (instant?: string) => (instant ? formatJakartaTime(new Date(instant)) : undefined);

/** A fully refunded order reads REFUNDED (04); a partial refund leaves it SUCCESS, the refunds in amountDetail. */
function statusOf(order: PaymentOrder): keyof typeof transactionStatusCodes {
  if (order.status === 'SUCCESS' && refundedCents(order) >= toCents(order.amount.value)) return 'REFUNDED';
  return order.status;
}

/** queryPayment's answer for an order: dana-node's QueryPaymentResponse. */
export function describeOrder(order: PaymentOrder): Record<string, unknown> {
  const status = statusOf(order);
  const currency = order.amount.currency;
  return {
    originalPartnerReferenceNo: order.partnerReferenceNo,
    originalReferenceNo: order.referenceNo,
    originalExternalId: order.externalId ?? '',
    serviceCode: '54',
    latestTransactionStatus: transactionStatusCodes[status],
    transactionStatusDesc: status,
    amount: order.amount,
    transAmount: order.amount,
    ...(order.paidAt && { paidTime: jakarta(order.paidAt) }),
    title: order.title,
    additionalInfo: {
      merchantId: order.merchantId,
      amountDetail: {
        orderAmount: order.amount,
        ...(order.paidAt && { payAmount: order.amount }),
        refundAmount: { value: fromCents(refundedCents(order)), currency },
      },
      timeDetail: {
        createdTime: jakarta(order.createdAt),
        ...(order.validUpTo && { expiryTime: jakarta(order.validUpTo) }),
        ...(order.paidAt && { paidTimes: [jakarta(order.paidAt)] }),
        ...(order.status === 'CANCELLED' && { cancelledTime: jakarta(order.finishedAt) }),
      },
      goods: order.goods,
      ...(order.closedReason && { closeReason: order.closedReason }),
      ...(order.paymentCode && { virtualAccountInfo: { virtualAccountCode: order.paymentCode } }),
      // DANA's acquirement status (dana-node StatusDetail; UAT QueryPaymentCreatedOrder ... CanceledOrder): a failed
      // payment closes the acquirement, a refund leaves it SUCCESS.
      statusDetail: { acquirementStatus: order.status === 'FAILED' ? 'CLOSED' : order.status },
      refunds: order.refunds.map((r) => ({
        refundNo: r.refundNo,
        partnerRefundNo: r.partnerRefundNo,
        refundAmount: r.amount,
        refundTime: jakarta(r.refundedAt),
      })),
    },
  };
}

/**
 * queryPayment: the order by originalPartnerReferenceNo (else originalReferenceNo). A serviceCode other than 54 answers
 * 5005501 as DANA's sandbox does (UAT QueryPaymentGeneralError sends "AZ"); an unknown order 4045501.
 */
export function queryPaymentOrder(exchange: AdmittedExchange, deps: SandboxDeps): Outcome<SnapCaseKey> {
  const body = exchange.body as QueryBody;
  if (body.serviceCode !== '54')
    return {
      case: 'internalServerError',
      debug: `serviceCode "${body.serviceCode}" is not 54 (the payment service): DANA's sandbox answers 5005501.`,
    };
  const ref = { partnerReferenceNo: body.originalPartnerReferenceNo, referenceNo: body.originalReferenceNo };
  const order = findOrder(deps, exchange.partner.partnerId, ref, exchange.session);
  if (!order)
    return {
      case: 'transactionNotFound',
      debug: `Partner ${exchange.partner.partnerId} has no order ${JSON.stringify(ref)} in ${exchange.session ? `session ${exchange.session}` : 'the global scope'}.`,
    };
  return { case: 'successful', data: describeOrder(order) };
}
