import { defineEndpoint } from '../../core/endpoint.js';
import { queryPaymentOrder } from '../../payments/queryPaymentOrder.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';
import { queryPaymentPostman } from './queryPaymentPostman.js';
import { paymentPaths } from '../../payments/paymentExamples.js';

/** Payment Gateway queryPayment (dana-node paymentGatewayApi.queryPayment). */
export const queryPayment = defineEndpoint({
  id: 'queryPayment',
  method: 'POST',
  paths: [paymentPaths.queryPayment],
  summary: "A Payment Gateway order's status, payment and refunds",
  postman: queryPaymentPostman,
  protocol: snapProtocol({ serviceCode: '55', clientHeader: 'x-partner-id', signature: 'asymmetric' }),
  handle: queryPaymentOrder,
});
