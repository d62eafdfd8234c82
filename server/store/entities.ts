import type { ClockState } from '../core/clock.js';
import type { Division } from '../merchants/Division.js';
import type { Merchant } from '../merchants/Merchant.js';
import type { Shop } from '../merchants/Shop.js';
import type { Disbursement, MerchantBalance } from '../disbursement/Disbursement.js';
import type { PaymentOrder } from '../payments/PaymentOrder.js';
import type { ArmedRule } from '../scenarios/ArmedRule.js';
import type { WebhookDelivery } from '../webhooks/WebhookDelivery.js';

/** Times are ISO-8601 strings so the data file stays readable. */
export type Instant = string;

/** FROZEN: DANA froze the account; it cannot log in on the OAuth page and its tokens answer Inactive Account. */
export type CustomerStatus = 'ACTIVE' | 'ABNORMAL' | 'FROZEN';

/** A DANA user. `forcedOutcome` mirrors DANA's sandbox "magic users" that always fail one way. */
export interface Customer {
  id: string;
  phone: string;
  name?: string;
  status: CustomerStatus;
  forcedOutcome?: 'generalError' | 'internalServerError';
  /** How many OTTs this customer may get per sandbox minute before 4294900; absent = --ott-limit, which is off by default. */
  ottLimitPerMinute?: number;
  /** The 6-digit PIN the OAuth page asks for; absent = the customer cannot log in there. */
  pin?: string;
  /** The DANA balance in IDR, as DANA writes amounts ("150000.00"); absent = "0.00". */
  balance?: string;
}

/** A customer (user) access token from binding: Apply OTT's Authorization-Customer, the envelope's accessToken. */
export interface CustomerToken {
  value: string;
  customerId: string;
  expiresAt: Instant;
  status: 'ACTIVE' | 'REVOKED';
  /** The partner the token was issued to; absent = any partner may use it. */
  partnerId?: string;
  /** What the customer consented to on the OAuth page (applyToken tokens only). */
  scopes?: string[];
  /** The refresh token issued with it by applyToken, revoked with it by account unbinding. */
  refreshToken?: string;
}

/** An authorization code the OAuth page gave a partner's redirectUrl: single-use, short-lived (applyToken). */
export interface AuthCode {
  value: string;
  customerId: string;
  partnerId: string;
  scopes: string[];
  issuedAt: Instant;
  expiresAt: Instant;
  /** When applyToken redeemed it; a second redemption answers "Auth Code Used". */
  usedAt?: Instant;
}

/** applyToken's refresh token (grant REFRESH_TOKEN): it names the customer and partner to issue a new access token for. */
export interface RefreshToken {
  value: string;
  customerId: string;
  partnerId: string;
  scopes: string[];
  expiresAt: Instant;
  status: 'ACTIVE' | 'REVOKED';
}

/** A one-time token issued by Apply OTT. */
export interface Ott {
  value: string;
  customerId: string;
  tokenValue: string;
  partnerId: string;
  issuedAt: Instant;
  expiresAt: Instant;
}

/** A SNAP B2B access token (service 73). */
export interface B2bToken {
  value: string;
  clientKey: string;
  issuedAt: Instant;
  expiresAt: Instant;
}

/** A bank card bound for direct debit (Resend OTP's bankCardToken). */
export interface Card {
  bankCardToken: string;
  status: 'ACTIVE' | 'INACTIVE';
  customerId?: string;
}

/** A direct-debit payment journey awaiting its OTP. Opening it sent the first OTP. */
export interface Journey {
  journeyId: string;
  orderId: string;
  bankCardToken: string;
  createdAt: Instant;
  lastOtpSentAt: Instant;
  closed?: boolean;
}

/** An order known to DANA (the acquirementId of a push notification). */
export interface Order {
  acquirementId: string;
  merchantClientId: string;
  customerId: string;
  /** Where the notification takes the customer (the order's return URL); not an absolute http(s) URL -> REDIRECT_URL_ILLEGAL. */
  redirectUrl?: string;
  /** A sandbox test order whose pushes always fail this way (SYSTEM_ERROR, status U). */
  forcedOutcome?: 'systemError';
}

/** A push notification delivered to a customer's DANA app. */
export interface Notification {
  id: string;
  customerId: string;
  acquirementId: string;
  bizType: string;
  partnerId: string;
  deliveredAt: Instant;
  body: Record<string, unknown>;
}

