import { defineEndpoint } from '../../core/endpoint.js';
import { cancelPaymentOrder } from '../../payments/cancelPaymentOrder.js';
import { paymentWording } from '../../payments/paymentWording.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';
import { cancelOrderPostman } from './cancelOrderPostman.js';
import { paymentPaths } from '../../payments/paymentExamples.js';

/** Payment Gateway cancelOrder (dana-node paymentGatewayApi.cancelOrder). */
export const cancelOrder = defineEndpoint({
  id: 'cancelOrder',
  method: 'POST',
  paths: [paymentPaths.cancelOrder],
  summary: 'Cancels a Payment Gateway order (a paid one is credited back)',
  postman: cancelOrderPostman,
  protocol: snapProtocol({
    serviceCode: '57',
    clientHeader: 'x-partner-id',
    signature: 'asymmetric',
    // DANA's Payment Gateway cancel says "Success" (UAT CancelOrderValidScenario; the widget's cancel says "Successful").
    wording: { ...paymentWording, successful: 'Success' },
  }),
  handle: cancelPaymentOrder,
});
