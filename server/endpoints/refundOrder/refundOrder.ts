import { defineEndpoint } from '../../core/endpoint.js';
import { refundPaymentOrder } from '../../payments/refundPaymentOrder.js';
import { paymentWording } from '../../payments/paymentWording.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';
import { refundOrderPostman } from './refundOrderPostman.js';
import { paymentPaths } from '../../payments/paymentExamples.js';

/** Payment Gateway refundOrder (dana-node paymentGatewayApi.refundOrder); an unknown order is 4045801 Transaction Not Found. */
export const refundOrder = defineEndpoint({
  id: 'refundOrder',
  method: 'POST',
  paths: [paymentPaths.refundOrder],
  summary: 'Refunds part or all of a paid Payment Gateway order, idempotent by partnerRefundNo',
  postman: refundOrderPostman,
  protocol: snapProtocol({
    serviceCode: '58',
    clientHeader: 'x-partner-id',
    signature: 'asymmetric',
    wording: paymentWording,
  }),
  handle: (exchange, deps) => refundPaymentOrder(exchange, deps, 'transactionNotFound'),
});
