import { defineEndpoint } from '../../core/endpoint.js';
import { refundPaymentOrder } from '../../payments/refundPaymentOrder.js';
import { paymentWording } from '../../payments/paymentWording.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';
import { widgetRefundOrderPostman } from './widgetRefundOrderPostman.js';
import { paymentPaths } from '../../payments/paymentExamples.js';

/** Widget refundOrder (dana-node widgetApi.refundOrder); an unknown order is 4045812 Invalid Bill (DANA's UAT RefundFailOrderNotExist). */
export const widgetRefundOrder = defineEndpoint({
  id: 'widgetRefundOrder',
  method: 'POST',
  paths: [paymentPaths.widgetRefundOrder],
  summary: 'Refunds part or all of a paid widget order, idempotent by partnerRefundNo',
  postman: widgetRefundOrderPostman,
  protocol: snapProtocol({
    serviceCode: '58',
    clientHeader: 'x-partner-id',
    signature: 'asymmetric',
    wording: paymentWording,
  }),
  handle: (exchange, deps) => refundPaymentOrder(exchange, deps, 'invalidBill'),
});
