import type { PostmanFolderSpec } from '../../core/examples.js';
import { paymentPaths, refundRequest, cancelRequest, orderSetup } from '../../payments/paymentExamples.js';

const path = paymentPaths.widgetRefundOrder;

/** widgetRefundOrder's folder: an order of its own in a reset session, then its answers from state and DANA's magic data. */
export const widgetRefundOrderPostman: PostmanFolderSpec = {
  name: 'widgetRefundOrder',
  description:
    'SNAP service 58 (Widget refundOrder), in the {{session}} session. docs/payments.md lists the lifecycle and magic values.',
  base: refundRequest(path, 'postman-widget-1', 'postman-refund-9', '1.00'),
  items: [
    ...orderSetup(true, 'postman-widget-1'),
    {
      name: 'Refund part of it',
      request: refundRequest(path, 'postman-widget-1', 'postman-refund-1', '1000.00'),
      expect: { code: '2005800' },
    },
    {
      name: 'Same partnerRefundNo, another amount',
      request: refundRequest(path, 'postman-widget-1', 'postman-refund-1', '2000.00'),
      expect: { code: '4045818' },
    },
    {
      name: 'Refund more than is left',
      request: refundRequest(path, 'postman-widget-1', 'postman-refund-2', '99999.00'),
      expect: { code: '4035815' },
    },
    {
      name: 'Magic refundAmount 435814.00',
      request: refundRequest(path, 'postman-widget-1', 'postman-refund-3', '435814.00'),
      expect: { code: '4035814' },
    },
    {
      name: 'Refund an unknown order',
      request: refundRequest(path, 'no-such-order', 'x', '1.00'),
      expect: { code: '4045812' },
    },
    {
      name: 'Cancel a refunded order',
      request: cancelRequest(paymentPaths.widgetCancelOrder, 'postman-widget-1'),
      expect: { code: '4045700' },
    },
    {
      name: 'Bad signature',
      request: refundRequest(path, 'postman-widget-1', 'postman-refund-9', '1.00'),
      expect: { code: '4015800' },
      spoilSignature: true,
    },
    'scenarios',
  ],
};
