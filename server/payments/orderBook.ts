import type { SandboxDeps } from '../core/types.js';
import { finishNotifyBody } from './finishNotifyBody.js';
import { fromCents, toCents } from './money.js';
import { finalStatuses, orderKey, type OrderStatus, type PaymentOrder } from './PaymentOrder.js';

/** How an order is named in a request: by the partner's number, DANA's number, or both. */
export interface OrderRef {
  partnerReferenceNo?: string;
  referenceNo?: string;
}

/** DANA's finish-notify magic amounts (DANA's UAT runners): 11012.00 fails the payment, 11013.00 lets the order expire. */
export const magicAmounts = { successNotify: '11011.00', internalErrorNotify: '11012.00', expiryNotify: '11013.00' };

/** The partner's order by partnerReferenceNo (else by referenceNo), brought up to date with the sandbox clock. */
export function findOrder(
  deps: SandboxDeps,
  partnerId: string,
  ref: OrderRef,
  session?: string,
): PaymentOrder | undefined {
  const byPartnerNo = ref.partnerReferenceNo
    ? deps.store.get('payments', orderKey(partnerId, ref.partnerReferenceNo), session)
    : undefined;
  const order =
    byPartnerNo ??
    (ref.referenceNo
      ? deps.store.list('payments', session).find((o) => o.partnerId === partnerId && o.referenceNo === ref.referenceNo)
      : undefined);
  return order && refreshOrder(order, deps);
}

/** Any partner's order by DANA's referenceNo or VA number (checkout page, control plane, sandbox tools). */
export function findAnyOrder(
  deps: SandboxDeps,
  match: (order: PaymentOrder) => boolean,
  session?: string,
): PaymentOrder | undefined {
  const order = deps.store.list('payments', session).find(match);
  return order && refreshOrder(order, deps);
}

export function saveOrder(order: PaymentOrder, deps: SandboxDeps): PaymentOrder {
  deps.store.put('payments', orderKey(order.partnerId, order.partnerReferenceNo), order, order.session);
  return order;
}

/** An open order whose validUpTo passed is CLOSED now, as DANA closes it at that instant (and notifies). */
export function refreshOrder(order: PaymentOrder, deps: SandboxDeps): PaymentOrder {
  if (finalStatuses.has(order.status) || !order.validUpTo) return order;
  const now = deps.clock.now(order.session);
  if (Date.parse(order.validUpTo) > now.getTime()) return order;
  return finishOrder({ ...order, finishedAt: order.validUpTo }, 'CLOSED', deps, 'ORDER_EXPIRED');
}

/** Moves an order to a final state, saves it and queues its finish notify to the NOTIFICATION url. */
export function finishOrder(
  order: PaymentOrder,
  status: OrderStatus,
  deps: SandboxDeps,
  closedReason?: string,
): PaymentOrder {
  const now = deps.clock.now(order.session).toISOString();
  const finished = saveOrder(
    { ...order, status, finishedAt: order.finishedAt ?? now, ...(closedReason && { closedReason }) },
    deps,
  );
  if (finished.notificationUrl)
    deps.webhooks.queue({
      kind: 'finishNotify',
      partnerReferenceNo: finished.partnerReferenceNo,
      referenceNo: finished.referenceNo,
      partnerId: finished.partnerId,
      url: finished.notificationUrl,
      body: finishNotifyBody(finished),
      session: finished.session,
    });
  return finished;
}

/** Why a payment did not go through, for the page, the control plane and the sandbox tools. */
export interface PaymentRefusal {
  refused: string;
}

/**
 * Pays an open order: by a customer's DANA balance (checkout, widget) or from outside DANA (a VA transfer,
 * the control plane). The magic amounts act here, as on DANA: 11012.00 fails, 11013.00 is never paid.
 */
export function payOrder(
  order: PaymentOrder,
  deps: SandboxDeps,
  payer: { customerId?: string; via: string },
): PaymentOrder | PaymentRefusal {
  const current = refreshOrder(order, deps);
  if (finalStatuses.has(current.status))
    return {
      refused: `Order ${current.partnerReferenceNo} is ${current.status}; only INIT or PAYING orders can be paid.`,
    };
  if (current.amount.value === magicAmounts.expiryNotify)
    return {
      refused: `Amount ${magicAmounts.expiryNotify} is DANA's expiry test amount: the order stays unpaid until validUpTo.`,
    };
  if (current.amount.value === magicAmounts.internalErrorNotify)
    return finishOrder({ ...current, customerId: payer.customerId }, 'FAILED', deps, 'INTERNAL_SERVER_ERROR');
  if (payer.customerId) {
    const customer = deps.store.get('customers', payer.customerId, current.session);
    if (!customer) return { refused: `No customer ${payer.customerId}.` };
    const balance = toCents(customer.balance ?? '0.00');
    const due = toCents(current.amount.value);
    if (balance < due)
      return {
        refused: `Insufficient balance: customer ${customer.id} has ${fromCents(balance)}, the order is ${current.amount.value}.`,
      };
    deps.store.put('customers', customer.id, { ...customer, balance: fromCents(balance - due) }, current.session);
    // pushNotificationUser accepts a paid order's referenceNo as its acquirementId.
    deps.store.put(
      'orders',
      current.referenceNo,
      {
        acquirementId: current.referenceNo,
        merchantClientId: current.partnerId,
        customerId: customer.id,
        redirectUrl: current.payReturnUrl,
      },
      current.session,
    );
  }
  const now = deps.clock.now(current.session).toISOString();
  return finishOrder(
    {
      ...current,
      customerId: payer.customerId,
      paidAt: now,
      paidVia: payer.via,
      finishedAt: now,
      payMethod: current.payMethod ?? 'BALANCE',
    },
    'SUCCESS',
    deps,
  );
}

/** Sum of an order's refunds, in cents. */
export const refundedCents = (order: PaymentOrder) =>
  order.refunds.reduce((sum, r) => sum + toCents(r.amount.value), 0);

/** Returns a refund to the payer's balance, when a DANA customer paid. */
export function creditRefund(order: PaymentOrder, cents: number, deps: SandboxDeps): void {
  if (!order.customerId) return;
  const customer = deps.store.get('customers', order.customerId, order.session);
  if (!customer) return;
  const balance = toCents(customer.balance ?? '0.00') + cents;
  deps.store.put('customers', customer.id, { ...customer, balance: fromCents(balance) }, order.session);
}

/** Closes every open order whose validUpTo passed, in every scope (runs on a timer and whenever a clock moves). */
export function expireDueOrders(deps: SandboxDeps): void {
  for (const { value } of deps.store.listEveryScope('payments')) {
    if (!finalStatuses.has(value.status) && value.validUpTo) refreshOrder(value, deps);
  }
}
