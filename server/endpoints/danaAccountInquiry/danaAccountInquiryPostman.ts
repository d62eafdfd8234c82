import type { PostmanFolderSpec } from '../../core/examples.js';
import { danaAccountInquiryRequest, sdkPaths } from '../../disbursement/disbursementExamples.js';

/** The DANA account inquiry folder: DANA's magic customer numbers (docs/disbursement.md). */
export const danaAccountInquiryPostman: PostmanFolderSpec = {
  name: 'Disbursement danaAccountInquiry',
  description:
    "SNAP service 37. DANA's test customer 62811742234, its frozen and unregistered numbers, the balance limit. docs/disbursement.md lists the magic values.",
  base: danaAccountInquiryRequest(),
  items: [
    { name: 'Valid customer', request: danaAccountInquiryRequest(), expect: { code: '2003700' } },
    {
      name: "At dana-node 1.5.11's path",
      request: { ...danaAccountInquiryRequest(), path: sdkPaths.danaAccountInquiry },
      expect: { code: '2003700' },
    },
    { name: 'Frozen account', request: danaAccountInquiryRequest('628123456667'), expect: { code: '4033705' } },
    { name: 'Unregistered number', request: danaAccountInquiryRequest('628152768647'), expect: { code: '4033705' } },
    {
      name: 'Over the DANA balance limit',
      request: danaAccountInquiryRequest(undefined, '210000000.00'),
      expect: { code: '4033702' },
    },
    { name: 'Bad signature', request: danaAccountInquiryRequest(), expect: { code: '4013700' }, spoilSignature: true },
    'scenarios',
  ],
};
