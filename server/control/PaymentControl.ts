import type { SandboxDeps } from '../core/types.js';
import { findAnyOrder, finishOrder, payOrder } from '../payments/orderBook.js';
import { finalStatuses, type PaymentOrder } from '../payments/PaymentOrder.js';
import type { WebhookDelivery } from '../webhooks/WebhookDelivery.js';
import { ControlError } from './ControlError.js';

/** DANA's sandbox tools endpoint that pays a virtual account (DANA's UAT runners' payVirtualAccountSandbox). */
export const vaPaymentEndpoint = '/v1.0/transfer-va/payment.htm';

/**
 * Orders and their notifies, without a browser: pay, fail or expire any order, pay a VA as DANA's sandbox tools do,
 * read and redeliver finish notifies. Scoped like the rest of the control plane.
 */
export class PaymentControl {
  constructor(
    private readonly deps: SandboxDeps,
    readonly session?: string,
  ) {}

  /** Every order of the scope, oldest first. */
  orders(): PaymentOrder[] {
    return this.deps.store.list('payments', this.session).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** An order by partnerReferenceNo, DANA referenceNo or VA paymentCode, up to date with the sandbox clock. */
  order(ref: string): PaymentOrder {
    const order = findAnyOrder(
      this.deps,
      (o) => o.partnerReferenceNo === ref || o.referenceNo === ref || o.paymentCode === ref,
      this.session,
    );
    if (!order)
      throw new ControlError(
        404,
        `No order "${ref}" (partnerReferenceNo, referenceNo or paymentCode) in ${this.scopeName()}.`,
      );
    return order;
  }

  /** Pays the order as its customer would: from `customerId`'s balance when given, else from outside DANA (a transfer). */
  pay(ref: string, customerId?: string): PaymentOrder {
    const result = payOrder(this.order(ref), this.deps, { customerId, via: 'control plane' });
    if ('refused' in result) throw new ControlError(409, result.refused);
    return result;
  }

  /** Fails an open order (FAILED, notified), as a payment DANA could not complete. */
  fail(ref: string, reason = 'PAYMENT_FAILED'): PaymentOrder {
    return this.finish(ref, 'FAILED', reason);
  }

  /** Closes an open order now, as if its validUpTo had passed (CLOSED, notified). */
  expire(ref: string): PaymentOrder {
    return this.finish(ref, 'CLOSED', 'ORDER_EXPIRED');
  }

  /** DANA's sandbox tools: `{"urlEndpoint":"/v1.0/transfer-va/payment.htm","requestBody":{"virtualAccountNo":...}}` pays that VA's order. */
  executeSandboxTool(urlEndpoint: string, requestBody: { virtualAccountNo?: string }): PaymentOrder {
    if (urlEndpoint !== vaPaymentEndpoint)
      throw new ControlError(400, `The sandbox tools run ${vaPaymentEndpoint} only, not "${urlEndpoint}".`);
    const va = requestBody.virtualAccountNo ?? '';
    const order = findAnyOrder(this.deps, (o) => o.paymentCode === va, this.session);
    if (!order)
      throw new ControlError(
        404,
        `No order has the virtual account "${va}" (createOrder's additionalInfo.paymentCode) in ${this.scopeName()}.`,
      );
    const result = payOrder(order, this.deps, { via: 'sandbox tools' });
    if ('refused' in result) throw new ControlError(409, result.refused);
    return result;
  }

  /** Finish notifies of the scope with every attempt, oldest first. */
  notifies(): WebhookDelivery[] {
    return this.deps.webhooks.list(this.session);
  }

  notify(id: string): WebhookDelivery {
    const delivery = this.deps.webhooks.get(id, this.session);
    if (!delivery) throw new ControlError(404, `No webhook delivery "${id}" in ${this.scopeName()}.`);
    return delivery;
  }

  /** Sends a notify again now, whatever its state. */
  redeliver(id: string): WebhookDelivery {
    this.notify(id);
    return this.deps.webhooks.redeliver(id, this.session)!;
  }

  /** The public key (PEM) of the sandbox's TEST-ONLY DANA key pair, which signs every notify: what WebhookParser needs. */
  danaPublicKey(): string {
    return this.deps.dana.publicKeyPem;
  }

  /** Resolves once every due notify attempt has been made and answered: await it before asserting on notifies. */
  settled(): Promise<void> {
    return this.deps.webhooks.settled();
  }

  private finish(ref: string, status: 'FAILED' | 'CLOSED', reason: string): PaymentOrder {
    const order = this.order(ref);
    if (finalStatuses.has(order.status))
      throw new ControlError(409, `Order ${order.partnerReferenceNo} is already ${order.status}.`);
    return finishOrder(order, status, this.deps, reason);
  }

  private scopeName(): string {
    return this.session ? `session ${this.session}` : 'the global scope';
  }
}
