import type { AdmittedExchange } from '../core/endpoint.js';
import type { Outcome, SandboxDeps } from '../core/types.js';
import { idr, toCents, type Money } from '../payments/money.js';
import type { SnapCaseKey } from '../protocols/snap/snapCases.js';
import { decideTopUp } from './decideTopUp.js';
import { newReferenceNo } from './disbursementBook.js';
import { disbursementTerms } from './magicData.js';

interface InquiryBody {
  partnerReferenceNo?: string;
  customerNumber: string;
  amount: Money;
  additionalInfo: { customerId?: string | null };
}

/** DANA account inquiry: whether a top-up of `amount` to the customer would go, by the same checks as the top-up. */
export function inquireDanaAccount(exchange: AdmittedExchange, deps: SandboxDeps): Outcome<SnapCaseKey> {
  const body = exchange.body as InquiryBody;
  const decision = decideTopUp(deps, {
    partnerId: exchange.partner.partnerId,
    customerNumber: body.customerNumber,
    customerId: body.additionalInfo.customerId ?? undefined,
    amountCents: toCents(body.amount.value),
    costCents: toCents(body.amount.value),
    session: exchange.session,
  });
  if ('refusal' in decision) return decision.refusal;
  return {
    case: 'successful',
    data: {
      referenceNo: newReferenceNo(deps, exchange.receivedAt),
      ...(body.partnerReferenceNo && { partnerReferenceNo: body.partnerReferenceNo }),
      customerNumber: body.customerNumber,
      customerName: decision.customer.name ?? '',
      minAmount: idr(disbursementTerms.minTopUp),
      maxAmount: idr(disbursementTerms.customerBalanceLimit),
      amount: body.amount,
      feeAmount: idr('0.00'),
      additionalInfo: {},
    },
  };
}
