import { defineEndpoint } from '../../core/endpoint.js';
import { checkRupiah } from '../../disbursement/checkRupiah.js';
import { disbursementPaths, sdkPaths } from '../../disbursement/disbursementExamples.js';
import { topUpCustomer } from '../../disbursement/topUpCustomer.js';
import { danaBalanceWording } from '../../disbursement/magicData.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';
import { transferToDanaPostman } from './transferToDanaPostman.js';

/** Disbursement transfer to DANA (dana-node disbursementApi.transferToDana): tops up a customer from the merchant's deposit. */
export const transferToDana = defineEndpoint({
  id: 'transferToDana',
  method: 'POST',
  paths: [disbursementPaths.transferToDana, sdkPaths.transferToDana],
  summary: "A top-up of a DANA customer's balance, paid from the merchant's deposit; idempotent by partnerReferenceNo",
  postman: transferToDanaPostman,
  protocol: snapProtocol({
    serviceCode: '38',
    clientHeader: 'x-partner-id',
    signature: 'asymmetric',
    checkBody: checkRupiah,
    wording: danaBalanceWording,
  }),
  matchFields: { customerNumber: 'customerNumber', partnerReferenceNo: 'partnerReferenceNo' },
  handle: topUpCustomer,
});
