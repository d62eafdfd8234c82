import type { Outcome, SandboxDeps } from '../core/types.js';
import type { SnapCaseKey } from '../protocols/snap/snapCases.js';
import { bankErrorMessages, magicData, validBeneficiary } from './magicData.js';
import { checkMerchantFunds } from './merchantBalance.js';
import { refusalOf } from './refusalOf.js';

/** What a bank account inquiry or transfer asks: pay `costCents` from the merchant's deposit to one bank account. */
export interface BankTransferAsk {
  partnerId: string;
  customerNumber: string;
  accountNumber: string;
  bankCode: string;
  costCents: number;
  session?: string;
}

/**
 * DANA's checks of a bank disbursement, in the order its UAT cases show: the merchant's customer number, the
 * beneficiary account (magic numbers; any other account than DANA's test account is a general error, as DANA's hint
 * says), then the merchant's deposit. Undefined = the transfer may go.
 */
export function decideBankTransfer(deps: SandboxDeps, ask: BankTransferAsk): Outcome<SnapCaseKey> | undefined {
  const merchant = magicData.merchantCustomerNumber[ask.customerNumber];
  if (merchant) return refusalOf(merchant);
  const account = magicData.beneficiaryAccountNumber[ask.accountNumber];
  if (account) return refusalOf(account);
  if (ask.accountNumber !== validBeneficiary.accountNumber || ask.bankCode !== validBeneficiary.bankCode)
    return refusalOf({
      case: 'generalError',
      message: bankErrorMessages.generalError,
      why: `the sandbox pays account ${validBeneficiary.accountNumber} at bank ${validBeneficiary.bankCode} only, not ${ask.accountNumber} at ${ask.bankCode}`,
    });
  return checkMerchantFunds(deps, ask.partnerId, ask.costCents, ask.session);
}
