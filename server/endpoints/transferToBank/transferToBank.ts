import { defineEndpoint } from '../../core/endpoint.js';
import { checkRupiah } from '../../disbursement/checkRupiah.js';
import { disbursementPaths } from '../../disbursement/disbursementExamples.js';
import { transferToBankAccount } from '../../disbursement/transferToBankAccount.js';
import { bankWording } from '../../disbursement/magicData.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';
import { transferToBankPostman } from './transferToBankPostman.js';

/** Disbursement transfer to bank (dana-node disbursementApi.transferToBank): pays a bank account from the merchant's deposit. */
export const transferToBank = defineEndpoint({
  id: 'transferToBank',
  method: 'POST',
  paths: [disbursementPaths.transferToBank],
  summary:
    "A transfer from the merchant's deposit to a bank account; with needNotify it is in progress until it settles on the sandbox clock",
  postman: transferToBankPostman,
  protocol: snapProtocol({
    serviceCode: '43',
    clientHeader: 'x-partner-id',
    signature: 'asymmetric',
    checkBody: checkRupiah,
    wording: bankWording,
  }),
  matchFields: { beneficiaryAccountNumber: 'beneficiaryAccountNumber', partnerReferenceNo: 'partnerReferenceNo' },
  handle: transferToBankAccount,
});
