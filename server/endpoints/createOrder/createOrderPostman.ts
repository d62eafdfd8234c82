import { adminRequest, type PostmanFolderSpec } from '../../core/examples.js';
import { createOrderRequest, paymentPaths, queryRequest } from '../../payments/paymentExamples.js';

/** The Payment Gateway order walk: create a VA order, pay it as DANA's sandbox tools do, see it paid. */
export const createOrderPostman: PostmanFolderSpec = {
  name: 'Payment Gateway createOrder',
  description:
    "SNAP service 54. createOrder -> pay the VA as DANA's sandbox tools do -> query, in the {{session}} session (reset first). docs/payments.md lists DANA's magic values.",
  base: createOrderRequest('postman-scenario'),
  items: [
    { name: 'Reset the session (control plane)', request: adminRequest('POST', '/reset'), expect: { admin: 200 } },
    {
      name: 'Create a VA order',
      request: createOrderRequest('postman-order-1'),
      expect: { code: '2005400' },
      tests: ["pm.environment.set('paymentCode', pm.response.json().additionalInfo.paymentCode);"],
    },
    {
      name: 'Pay the VA (sandbox tools)',
      request: adminRequest('POST', '/sandbox-tools/execute', {
        urlEndpoint: '/v1.0/transfer-va/payment.htm',
        requestBody: { virtualAccountNo: '{{paymentCode}}' },
      }),
      expect: { admin: 200 },
    },
    {
      name: 'Query: SUCCESS',
      request: queryRequest(paymentPaths.queryPayment, 'postman-order-1'),
      expect: { code: '2005500' },
    },
    {
      name: 'Same partnerReferenceNo, another order',
      request: createOrderRequest('postman-order-1', '1.00'),
      expect: { code: '4045418' },
    },
    {
      name: 'Magic amount 505401.00',
      request: createOrderRequest('postman-order-2', '505401.00'),
      expect: { code: '5005401' },
    },
    { name: 'Finish notifies sent (control plane)', request: adminRequest('GET', '/webhooks'), expect: { admin: 200 } },
    {
      name: 'Bad signature',
      request: createOrderRequest('postman-order-3'),
      expect: { code: '4015400' },
      spoilSignature: true,
    },
    'scenarios',
  ],
  variables: { paymentCode: '' },
};
