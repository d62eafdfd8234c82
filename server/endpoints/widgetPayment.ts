import type { EndpointDefinition } from '../core/endpoint.js';
import { createPaymentOrder } from '../payments/createPaymentOrder.js';
import { snapProtocol } from '../protocols/snap/snapProtocol.js';

/** Widget payment (dana-node widgetApi.widgetPayment): an order the bound customer pays at DANA's checkout. */
export const widgetPayment: EndpointDefinition = {
  id: 'widgetPayment',
  method: 'POST',
  paths: ['/rest/redirection/v1.0/debit/payment-host-to-host'],
  protocol: snapProtocol({ serviceCode: '54', clientHeader: 'x-partner-id', signature: 'asymmetric' }),
  handle: (exchange, deps) => createPaymentOrder(exchange, deps, 'widget'),
};
