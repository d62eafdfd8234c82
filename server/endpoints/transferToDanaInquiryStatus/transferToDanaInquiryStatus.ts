import { defineEndpoint } from '../../core/endpoint.js';
import { checkServiceCode } from '../../disbursement/checkServiceCode.js';
import { disbursementPaths, sdkPaths } from '../../disbursement/disbursementExamples.js';
import { queryDisbursement } from '../../disbursement/queryDisbursement.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';
import { transferToDanaInquiryStatusPostman } from './transferToDanaInquiryStatusPostman.js';

/** Disbursement top-up status (dana-node disbursementApi.transferToDanaInquiryStatus). */
export const transferToDanaInquiryStatus = defineEndpoint({
  id: 'transferToDanaInquiryStatus',
  method: 'POST',
  paths: [disbursementPaths.transferToDanaInquiryStatus, sdkPaths.transferToDanaInquiryStatus],
  summary: "A top-up's state: Success, or Failed for a refused one",
  postman: transferToDanaInquiryStatusPostman,
  protocol: snapProtocol({
    serviceCode: '39',
    clientHeader: 'x-partner-id',
    signature: 'asymmetric',
    checkBody: checkServiceCode,
  }),
  matchFields: { originalPartnerReferenceNo: 'originalPartnerReferenceNo' },
  handle: (exchange, deps) => queryDisbursement(exchange, deps, 'topUp'),
});
