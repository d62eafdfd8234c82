import { defineEndpoint } from '../../core/endpoint.js';
import { checkRupiah } from '../../disbursement/checkRupiah.js';
import { disbursementPaths } from '../../disbursement/disbursementExamples.js';
import { inquireBankAccount } from '../../disbursement/inquireBankAccount.js';
import { bankWording } from '../../disbursement/magicData.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';
import { bankAccountInquiryPostman } from './bankAccountInquiryPostman.js';

/** Disbursement bank account inquiry (dana-node disbursementApi.bankAccountInquiry): the beneficiary before a transfer. */
export const bankAccountInquiry = defineEndpoint({
  id: 'bankAccountInquiry',
  method: 'POST',
  paths: [disbursementPaths.bankAccountInquiry],
  summary: "A bank account's holder and bank, if a transfer of an amount to it would go",
  postman: bankAccountInquiryPostman,
  protocol: snapProtocol({
    serviceCode: '42',
    clientHeader: 'x-partner-id',
    signature: 'asymmetric',
    checkBody: checkRupiah,
    wording: bankWording,
  }),
  matchFields: { beneficiaryAccountNumber: 'beneficiaryAccountNumber' },
  // DANA repeats it in every answer, its gateway's refusals included (UAT InquiryBankAccountUnauthorizedSignature).
  echoFields: ['partnerReferenceNo'],
  handle: inquireBankAccount,
});
