/** A SNAP case: HTTP status (the code's first 3 digits), case code (its last 2) and message. */
export interface SnapCase {
  status: number;
  caseCode: string;
  message: string;
}

const c = (status: number, caseCode: string, message: string): SnapCase => ({ status, caseCode, message });

/**
 * Bank Indonesia's SNAP response-code catalogue (docs/protocol.md#snap-response-codes), keyed by the names the
 * endpoints and scenario packs use. responseCode = status + service code + case code.
 */
export const snapCases = {
  successful: c(200, '00', 'Successful'),
  inProgress: c(202, '00', 'Request In Progress'),
  badRequest: c(400, '00', 'Bad Request'),
  invalidFieldFormat: c(400, '01', 'Invalid Field Format'),
  invalidMandatoryField: c(400, '02', 'Invalid Mandatory Field'),
  unauthorized: c(401, '00', 'Unauthorized.'),
  invalidTokenB2b: c(401, '01', 'Invalid Token (B2B)'),
  invalidCustomerToken: c(401, '02', 'Invalid Customer Token'),
  tokenNotFoundB2b: c(401, '03', 'Token Not Found (B2B)'),
  customerTokenNotFound: c(401, '04', 'Customer Token Not Found'),
  transactionExpired: c(403, '00', 'Transaction Expired'),
  featureNotAllowed: c(403, '01', 'Feature Not Allowed'),
  exceedsAmountLimit: c(403, '02', 'Exceeds Transaction Amount Limit'),
  suspectedFraud: c(403, '03', 'Suspected Fraud'),
  doNotHonor: c(403, '05', 'Do Not Honor'),
  otpSentToCardholder: c(403, '13', 'OTP Sent To Cardholder'),
  insufficientFunds: c(403, '14', 'Insufficient Funds'),
  transactionNotPermitted: c(403, '15', 'Transaction Not Permitted.'),
  inactiveCard: c(403, '18', 'Inactive Card/Account/Customer'),
  invalidTransactionStatus: c(404, '00', 'Invalid Transaction Status'),
  transactionNotFound: c(404, '01', 'Transaction Not Found'),
  notFound: c(404, '02', 'Invalid Routing'),
  journeyNotFound: c(404, '07', 'Journey Not Found'),
  invalidMerchant: c(404, '08', 'Invalid Merchant'),
  // [info] as DANA's disbursement fills it (UAT case InquiryBankAccountInvalidCard).
  invalidCard: c(404, '11', 'Invalid Card/Account/Customer Number/Virtual Account'),
  invalidBill: c(404, '12', 'Invalid Bill'),
  // DANA's own case: SNAP's table has Inconsistent Request at 11; DANA's payment services answer 18.
  inconsistentRequest: c(404, '18', 'Inconsistent Request'),
  methodNotAllowed: c(405, '00', 'Requested Function Is Not Supported'),
  conflict: c(409, '00', 'Conflict'),
  tooManyRequests: c(429, '00', 'Too Many Requests'),
  generalError: c(500, '00', 'General Error'),
  internalServerError: c(500, '01', 'Internal Server Error'),
  externalServerError: c(500, '02', 'External Server Error'),
  timeout: c(504, '00', 'Timeout'),
} as const satisfies Record<string, SnapCase>;

export type SnapCaseKey = keyof typeof snapCases;

/** The wire responseCode of a case for a service, e.g. ('invalidFieldFormat', '49') -> '4004901'. */
export function snapResponseCode(key: SnapCaseKey, serviceCode: string): string {
  const { status, caseCode } = snapCases[key];
  return `${status}${serviceCode}${caseCode}`;
}

/**
 * DANA's style: the generic text, then the field or reason ("Invalid Field Format userResources").
 * An empty reason keeps its separating space: BNC's Resend OTP sample answers "Transaction Not Permitted. ".
 */
export function snapResponseMessage(key: SnapCaseKey, detail?: string, wording?: string): string {
  const message = wording ?? snapCases[key].message;
  return detail === undefined ? message : `${message} ${detail}`;
}

export function isSnapCaseKey(key: string): key is SnapCaseKey {
  return Object.hasOwn(snapCases, key);
}