/** A partner registered at run time (admin API), kept so it survives a restart. */
export interface PartnerRecord {
  partnerId: string;
  name?: string;
  publicKey: string;
  clientSecret?: string;
  merchantId?: string;
  pushConfigured?: boolean;
  isolated?: boolean;
}

/** How many OTTs a customer got in the current sandbox minute (4294900 Too Many Requests). */
export interface RateWindow {
  customerId: string;
  windowStart: Instant;
  count: number;
}

/** A seed fixture deleted through the control plane: not re-seeded on restart until a reset. */
export interface SeedDeletion {
  collection: string;
  id: string;
  deletedAt: Instant;
}

/** The collections the store keeps, by name. */
export interface Collections {
  customers: Customer;
  customerTokens: CustomerToken;
  authCodes: AuthCode;
  refreshTokens: RefreshToken;
  otts: Ott;
  rateWindows: RateWindow;
  b2bTokens: B2bToken;
  cards: Card;
  journeys: Journey;
  orders: Order;
  notifications: Notification;
  partners: PartnerRecord;
  clocks: ClockState;
  rules: ArmedRule;
  seedDeletions: SeedDeletion;
  payments: PaymentOrder;
  webhooks: WebhookDelivery;
  merchants: Merchant;
  shops: Shop;
  divisions: Division;
  disbursements: Disbursement;
  merchantBalances: MerchantBalance;
}

export type CollectionName = keyof Collections;

/** How a stored field is checked when the data file is opened: `key` = a non-empty string equal to the entry's key. */
export type FieldKind =
  'key' | 'string' | 'instant' | 'boolean' | 'count' | 'object' | 'strings' | 'list' | readonly string[];
export interface FieldRule {
  kind: FieldKind;
  optional?: boolean;
}

const must = (kind: FieldKind): FieldRule => ({ kind });
const may = (kind: FieldKind): FieldRule => ({ kind, optional: true });

/**
 * The fields of each stored entry, checked one by one at start-up: a wrong one would fail every
 * request that meets it, far from the cause. Clocks and armed rules have their own checks.
 */
