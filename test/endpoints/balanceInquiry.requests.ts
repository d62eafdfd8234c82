export const balanceInquiryPath = '/v1.0/balance-inquiry.htm';
