import { defineEndpoint } from '../../core/endpoint.js';
import { cancelPaymentOrder } from '../../payments/cancelPaymentOrder.js';
import { paymentWording } from '../../payments/paymentWording.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';
import { widgetCancelOrderPostman } from './widgetCancelOrderPostman.js';
import { paymentPaths } from '../../payments/paymentExamples.js';

/** Widget cancelOrder (dana-node widgetApi.cancelOrder). */
export const widgetCancelOrder = defineEndpoint({
  id: 'widgetCancelOrder',
  method: 'POST',
  paths: [paymentPaths.widgetCancelOrder],
  summary: 'Cancels a widget order (a paid one is credited back)',
  postman: widgetCancelOrderPostman,
  protocol: snapProtocol({
    serviceCode: '57',
    clientHeader: 'x-partner-id',
    signature: 'asymmetric',
    wording: paymentWording,
  }),
  handle: cancelPaymentOrder,
});
