import type { SnapCaseKey } from '../protocols/snap/snapCases.js';

/** What one magic value of DANA's disbursement sandbox answers: its case, DANA's wording and extra members. */
export interface MagicRule {
  case: SnapCaseKey;
  message?: string;
  /** additionalInfo.resultMsg DANA adds to a refused DANA account inquiry (UAT InquiryCustomer*Account). */
  resultMsg?: string;
  /** Why, for the docs and X-Debug-Mode. */
  why: string;
}

/** DANA's hint on the bank test data, in its general and internal error messages (UAT DisbursementBank*Error). */
const positiveHint =
  'For testing positive case in sandbox use beneficiaryAccountNumber 2460888509 and beneficiaryBankCode 014';

/**
 * DANA's wording of catalogue cases on the DANA-balance services (37, 38), from its UAT cases
 * (InquiryCustomerExceededLimit, TopUpCustomerExceedAmountLimit, TopUpCustomerInsufficientFund). The
 * protocol words every answer of the case so, scripted scenarios included.
 */
export const danaBalanceWording = {
  insufficientFunds: 'Insufficient Fund',
  exceedsAmountLimit: 'Exceed maximum limit amount',
} as const satisfies Partial<Record<SnapCaseKey, string>>;

/**
 * DANA's wording on the bank services (42, 43): "Success" where services 37-39 say "Successful"
 * (InquiryBankAccountValidDataAmount, DisbursementBankValidAccount), and its texts for an empty deposit
 * and an inactive account (Inquiry/DisbursementBank InsufficientFund, InactiveAccount).
 */
export const bankWording = {
  successful: 'Success',
  insufficientFunds: 'Insufficient Fund',
  inactiveCard: 'Inactive Account Merchant',
} as const satisfies Partial<Record<SnapCaseKey, string>>;

/** DANA's bank errors carry its hint on the test account (UAT DisbursementBankGeneralError, ...UnknownError). */
export const bankErrorMessages = {
  generalError: `General Error. ${positiveHint}`,
  internalServerError: `Internal Server Error. ${positiveHint}`,
} as const;

const payeeDisabled = 'PAYEE_USER_STATUS_DISABLE';
const payeeMissing = 'PAYEE_USER_NOT_EXIST';

/**
 * DANA's magic data for disbursement, keyed by the field that carries it (DANA's UAT file Disbursement.json).
 * A value answers the same whatever else the request holds; values not listed follow the sandbox's state.
 */
export const magicData: {
  /** DANA account inquiry and top-up: the payee's customerNumber. */
  customerNumber: Record<string, MagicRule>;
  /** Bank account inquiry and transfer to bank: the merchant's customerNumber. */
  merchantCustomerNumber: Record<string, MagicRule>;
  /** Bank account inquiry and transfer to bank: the beneficiary account (any bank code). */
  beneficiaryAccountNumber: Record<string, MagicRule>;
} = {
  customerNumber: {
    '628123456667': { case: 'doNotHonor', resultMsg: payeeDisabled, why: 'a frozen DANA account' },
    '628996647679': { case: 'doNotHonor', resultMsg: payeeDisabled, why: 'a frozen DANA account' },
    '628152768647': { case: 'doNotHonor', resultMsg: payeeMissing, why: 'no DANA account has this number' },
    '628551008794': { case: 'internalServerError', why: "DANA's internal server error number" },
    '628121111111': { case: 'generalError', why: "DANA's general error number" },
  },
  merchantCustomerNumber: {
    '0855100800': { case: 'invalidMerchant', why: 'a merchant DANA does not know' },
  },
  beneficiaryAccountNumber: {
    '81298055132': { case: 'inactiveCard', why: 'an inactive account' },
    '81398055100': { case: 'inactiveCard', why: 'an inactive account' },
    '815919191': { case: 'invalidCard', why: 'an account number the bank does not have' },
    '82298055100': { case: 'suspectedFraud', why: 'an account suspected of fraud' },
    '8121111111': { case: 'generalError', message: bankErrorMessages.generalError, why: 'a general error' },
    '8551008794': {
      case: 'internalServerError',
      message: bankErrorMessages.internalServerError,
      why: 'an internal server error',
    },
  },
};

/** The one beneficiary DANA's sandbox pays (its hint above); any other account not listed is a general error. */
export const validBeneficiary = { accountNumber: '2460888509', bankCode: '014', accountName: 'Sandbox Beneficiary' };

/** Banks the sandbox names in bank account inquiry (SNAP bank codes). */
export const banks: Record<string, { shortName: string; name: string }> = {
  '002': { shortName: 'BRI', name: 'Bank Rakyat Indonesia' },
  '008': { shortName: 'MANDIRI', name: 'Bank Mandiri' },
  '009': { shortName: 'BNI', name: 'Bank Negara Indonesia' },
  '014': { shortName: 'BCA', name: 'Bank Central Asia' },
};

/** The sandbox's amounts and delays (docs/disbursement.md); a DANA balance may not exceed 20,000,000.00 after a top-up (DANA's UAT messages). */
export const disbursementTerms = {
  customerBalanceLimit: '20000000.00',
  minTopUp: '1.00',
  /** What a partner's merchant deposit holds until funded or set (docs/disbursement.md). */
  defaultMerchantBalance: '1000000000.00',
  /** Bank transfers that answer "Request In Progress" settle this long after, on the sandbox clock. */
  settleAfterSeconds: 60,
  bankTransferFee: '0.00',
};
