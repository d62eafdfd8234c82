import { adminRequest, type PostmanFolderSpec } from '../../core/examples.js';
import { disbursementPaths, statusRequest, transferToBankRequest } from '../../disbursement/disbursementExamples.js';

const status = (ref: string) => statusRequest(disbursementPaths.transferToBankInquiryStatus, ref, '00');

/** The transfer status walk: Pending, then Success once the sandbox clock passes the settlement. */
export const transferToBankInquiryStatusPostman: PostmanFolderSpec = {
  name: 'Disbursement transferToBankInquiryStatus',
  description:
    'DANA answers it with service code 00 (2000000, 4040001), in the {{session}} session (reset first): an in-progress transfer reads Pending (03) until the clock moves 60 s, then Success (00).',
  base: status('postman-bank-status-1'),
  items: [
    { name: 'Reset the session (control plane)', request: adminRequest('POST', '/reset'), expect: { admin: 200 } },
    {
      name: 'Transfer with needNotify: in progress',
      request: transferToBankRequest('postman-bank-status-1', { needNotify: true }),
      expect: { code: '2024300' },
    },
    { name: 'Status: Pending', request: status('postman-bank-status-1'), expect: { code: '2000000' } },
    {
      name: 'Advance the sandbox clock 60 s (control plane)',
      request: adminRequest('POST', '/clock/advance', { seconds: 60 }),
      expect: { admin: 200 },
    },
    { name: 'Status: Success', request: status('postman-bank-status-1'), expect: { code: '2000000' } },
    { name: 'Unknown number', request: status('postman-bank-status-none'), expect: { code: '4040001' } },
    {
      name: 'Bad signature',
      request: status('postman-bank-status-1'),
      expect: { code: '4010000' },
      spoilSignature: true,
    },
    'scenarios',
  ],
};
