import { adminRequest, type PostmanFolderSpec } from '../../core/examples.js';
import { transferToBankRequest } from '../../disbursement/disbursementExamples.js';

/** The transfer-to-bank walk: done at once, in progress with needNotify, refused by magic accounts. */
export const transferToBankPostman: PostmanFolderSpec = {
  name: 'Disbursement transferToBank',
  description:
    'SNAP service 43, in the {{session}} session (reset first). needNotify true answers Request In Progress; the transfer settles 60 s later on the sandbox clock (see transferToBankInquiryStatus). docs/disbursement.md lists the magic values.',
  base: transferToBankRequest('postman-transfer-scenario'),
  items: [
    { name: 'Reset the session (control plane)', request: adminRequest('POST', '/reset'), expect: { admin: 200 } },
    { name: 'Transfer', request: transferToBankRequest('postman-transfer-1'), expect: { code: '2004300' } },
    {
      name: 'Transfer with needNotify: in progress',
      request: transferToBankRequest('postman-transfer-2', { needNotify: true }),
      expect: { code: '2024300' },
    },
    {
      name: 'Same partnerReferenceNo, another amount',
      request: transferToBankRequest('postman-transfer-1', { value: '2.00' }),
      expect: { code: '4044318' },
    },
    {
      name: 'Suspected fraud',
      request: transferToBankRequest('postman-transfer-3', { account: '82298055100' }),
      expect: { code: '4034303' },
    },
    {
      name: 'Any other account: general error',
      request: transferToBankRequest('postman-transfer-4', { account: '1234567890' }),
      expect: { code: '5004300' },
    },
    {
      name: 'Bad signature',
      request: transferToBankRequest('postman-transfer-5'),
      expect: { code: '4014300' },
      spoilSignature: true,
    },
    'scenarios',
  ],
};
