import { defineEndpoint } from '../../core/endpoint.js';
import { checkRupiah } from '../../disbursement/checkRupiah.js';
import { disbursementPaths, sdkPaths } from '../../disbursement/disbursementExamples.js';
import { inquireDanaAccount } from '../../disbursement/inquireDanaAccount.js';
import { danaBalanceWording } from '../../disbursement/magicData.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';
import { danaAccountInquiryPostman } from './danaAccountInquiryPostman.js';

/** Disbursement DANA account inquiry (dana-node disbursementApi.danaAccountInquiry): may this customer be topped up? */
export const danaAccountInquiry = defineEndpoint({
  id: 'danaAccountInquiry',
  method: 'POST',
  paths: [disbursementPaths.danaAccountInquiry, sdkPaths.danaAccountInquiry],
  summary: "Whether a top-up of an amount to a DANA customer would go: the customer's name and the top-up limits",
  postman: danaAccountInquiryPostman,
  protocol: snapProtocol({
    serviceCode: '37',
    clientHeader: 'x-partner-id',
    signature: 'asymmetric',
    checkBody: checkRupiah,
    wording: danaBalanceWording,
  }),
  matchFields: { customerNumber: 'customerNumber' },
  handle: inquireDanaAccount,
});
