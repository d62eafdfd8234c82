import type { PostmanFolderSpec } from '../../core/examples.js';
import { paymentPaths, queryRequest, orderSetup } from '../../payments/paymentExamples.js';

const path = paymentPaths.widgetQueryPayment;

/** widgetQueryPayment's folder: an order of its own in a reset session, then its answers from state and DANA's magic data. */
export const widgetQueryPaymentPostman: PostmanFolderSpec = {
  name: 'widgetQueryPayment',
  description:
    'SNAP service 55 (Widget queryPayment), in the {{session}} session. docs/payments.md lists the lifecycle and magic values.',
  base: queryRequest(path, 'postman-widget-1'),
  items: [
    ...orderSetup(true, 'postman-widget-1'),
    { name: 'Query: SUCCESS', request: queryRequest(path, 'postman-widget-1'), expect: { code: '2005500' } },
    { name: 'Query an unknown order', request: queryRequest(path, 'no-such-order'), expect: { code: '4045501' } },
    {
      name: 'Bad signature',
      request: queryRequest(path, 'postman-widget-1'),
      expect: { code: '4015500' },
      spoilSignature: true,
    },
    'scenarios',
  ],
};
