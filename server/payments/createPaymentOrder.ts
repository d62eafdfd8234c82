import type { AdmittedExchange } from '../core/endpoint.js';
import { fingerprint } from '../core/fingerprint.js';
import type { Outcome, SandboxDeps } from '../core/types.js';
import type { SnapCaseKey } from '../protocols/snap/snapCases.js';
import { magicCaseOfAmount } from './magicCase.js';
import type { Money } from './money.js';
import { toCents } from './money.js';
import { findOrder, saveOrder } from './orderBook.js';
import { redirectSuccessMessage } from './paymentWording.js';
import type { PaymentOrder, PaymentProduct } from './PaymentOrder.js';

/** The members createOrder (Payment Gateway) and widget payment share; both are SNAP service 54. */
interface CreateBody {
  partnerReferenceNo: string;
  merchantId: string;
  externalStoreId?: string;
  amount: Money;
  validUpTo?: string;
  urlParams?: { url: string; type: string }[];
  payOptionDetails?: { payMethod?: string; payOption?: string }[];
  additionalInfo?: { order?: { orderTitle?: string; goods?: Record<string, unknown>[] }; extendInfo?: string };
}

/** DANA's per-transaction ceiling in the sandbox: the widget case "exceed amount limit" pays 21,000,000.00. */
export const amountLimit = '20000000.00';
/** widget payment's PAYING test amount (DANA's UAT case PaymentPaying): the order is left paying. */
export const payingAmount = '205502.00';

/** Where the customer pays: the sandbox's own checkout page, on the host the partner called. */
function checkoutUrl(exchange: AdmittedExchange, referenceNo: string): string {
  const { headers } = exchange.request;
  const host = headers['x-forwarded-host'] ?? headers.host ?? 'api.sandbox.dana.id';
  const proto =
    headers['x-forwarded-proto'] ?? (host.startsWith('127.0.0.1') || host.startsWith('localhost') ? 'http' : 'https');
  const session = exchange.session ? `?session=${encodeURIComponent(exchange.session)}` : '';
  return `${proto}://${host}/checkout/${referenceNo}${session}`;
}

/** Whether DANA's success message warns about QRIS: a Payment Gateway order left to the checkout, with no store named. */
const warnsAboutQris = (body: CreateBody, product: PaymentProduct) =>
  product === 'paymentGateway' && !body.payOptionDetails?.length && !body.externalStoreId;

/** What createOrder answers for an order: its numbers, the checkout URL and, for a VA, the number to pay. */
function created(order: PaymentOrder, webRedirectUrl: string, message?: string): Outcome<SnapCaseKey> {
  return {
    case: 'successful',
    ...(message && { message }),
    data: {
      referenceNo: order.referenceNo,
      partnerReferenceNo: order.partnerReferenceNo,
      webRedirectUrl,
      ...(order.paymentCode && { additionalInfo: { paymentCode: order.paymentCode } }),
    },
  };
}

/**
 * createOrder / widget payment: a new INIT order, or for a partnerReferenceNo already used the same answer when the
 * request is the same and 4045418 Inconsistent Request when it differs (DANA's UAT CreateOrderInconsistentRequest).
 * Magic amounts answer their code; over amountLimit 4035402.
 */
export function createPaymentOrder(
  exchange: AdmittedExchange,
  deps: SandboxDeps,
  product: PaymentProduct,
): Outcome<SnapCaseKey> {
  const body = exchange.body as CreateBody;
  const { partner, session } = exchange;
  const magic = magicCaseOfAmount(body.amount.value, '54');
  if (magic) return { case: magic, debug: `amount ${body.amount.value} is DANA's test amount for this code.` };
  if (toCents(body.amount.value) > toCents(amountLimit))
    return {
      case: 'exceedsAmountLimit',
      debug: `amount ${body.amount.value} is over the sandbox limit ${amountLimit}.`,
    };
  if (partner.merchantId && body.merchantId !== partner.merchantId)
    return {
      case: 'invalidMerchant',
      debug: `merchantId "${body.merchantId}" is not partner ${partner.partnerId}'s merchant (${partner.merchantId}).`,
    };
  const now = exchange.receivedAt;
  if (body.validUpTo && Date.parse(body.validUpTo) <= now.getTime())
    return {
      case: 'invalidFieldFormat',
      detail: 'validUpTo',
      debug: `validUpTo ${body.validUpTo} is not after the sandbox clock (${now.toISOString()}).`,
    };
  const print = fingerprint(body);
  const message = warnsAboutQris(body, product) ? redirectSuccessMessage : undefined;
  const existing = findOrder(deps, partner.partnerId, { partnerReferenceNo: body.partnerReferenceNo }, session);
  if (existing) {
    if (existing.requestFingerprint === print)
      return created(existing, checkoutUrl(exchange, existing.referenceNo), message);
    return {
      case: 'inconsistentRequest',
      debug: `partnerReferenceNo "${body.partnerReferenceNo}" was used at ${existing.createdAt} for another request (order ${existing.referenceNo}).`,
    };
  }
  const option = body.payOptionDetails?.[0];
  const url = (type: string) => body.urlParams?.find((p) => p.type === type)?.url;
  const referenceNo = `${now.toISOString().slice(0, 10).replaceAll('-', '')}1114${deps.ids.hex(8)}`;
  const order: PaymentOrder = {
    referenceNo,
    partnerReferenceNo: body.partnerReferenceNo,
    partnerId: partner.partnerId,
    merchantId: body.merchantId,
    product,
    amount: body.amount,
    title: body.additionalInfo?.order?.orderTitle ?? '',
    goods: body.additionalInfo?.order?.goods ?? [],
    payMethod: option?.payMethod,
    payOption: option?.payOption,
    ...(option?.payMethod === 'VIRTUAL_ACCOUNT' && {
      paymentCode: `8${BigInt(`0x${deps.ids.hex(7)}`)
        .toString()
        .padStart(15, '0')
        .slice(-15)}`,
    }),
    status: body.amount.value === payingAmount && product === 'widget' ? 'PAYING' : 'INIT',
    createdAt: now.toISOString(),
    validUpTo: body.validUpTo ? new Date(body.validUpTo).toISOString() : undefined,
    payReturnUrl: url('PAY_RETURN'),
    notificationUrl: url('NOTIFICATION'),
    externalId: exchange.externalId,
    extendInfo: body.additionalInfo?.extendInfo,
    requestFingerprint: print,
    refunds: [],
    session,
  };
  saveOrder(order, deps);
  return created(order, checkoutUrl(exchange, referenceNo), message);
}