export const entityFields: { [C in Exclude<CollectionName, 'clocks' | 'rules'>]: Record<string, FieldRule> } = {
  customers: {
    id: must('key'),
    phone: must('string'),
    name: may('string'),
    status: must(['ACTIVE', 'ABNORMAL', 'FROZEN']),
    forcedOutcome: may(['generalError', 'internalServerError']),
    ottLimitPerMinute: may('count'),
    pin: may('string'),
    balance: may('string'),
  },
  customerTokens: {
    value: must('key'),
    customerId: must('string'),
    expiresAt: must('instant'),
    status: must(['ACTIVE', 'REVOKED']),
    partnerId: may('string'),
    scopes: may('strings'),
    refreshToken: may('string'),
  },
  authCodes: {
    value: must('key'),
    customerId: must('string'),
    partnerId: must('string'),
    scopes: must('strings'),
    issuedAt: must('instant'),
    expiresAt: must('instant'),
    usedAt: may('instant'),
  },
  refreshTokens: {
    value: must('key'),
    customerId: must('string'),
    partnerId: must('string'),
    scopes: must('strings'),
    expiresAt: must('instant'),
    status: must(['ACTIVE', 'REVOKED']),
  },
  otts: {
    value: must('key'),
    customerId: must('string'),
    tokenValue: must('string'),
    partnerId: must('string'),
    issuedAt: must('instant'),
    expiresAt: must('instant'),
  },
  rateWindows: { customerId: must('key'), windowStart: must('instant'), count: must('count') },
  b2bTokens: { value: must('key'), clientKey: must('string'), issuedAt: must('instant'), expiresAt: must('instant') },
  cards: { bankCardToken: must('key'), status: must(['ACTIVE', 'INACTIVE']), customerId: may('string') },
  journeys: {
    journeyId: must('key'),
    orderId: must('string'),
    bankCardToken: must('string'),
    createdAt: must('instant'),
    lastOtpSentAt: must('instant'),
    closed: may('boolean'),
  },
  orders: {
    acquirementId: must('key'),
    merchantClientId: must('string'),
    customerId: must('string'),
    redirectUrl: may('string'),
    forcedOutcome: may(['systemError']),
  },
  // Keyed by [acquirementId, bizType] (one delivery each), so its id is a plain string, not the key.
  notifications: {
    id: must('string'),
    customerId: must('string'),
    acquirementId: must('string'),
    bizType: must('string'),
    partnerId: must('string'),
    deliveredAt: must('instant'),
    body: must('object'),
  },
  partners: {
    partnerId: must('key'),
    name: may('string'),
    publicKey: must('string'),
    clientSecret: may('string'),
    merchantId: may('string'),
    pushConfigured: may('boolean'),
    isolated: may('boolean'),
  },
  seedDeletions: { collection: must('string'), id: must('string'), deletedAt: must('instant') },
  // Keyed by [partnerId, partnerReferenceNo] (orderKey), so no field is the key itself.
  payments: {
    referenceNo: must('string'),
    partnerReferenceNo: must('string'),
    partnerId: must('string'),
    merchantId: must('string'),
    product: must(['paymentGateway', 'widget']),
    amount: must('object'),
    status: must(['INIT', 'PAYING', 'SUCCESS', 'CLOSED', 'CANCELLED', 'FAILED']),
    createdAt: must('instant'),
    validUpTo: may('instant'),
    paidAt: may('instant'),
    finishedAt: may('instant'),
    notificationUrl: may('string'),
    requestFingerprint: must('string'),
    refunds: must('list'),
  },
  webhooks: {
    id: must('key'),
    kind: must(['finishNotify']),
    url: must('string'),
    body: must('string'),
    createdAt: must('instant'),
    status: must(['pending', 'delivered', 'failed']),
    nextAttemptAt: may('instant'),
    attempts: must('list'),
  },
  merchants: {
    merchantId: must('key'),
    officialName: must('string'),
    status: must(['ACTIVE', 'PENDING', 'FROZEN']),
    phoneNumber: may('string'),
    sizeType: may('string'),
    mccCodes: may('strings'),
    balances: must('object'),
    assetCards: must('list'),
    createdAt: may('instant'),
  },
  shops: {
    shopId: must('key'),
    merchantId: must('string'),
    externalShopId: must('string'),
    parentRoleType: must(['MERCHANT', 'DIVISION', 'EXTERNAL_DIVISION']),
    parentDivisionId: may('string'),
    details: must('object'),
    createdAt: must('instant'),
    modifiedAt: must('instant'),
  },
  divisions: {
    divisionId: must('key'),
    merchantId: must('string'),
    externalDivisionId: must('string'),
    parentRoleType: must(['MERCHANT', 'DIVISION', 'EXTERNAL_DIVISION']),
    parentDivisionId: may('string'),
    details: must('object'),
    createdAt: must('instant'),
    modifiedAt: must('instant'),
  },
  // Keyed by [partnerId, kind, partnerReferenceNo] (disbursementKey), so no field is the key itself.
  disbursements: {
    kind: must(['topUp', 'bankTransfer']),
    referenceNo: must('string'),
    partnerReferenceNo: must('string'),
    partnerId: must('string'),
    amount: must('object'),
    feeAmount: must('object'),
    customerNumber: must('string'),
    status: must(['SUCCESS', 'PROCESSING', 'FAILED']),
    createdAt: must('instant'),
    settleAt: may('instant'),
    finishedAt: may('instant'),
    requestFingerprint: must('string'),
    refusal: may('object'),
  },
  merchantBalances: { partnerId: must('key'), balance: must('string'), updatedAt: may('instant') },
};

/** An entry naming another by id: it must resolve in its own scope or the global one. */
export interface EntityReference {
  from: CollectionName;
  field: string;
  to: CollectionName;
}

/** The references checked at start-up and kept whole by the control plane (creating or deleting a fixture). */
export const entityReferences: readonly EntityReference[] = [
  { from: 'customerTokens', field: 'customerId', to: 'customers' },
  { from: 'authCodes', field: 'customerId', to: 'customers' },
  { from: 'refreshTokens', field: 'customerId', to: 'customers' },
  { from: 'cards', field: 'customerId', to: 'customers' },
  { from: 'orders', field: 'customerId', to: 'customers' },
  { from: 'shops', field: 'parentDivisionId', to: 'divisions' },
  { from: 'divisions', field: 'parentDivisionId', to: 'divisions' },
];
