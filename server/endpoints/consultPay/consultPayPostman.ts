import type { PostmanFolderSpec } from '../../core/examples.js';
import { consultPayRequest } from '../../payments/paymentExamples.js';

/** consultPay's folder: the pay methods, and DANA's 40000xx failures. */
export const consultPayPostman: PostmanFolderSpec = {
  name: 'consultPay',
  description: 'Pay methods for an order: 2005700, failures 40000xx as DANA answers them.',
  base: consultPayRequest(),
  items: [
    { name: 'Consult pay', request: consultPayRequest(), expect: { code: '2005700' } },
    { name: 'Empty merchantId', request: consultPayRequest(''), expect: { code: '4000001' } },
    { name: 'Bad signature', request: consultPayRequest(), expect: { code: '4010000' }, spoilSignature: true },
    'scenarios',
  ],
};
