import { formatJakartaTime } from '../core/jakartaTime.js';
import type { OrderStatus, PaymentOrder } from './PaymentOrder.js';

/** DANA's latestTransactionStatus codes (queryPayment and finish notify). */
export const transactionStatusCodes: Record<OrderStatus | 'REFUNDED', string> = {
  SUCCESS: '00',
  INIT: '01',
  PAYING: '02',
  REFUNDED: '04',
  CANCELLED: '05',
  // DANA closes an unpaid order at validUpTo and reports it as cancelled, the reason saying it expired.
  CLOSED: '05',
  FAILED: '06',
};

const jakarta = (instant: string | undefined) => (instant ? formatJakartaTime(new Date(instant)) : undefined);

/** The finish notify DANA POSTs when an order reaches a final state: dana-node's FinishNotifyRequest. */
export function finishNotifyBody(order: PaymentOrder): string {
  const paid = order.status === 'SUCCESS';
  return JSON.stringify({
    originalPartnerReferenceNo: order.partnerReferenceNo,
    originalReferenceNo: order.referenceNo,
    originalExternalId: order.externalId ?? '',
    merchantId: order.merchantId,
    amount: order.amount,
    latestTransactionStatus: transactionStatusCodes[order.status],
    transactionStatusDesc: order.status,
    createdTime: jakarta(order.createdAt),
    finishedTime: jakarta(order.finishedAt ?? order.createdAt),
    additionalInfo: {
      ...(paid && {
        paymentInfo: {
          paidTime: jakarta(order.paidAt),
          payOptionInfos: [
            {
              payMethod: order.payMethod ?? 'BALANCE',
              payOption: order.payOption ?? '',
              payAmount: order.amount,
              transAmount: order.amount,
              chargeAmount: { value: '0.00', currency: order.amount.currency },
            },
          ],
        },
      }),
      ...(order.closedReason && { extendInfo: JSON.stringify({ closedReason: order.closedReason }) }),
    },
  });
}
