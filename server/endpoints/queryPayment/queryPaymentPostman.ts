import type { PostmanFolderSpec } from '../../core/examples.js';
import { paymentPaths, queryRequest, orderSetup } from '../../payments/paymentExamples.js';

const path = paymentPaths.queryPayment;

/** queryPayment's folder: an order of its own in a reset session, then its answers from state and DANA's magic data. */
export const queryPaymentPostman: PostmanFolderSpec = {
  name: 'queryPayment',
  description:
    'SNAP service 55 (Payment Gateway queryPayment), in the {{session}} session. docs/payments.md lists the lifecycle and magic values.',
  base: queryRequest(path, 'postman-order-1'),
  items: [
    ...orderSetup(false, 'postman-order-1'),
    { name: 'Query: SUCCESS', request: queryRequest(path, 'postman-order-1'), expect: { code: '2005500' } },
    { name: 'Query an unknown order', request: queryRequest(path, 'no-such-order'), expect: { code: '4045501' } },
    {
      name: 'Bad signature',
      request: queryRequest(path, 'postman-order-1'),
      expect: { code: '4015500' },
      spoilSignature: true,
    },
    'scenarios',
  ],
};
