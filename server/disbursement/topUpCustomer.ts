import type { AdmittedExchange } from '../core/endpoint.js';
import { fingerprint } from '../core/fingerprint.js';
import type { Outcome, SandboxDeps } from '../core/types.js';
import { fromCents, toCents, type Money } from '../payments/money.js';
import type { SnapCaseKey } from '../protocols/snap/snapCases.js';
import { decideTopUp } from './decideTopUp.js';
import type { Disbursement } from './Disbursement.js';
import { findDisbursement, newReferenceNo, saveDisbursement } from './disbursementBook.js';
import { drawMerchantBalance } from './merchantBalance.js';
import { keepRefusal, replayRefusal } from './refusalOf.js';

interface TopUpBody {
  partnerReferenceNo: string;
  customerNumber: string;
  amount: Money;
  feeAmount: Money;
  additionalInfo: { customerId?: string | null };
}

/** What DANA answers for a top-up it holds: its refusal again, or the success with DANA's referenceNo. */
function answerTopUp(entry: Disbursement, customerName: string | undefined): Outcome<SnapCaseKey> {
  if (entry.refusal) return replayRefusal(entry.refusal, entry.partnerReferenceNo);
  return {
    case: 'successful',
    data: {
      referenceNo: entry.referenceNo,
      partnerReferenceNo: entry.partnerReferenceNo,
      customerNumber: entry.customerNumber,
      ...(customerName && { customerName }),
      amount: entry.amount,
      additionalInfo: {},
    },
  };
}

/**
 * Transfer to DANA (top-up): the merchant's deposit pays amount + feeAmount, the customer's DANA balance gets amount.
 * A partnerReferenceNo already used answers as before when the request is the same (refusals too, so a refused
 * top-up's status reads Failed, DANA's UAT InquiryTopUpStatusValidFail) and 4043818 Inconsistent Request when not.
 */
export function topUpCustomer(exchange: AdmittedExchange, deps: SandboxDeps): Outcome<SnapCaseKey> {
  const body = exchange.body as TopUpBody;
  const { partner, session } = exchange;
  const print = fingerprint(body);
  const existing = findDisbursement(
    deps,
    partner.partnerId,
    'topUp',
    { partnerReferenceNo: body.partnerReferenceNo },
    session,
  );
  if (existing) {
    if (existing.requestFingerprint !== print)
      return {
        case: 'inconsistentRequest',
        debug: `partnerReferenceNo "${body.partnerReferenceNo}" was used at ${existing.createdAt} for another top-up (${existing.referenceNo}).`,
      };
    const customer = existing.customerId ? deps.store.get('customers', existing.customerId, session) : undefined;
    return answerTopUp(existing, customer?.name);
  }
  const amountCents = toCents(body.amount.value);
  const costCents = amountCents + toCents(body.feeAmount.value);
  const decision = decideTopUp(deps, {
    partnerId: partner.partnerId,
    customerNumber: body.customerNumber,
    customerId: body.additionalInfo.customerId ?? undefined,
    amountCents,
    costCents,
    session,
  });
  const now = exchange.receivedAt.toISOString();
  const entry: Disbursement = {
    kind: 'topUp',
    referenceNo: newReferenceNo(deps, exchange.receivedAt),
    partnerReferenceNo: body.partnerReferenceNo,
    partnerId: partner.partnerId,
    amount: body.amount,
    feeAmount: body.feeAmount,
    customerNumber: body.customerNumber,
    status: 'FAILED',
    createdAt: now,
    finishedAt: now,
    externalId: exchange.externalId,
    requestFingerprint: print,
    session,
  };
  if ('refusal' in decision) {
    saveDisbursement({ ...entry, refusal: keepRefusal(decision.refusal) }, deps);
    return decision.refusal;
  }
  const { customer } = decision;
  drawMerchantBalance(deps, partner.partnerId, costCents, session);
  const balance = toCents(customer.balance ?? '0.00') + amountCents;
  deps.store.put('customers', customer.id, { ...customer, balance: fromCents(balance) }, session);
  return answerTopUp(saveDisbursement({ ...entry, status: 'SUCCESS', customerId: customer.id }, deps), customer.name);
}
