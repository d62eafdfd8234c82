import type { EndpointDefinition } from '../core/endpoint.js';
import { cancelPaymentOrder } from '../payments/cancelPaymentOrder.js';
import { snapProtocol } from '../protocols/snap/snapProtocol.js';

/** Widget cancelOrder (dana-node widgetApi.cancelOrder). */
export const widgetCancelOrder: EndpointDefinition = {
  id: 'widgetCancelOrder',
  method: 'POST',
  paths: ['/v1.0/debit/cancel.htm'],
  protocol: snapProtocol({ serviceCode: '57', clientHeader: 'x-partner-id', signature: 'asymmetric' }),
  handle: cancelPaymentOrder,
};
