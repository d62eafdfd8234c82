import type { EndpointDefinition } from '../core/endpoint.js';
import { queryPaymentOrder } from '../payments/queryPaymentOrder.js';
import { snapProtocol } from '../protocols/snap/snapProtocol.js';

/** Widget queryPayment (dana-node widgetApi.queryPayment): the same order status as Payment Gateway's. */
export const widgetQueryPayment: EndpointDefinition = {
  id: 'widgetQueryPayment',
  method: 'POST',
  paths: ['/rest/v1.1/debit/status'],
  protocol: snapProtocol({ serviceCode: '55', clientHeader: 'x-partner-id', signature: 'asymmetric' }),
  handle: queryPaymentOrder,
};
