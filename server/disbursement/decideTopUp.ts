import type { Outcome, SandboxDeps } from '../core/types.js';
import { fromCents, toCents } from '../payments/money.js';
import type { SnapCaseKey } from '../protocols/snap/snapCases.js';
import type { Customer } from '../store/entities.js';
import { findPayee } from './findPayee.js';
import { disbursementTerms } from './magicData.js';
import { checkMerchantFunds } from './merchantBalance.js';
import { refusalOf } from './refusalOf.js';

/** What a DANA account inquiry or top-up asks: credit `amountCents` (the merchant paying `costCents`) to a customer. */
export interface TopUpAsk {
  partnerId: string;
  customerNumber: string;
  customerId?: string;
  amountCents: number;
  costCents: number;
  session?: string;
}

export type TopUpDecision = { customer: Customer } | { refusal: Outcome<SnapCaseKey> };

/**
 * DANA's checks of a top-up, in the order its UAT cases show: the payee (magic numbers, then the sandbox's customers),
 * the merchant's deposit (1,000,000,000,000.00 answers Insufficient Fund before any limit), then the customer's
 * balance limit (DANA: "Make sure DANA balance not exceeding limit ... after topup").
 */
export function decideTopUp(deps: SandboxDeps, ask: TopUpAsk): TopUpDecision {
  const payee = findPayee(deps, ask.customerNumber, ask.customerId, ask.session);
  if ('refusal' in payee) {
    const { resultMsg } = payee.refusal;
    return {
      refusal: refusalOf(payee.refusal, {
        customerNumber: ask.customerNumber,
        ...(resultMsg && { additionalInfo: { resultMsg } }),
      }),
    };
  }
  const short = checkMerchantFunds(deps, ask.partnerId, ask.costCents, ask.session);
  if (short) return { refusal: short };
  const balance = toCents(payee.customer.balance ?? '0.00');
  const limit = toCents(disbursementTerms.customerBalanceLimit);
  if (balance + ask.amountCents > limit)
    return {
      refusal: {
        case: 'exceedsAmountLimit',
        debug: `Customer ${payee.customer.id} holds ${fromCents(balance)}; after ${fromCents(ask.amountCents)} it would exceed the DANA balance limit ${disbursementTerms.customerBalanceLimit}.`,
      },
    };
  return { customer: payee.customer };
}
