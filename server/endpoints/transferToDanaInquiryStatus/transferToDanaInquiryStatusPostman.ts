import { adminRequest, type PostmanFolderSpec } from '../../core/examples.js';
import {
  disbursementPaths,
  sdkPaths,
  statusRequest,
  transferToDanaRequest,
} from '../../disbursement/disbursementExamples.js';

const status = (ref: string, serviceCode = '38') =>
  statusRequest(disbursementPaths.transferToDanaInquiryStatus, ref, serviceCode);

/** The top-up status walk: a paid top-up reads Success, a refused one Failed, an unknown number Not Found. */
export const transferToDanaInquiryStatusPostman: PostmanFolderSpec = {
  name: 'Disbursement transferToDanaInquiryStatus',
  description: 'SNAP service 39, in the {{session}} session (reset first).',
  base: status('postman-status-topup-1'),
  items: [
    { name: 'Reset the session (control plane)', request: adminRequest('POST', '/reset'), expect: { admin: 200 } },
    { name: 'Top up', request: transferToDanaRequest('postman-status-topup-1'), expect: { code: '2003800' } },
    {
      name: 'A refused top-up (over the limit)',
      request: transferToDanaRequest('postman-status-topup-2', '21000000.00'),
      expect: { code: '4033802' },
    },
    { name: 'Status: Success', request: status('postman-status-topup-1'), expect: { code: '2003900' } },
    { name: 'Status: Failed', request: status('postman-status-topup-2'), expect: { code: '2003900' } },
    {
      name: "Status at dana-node 1.5.11's path",
      request: { ...status('postman-status-topup-1'), path: sdkPaths.transferToDanaInquiryStatus },
      expect: { code: '2003900' },
    },
    { name: 'Unknown number', request: status('postman-status-none'), expect: { code: '4043901' } },
    {
      name: 'serviceCode not two digits',
      request: status('postman-status-topup-1', 'ab'),
      expect: { code: '4003901' },
    },
    {
      name: 'Bad signature',
      request: status('postman-status-topup-1'),
      expect: { code: '4013900' },
      spoilSignature: true,
    },
    'scenarios',
  ],
};
