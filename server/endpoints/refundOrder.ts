import type { EndpointDefinition } from '../core/endpoint.js';
import { refundPaymentOrder } from '../payments/refundPaymentOrder.js';
import { snapProtocol } from '../protocols/snap/snapProtocol.js';

/** Payment Gateway refundOrder (dana-node paymentGatewayApi.refundOrder); an unknown order is 4045801 Transaction Not Found. */
export const refundOrder: EndpointDefinition = {
  id: 'refundOrder',
  method: 'POST',
  paths: ['/payment-gateway/v1.0/debit/refund.htm'],
  protocol: snapProtocol({ serviceCode: '58', clientHeader: 'x-partner-id', signature: 'asymmetric' }),
  handle: (exchange, deps) => refundPaymentOrder(exchange, deps, 'transactionNotFound'),
};
