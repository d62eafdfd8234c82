import type { AdmittedExchange } from '../core/endpoint.js';
import type { Outcome, SandboxDeps } from '../core/types.js';
import { idr, toCents, type Money } from '../payments/money.js';
import type { SnapCaseKey } from '../protocols/snap/snapCases.js';
import { decideBankTransfer } from './decideBankTransfer.js';
import { newReferenceNo } from './disbursementBook.js';
import { banks, disbursementTerms, validBeneficiary } from './magicData.js';

interface BankInquiryBody {
  partnerReferenceNo?: string;
  customerNumber: string;
  beneficiaryAccountNumber: string;
  amount: Money;
  additionalInfo: { beneficiaryBankCode: string; accountType?: string | null };
}

/** Bank account inquiry: the beneficiary's name and bank, if a transfer of `amount` to it would go (same checks). */
export function inquireBankAccount(exchange: AdmittedExchange, deps: SandboxDeps): Outcome<SnapCaseKey> {
  const body = exchange.body as BankInquiryBody;
  const bankCode = body.additionalInfo.beneficiaryBankCode;
  // DANA's answers carry the partner's number, refusals too (UAT InquiryBankAccount*).
  const echo = body.partnerReferenceNo ? { partnerReferenceNo: body.partnerReferenceNo } : {};
  const refusal = decideBankTransfer(deps, {
    partnerId: exchange.partner.partnerId,
    customerNumber: body.customerNumber,
    accountNumber: body.beneficiaryAccountNumber,
    bankCode,
    costCents: toCents(body.amount.value) + toCents(disbursementTerms.bankTransferFee),
    session: exchange.session,
  });
  if (refusal) return { ...refusal, data: { ...echo, ...refusal.data } };
  const bank = banks[bankCode];
  return {
    case: 'successful',
    data: {
      referenceNo: newReferenceNo(deps, exchange.receivedAt),
      ...echo,
      ...(body.additionalInfo.accountType && { accountType: body.additionalInfo.accountType }),
      beneficiaryAccountNumber: body.beneficiaryAccountNumber,
      beneficiaryAccountName: validBeneficiary.accountName,
      beneficiaryBankCode: bankCode,
      ...(bank && { beneficiaryBankShortName: bank.shortName, beneficiaryBankName: bank.name }),
      amount: body.amount,
      additionalInfo: { feeAmount: idr(disbursementTerms.bankTransferFee) },
    },
  };
}
