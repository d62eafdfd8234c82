import { adminRequest, type PostmanFolderSpec } from '../../core/examples.js';
import { paymentPaths, widgetPaymentRequest, queryRequest } from '../../payments/paymentExamples.js';

/** widgetPayment's folder: an order of its own in a reset session, then its answers from state and DANA's magic data. */
export const widgetPaymentPostman: PostmanFolderSpec = {
  name: 'widgetPayment',
  description:
    'SNAP service 54 (Widget payment), in the {{session}} session. docs/payments.md lists the lifecycle and magic values.',
  base: widgetPaymentRequest('postman-scenario'),
  items: [
    { name: 'Reset the session (control plane)', request: adminRequest('POST', '/reset'), expect: { admin: 200 } },
    { name: 'Create a payment', request: widgetPaymentRequest('postman-widget-1'), expect: { code: '2005400' } },
    {
      name: 'The customer pays from the seeded balance (control plane)',
      request: adminRequest('POST', '/orders/postman-widget-1/pay', { customerId: 'cust-active' }),
      expect: { admin: 200 },
    },
    {
      name: 'Query: SUCCESS',
      request: queryRequest(paymentPaths.widgetQueryPayment, 'postman-widget-1'),
      expect: { code: '2005500' },
    },
    {
      name: 'Bad signature',
      request: widgetPaymentRequest('postman-scenario'),
      expect: { code: '4015400' },
      spoilSignature: true,
    },
    'scenarios',
  ],
};
