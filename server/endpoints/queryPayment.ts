import type { EndpointDefinition } from '../core/endpoint.js';
import { queryPaymentOrder } from '../payments/queryPaymentOrder.js';
import { snapProtocol } from '../protocols/snap/snapProtocol.js';

/** Payment Gateway queryPayment (dana-node paymentGatewayApi.queryPayment): an order's status, payment and refunds. */
export const queryPayment: EndpointDefinition = {
  id: 'queryPayment',
  method: 'POST',
  paths: ['/payment-gateway/v1.0/debit/status.htm'],
  protocol: snapProtocol({ serviceCode: '55', clientHeader: 'x-partner-id', signature: 'asymmetric' }),
  handle: queryPaymentOrder,
};
