import type { EndpointDefinition } from '../core/endpoint.js';
import { cancelPaymentOrder } from '../payments/cancelPaymentOrder.js';
import { snapProtocol } from '../protocols/snap/snapProtocol.js';

/** Payment Gateway cancelOrder (dana-node paymentGatewayApi.cancelOrder). */
export const cancelOrder: EndpointDefinition = {
  id: 'cancelOrder',
  method: 'POST',
  paths: ['/payment-gateway/v1.0/debit/cancel.htm'],
  protocol: snapProtocol({ serviceCode: '57', clientHeader: 'x-partner-id', signature: 'asymmetric' }),
  handle: cancelPaymentOrder,
};
