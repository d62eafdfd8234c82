import type { Instant } from '../store/entities.js';
import type { Money } from './money.js';

/**
 * Where an order stands. INIT: created, nobody paid; PAYING: the customer (or a bank, for a VA) started paying;
 * SUCCESS: paid; CLOSED: expired at validUpTo unpaid; CANCELLED: the merchant cancelled it; FAILED: the payment failed.
 */
export type OrderStatus = 'INIT' | 'PAYING' | 'SUCCESS' | 'CLOSED' | 'CANCELLED' | 'FAILED';

/** The statuses an order never leaves (a refund does not change SUCCESS: refunds are listed on the order). */
export const finalStatuses: ReadonlySet<OrderStatus> = new Set(['SUCCESS', 'CLOSED', 'CANCELLED', 'FAILED']);

/** Which DANA product created the order: Payment Gateway's createOrder or the widget's payment. */
export type PaymentProduct = 'paymentGateway' | 'widget';

/** A refund of (part of) a paid order. */
export interface PaymentRefund {
  refundNo: string;
  partnerRefundNo: string;
  amount: Money;
  refundedAt: Instant;
  reason?: string;
}

/** One order, as DANA holds it after createOrder (or widget payment). Stored under orderKey(partnerId, partnerReferenceNo). */
export interface PaymentOrder {
  /** DANA's id for the order (the SDKs' referenceNo / originalReferenceNo, pushNotificationUser's acquirementId). */
  referenceNo: string;
  partnerReferenceNo: string;
  /** The partner that created it (X-PARTNER-ID). */
  partnerId: string;
  merchantId: string;
  product: PaymentProduct;
  amount: Money;
  title: string;
  /** The order's goods, as sent, for the checkout page and queryPayment. */
  goods: Record<string, unknown>[];
  payMethod?: string;
  payOption?: string;
  /** The virtual account number a bank customer pays (VIRTUAL_ACCOUNT orders), createOrder's additionalInfo.paymentCode. */
  paymentCode?: string;
  /** Who paid (checkout login or the widget's customer token); undefined for VA and unpaid orders. */
  customerId?: string;
  status: OrderStatus;
  createdAt: Instant;
  validUpTo?: Instant;
  paidAt?: Instant;
  /** How it was paid: 'checkout page', 'sandbox tools' or 'control plane'. */
  paidVia?: string;
  finishedAt?: Instant;
  /** Why a CLOSED, CANCELLED or FAILED order ended. */
  closedReason?: string;
  payReturnUrl?: string;
  notificationUrl?: string;
  externalId?: string;
  extendInfo?: string;
  /** The create request as parsed, to tell a repeat of it from an inconsistent reuse of its partnerReferenceNo. */
  requestFingerprint: string;
  refunds: PaymentRefund[];
  /** The session (X-Mock-Session) the order lives in; undefined = the global scope. */
  session?: string;
}

/** The store key of an order: partnerReferenceNo is unique per partner, as on DANA. */
export const orderKey = (partnerId: string, partnerReferenceNo: string) =>
  JSON.stringify([partnerId, partnerReferenceNo]);
