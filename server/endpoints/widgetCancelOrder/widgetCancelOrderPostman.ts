import type { PostmanFolderSpec } from '../../core/examples.js';
import { paymentPaths, cancelRequest, orderSetup } from '../../payments/paymentExamples.js';

const path = paymentPaths.widgetCancelOrder;

/** widgetCancelOrder's folder: an order of its own in a reset session, then its answers from state and DANA's magic data. */
export const widgetCancelOrderPostman: PostmanFolderSpec = {
  name: 'widgetCancelOrder',
  description:
    'SNAP service 57 (Widget cancelOrder), in the {{session}} session. docs/payments.md lists the lifecycle and magic values.',
  base: cancelRequest(path, 'postman-widget-1'),
  items: [
    ...orderSetup(true, 'postman-widget-1', false),
    { name: 'Cancel it', request: cancelRequest(path, 'postman-widget-1'), expect: { code: '2005700' } },
    { name: 'Magic order number 4035705', request: cancelRequest(path, '4035705'), expect: { code: '4035705' } },
    { name: 'Cancel an unknown order', request: cancelRequest(path, 'no-such-order'), expect: { code: '4045701' } },
    {
      name: 'Bad signature',
      request: cancelRequest(path, 'postman-widget-1'),
      expect: { code: '4015700' },
      spoilSignature: true,
    },
    'scenarios',
  ],
};
