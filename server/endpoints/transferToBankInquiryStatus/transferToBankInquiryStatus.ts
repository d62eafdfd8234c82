import { defineEndpoint } from '../../core/endpoint.js';
import { checkServiceCode } from '../../disbursement/checkServiceCode.js';
import { disbursementPaths } from '../../disbursement/disbursementExamples.js';
import { queryDisbursement } from '../../disbursement/queryDisbursement.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';
import { transferToBankInquiryStatusPostman } from './transferToBankInquiryStatusPostman.js';

/**
 * Disbursement transfer-to-bank status (dana-node disbursementApi.transferToBankInquiryStatus). DANA answers it with
 * service code 00 (2000000, 4040001 in DANA's UAT cases), not a service of its own.
 */
export const transferToBankInquiryStatus = defineEndpoint({
  id: 'transferToBankInquiryStatus',
  method: 'POST',
  paths: [disbursementPaths.transferToBankInquiryStatus],
  summary: "A bank transfer's state: Pending while in progress, then Success; Failed for a refused one",
  postman: transferToBankInquiryStatusPostman,
  protocol: snapProtocol({
    serviceCode: '00',
    clientHeader: 'x-partner-id',
    signature: 'asymmetric',
    checkBody: checkServiceCode,
  }),
  matchFields: { originalPartnerReferenceNo: 'originalPartnerReferenceNo' },
  handle: (exchange, deps) => queryDisbursement(exchange, deps, 'bankTransfer'),
});
