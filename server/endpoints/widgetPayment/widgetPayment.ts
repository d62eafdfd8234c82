import { defineEndpoint } from '../../core/endpoint.js';
import { createPaymentOrder } from '../../payments/createPaymentOrder.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';
import { widgetPaymentPostman } from './widgetPaymentPostman.js';
import { paymentPaths } from '../../payments/paymentExamples.js';

/** Widget payment (dana-node widgetApi.widgetPayment). */
export const widgetPayment = defineEndpoint({
  id: 'widgetPayment',
  method: 'POST',
  paths: [paymentPaths.widgetPayment],
  summary: "A widget payment order the customer pays at DANA's checkout; its finish notify goes to NOTIFICATION",
  postman: widgetPaymentPostman,
  protocol: snapProtocol({ serviceCode: '54', clientHeader: 'x-partner-id', signature: 'asymmetric' }),
  // DANA repeats it in its refusals too (UAT CreateOrderInvalidFieldFormat, CreateOrderInconsistentRequest).
  echoFields: ['partnerReferenceNo'],
  handle: (exchange, deps) => createPaymentOrder(exchange, deps, 'widget'),
});
