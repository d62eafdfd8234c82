import { defineEndpoint } from '../../core/endpoint.js';
import { createPaymentOrder } from '../../payments/createPaymentOrder.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';
import { createOrderPostman } from './createOrderPostman.js';
import { paymentPaths } from '../../payments/paymentExamples.js';

/** Payment Gateway createOrder (dana-node paymentGatewayApi.createOrder): an order the customer pays at checkout or by VA. */
export const createOrder = defineEndpoint({
  id: 'createOrder',
  method: 'POST',
  paths: [paymentPaths.createOrder],
  summary: 'A Payment Gateway order, paid at checkout or by virtual account; its finish notify goes to NOTIFICATION',
  postman: createOrderPostman,
  protocol: snapProtocol({ serviceCode: '54', clientHeader: 'x-partner-id', signature: 'asymmetric' }),
  // DANA repeats it in its refusals too (UAT CreateOrderInvalidFieldFormat, CreateOrderInconsistentRequest).
  echoFields: ['partnerReferenceNo'],
  handle: (exchange, deps) => createPaymentOrder(exchange, deps, 'paymentGateway'),
});
