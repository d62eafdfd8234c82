import { defineEndpoint } from '../../core/endpoint.js';
import { queryPaymentOrder } from '../../payments/queryPaymentOrder.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';
import { widgetQueryPaymentPostman } from './widgetQueryPaymentPostman.js';
import { paymentPaths } from '../../payments/paymentExamples.js';

/** Widget queryPayment (dana-node widgetApi.queryPayment). */
export const widgetQueryPayment = defineEndpoint({
  id: 'widgetQueryPayment',
  method: 'POST',
  paths: [paymentPaths.widgetQueryPayment],
  summary: "A widget order's status, payment and refunds (the same order book as Payment Gateway)",
  postman: widgetQueryPaymentPostman,
  protocol: snapProtocol({ serviceCode: '55', clientHeader: 'x-partner-id', signature: 'asymmetric' }),
  handle: queryPaymentOrder,
});
