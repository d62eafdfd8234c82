import type { PostmanFolderSpec } from '../../core/examples.js';
import { bankAccountInquiryRequest } from '../../disbursement/disbursementExamples.js';

/** The bank account inquiry folder: DANA's test beneficiary and its magic account numbers (docs/disbursement.md). */
export const bankAccountInquiryPostman: PostmanFolderSpec = {
  name: 'Disbursement bankAccountInquiry',
  description:
    "SNAP service 42. DANA's test beneficiary 2460888509 at bank 014 and its magic account numbers. docs/disbursement.md lists them.",
  base: bankAccountInquiryRequest(),
  items: [
    { name: 'Valid account', request: bankAccountInquiryRequest(), expect: { code: '2004200' } },
    { name: 'Inactive account', request: bankAccountInquiryRequest('81298055132'), expect: { code: '4034218' } },
    { name: 'No such account', request: bankAccountInquiryRequest('815919191'), expect: { code: '4044211' } },
    {
      name: 'More than the deposit holds',
      request: bankAccountInquiryRequest(undefined, '50000000000.00'),
      expect: { code: '4034214' },
    },
    { name: 'Bad signature', request: bankAccountInquiryRequest(), expect: { code: '4014200' }, spoilSignature: true },
    'scenarios',
  ],
};
