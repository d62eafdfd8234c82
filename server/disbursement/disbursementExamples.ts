import { snapExample } from '../core/examples.js';
import { idr } from '../payments/money.js';

/** Example requests of the disbursement endpoints' Postman folders, from DANA's UAT cases (Postman variables allowed). */

export const disbursementPaths = {
  danaAccountInquiry: '/rest/v1.0/emoney/account-inquiry',
  transferToDana: '/rest/v1.0/emoney/topup',
  transferToDanaInquiryStatus: '/rest/v1.0/emoney/topup-status',
  bankAccountInquiry: '/v1.0/emoney/bank-account-inquiry.htm',
  transferToBank: '/v1.0/emoney/transfer-bank.htm',
  transferToBankInquiryStatus: '/v1.0/emoney/transfer-bank-status.htm',
} as const;

/** The paths dana-node 1.5.11 calls for the DANA-balance services, besides DANA's documented /rest/ ones: both are served. */
export const sdkPaths = {
  danaAccountInquiry: '/v1.0/emoney/account-inquiry.htm',
  transferToDana: '/v1.0/emoney/topup.htm',
  transferToDanaInquiryStatus: '/v1.0/emoney/topup-status.htm',
} as const;

/** DANA's valid test customer and beneficiary (docs/disbursement.md). */
export const testCustomerNumber = '62811742234';
const topUpFund = { fundType: 'AGENT_TOPUP_FOR_USER_SETTLE' };
const withdrawFund = { fundType: 'MERCHANT_WITHDRAW_FOR_CORPORATE' };

export const danaAccountInquiryRequest = (customerNumber = testCustomerNumber, value = '10000.00') =>
  snapExample(disbursementPaths.danaAccountInquiry, {
    partnerReferenceNo: '{{$guid}}',
    customerNumber,
    amount: idr(value),
    transactionDate: '2030-05-01T00:46:43+07:00',
    additionalInfo: topUpFund,
  });

export const transferToDanaRequest = (
  partnerReferenceNo: string,
  value = '10000.00',
  customerNumber = testCustomerNumber,
) =>
  snapExample(disbursementPaths.transferToDana, {
    partnerReferenceNo,
    customerNumber,
    amount: idr(value),
    feeAmount: idr('1.00'),
    transactionDate: '2030-05-01T00:46:43+07:00',
    additionalInfo: topUpFund,
  });

export const statusRequest = (path: string, originalPartnerReferenceNo: string, serviceCode: string) =>
  snapExample(path, { originalPartnerReferenceNo, serviceCode });

export const bankAccountInquiryRequest = (beneficiaryAccountNumber = '2460888509', value = '50000.00') =>
  snapExample(disbursementPaths.bankAccountInquiry, {
    partnerReferenceNo: '{{$guid}}',
    customerNumber: testCustomerNumber,
    beneficiaryAccountNumber,
    amount: idr(value),
    additionalInfo: { ...withdrawFund, beneficiaryBankCode: '014' },
  });

export const transferToBankRequest = (
  partnerReferenceNo: string,
  options: { account?: string; value?: string; needNotify?: boolean } = {},
) =>
  snapExample(disbursementPaths.transferToBank, {
    partnerReferenceNo,
    customerNumber: testCustomerNumber,
    beneficiaryAccountNumber: options.account ?? '2460888509',
    beneficiaryBankCode: '014',
    amount: idr(options.value ?? '50000.00'),
    additionalInfo: { ...withdrawFund, needNotify: options.needNotify ?? false },
  });
