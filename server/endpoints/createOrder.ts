import type { EndpointDefinition } from '../core/endpoint.js';
import { createPaymentOrder } from '../payments/createPaymentOrder.js';
import { snapProtocol } from '../protocols/snap/snapProtocol.js';

/** Payment Gateway createOrder (dana-node paymentGatewayApi.createOrder): an order the customer pays at checkout or by VA. */
export const createOrder: EndpointDefinition = {
  id: 'createOrder',
  method: 'POST',
  paths: ['/payment-gateway/v1.0/debit/payment-host-to-host.htm'],
  protocol: snapProtocol({ serviceCode: '54', clientHeader: 'x-partner-id', signature: 'asymmetric' }),
  handle: (exchange, deps) => createPaymentOrder(exchange, deps, 'paymentGateway'),
};
