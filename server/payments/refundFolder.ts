import type { PostmanFolderSpec } from '../core/examples.js';
import { cancelRequest, orderSetup, paymentPaths, refundRequest } from './paymentExamples.js';

/** What tells the Payment Gateway refund folder from the widget one. */
interface RefundFolderOptions {
  name: 'refundOrder' | 'widgetRefundOrder';
  label: string;
  widget: boolean;
  ref: string;
  /** DANA answers an unknown order with 4045801 on Payment Gateway and 4045812 on the widget path. */
  unknownOrderCode: string;
}

/** A refund folder: an order of its own in a reset session, then its answers from state and DANA's magic data. */
export function refundFolder({ name, label, widget, ref, unknownOrderCode }: RefundFolderOptions): PostmanFolderSpec {
  const path = paymentPaths[name];
  const refund = (partnerRefundNo: string, value: string, order = ref) =>
    refundRequest(path, order, partnerRefundNo, value);
  return {
    name,
    description: `SNAP service 58 (${label}), in the {{session}} session. docs/payments.md lists the lifecycle and magic values.`,
    base: refund('postman-refund-9', '1.00'),
    items: [
      ...orderSetup(widget, ref),
      { name: 'Refund part of it', request: refund('postman-refund-1', '1000.00'), expect: { code: '2005800' } },
      {
        name: 'Same partnerRefundNo, another amount',
        request: refund('postman-refund-1', '2000.00'),
        expect: { code: '4045818' },
      },
      {
        name: 'Refund more than is left',
        request: refund('postman-refund-2', '99999.00'),
        expect: { code: '4035815' },
      },
      {
        name: 'Magic refundAmount 435814.00',
        request: refund('postman-refund-3', '435814.00'),
        expect: { code: '4035814' },
      },
      {
        name: 'Refund an unknown order',
        request: refund('x', '1.00', 'no-such-order'),
        expect: { code: unknownOrderCode },
      },
      {
        name: 'Cancel a refunded order',
        request: cancelRequest(widget ? paymentPaths.widgetCancelOrder : paymentPaths.cancelOrder, ref),
        expect: { code: '4045700' },
      },
      {
        name: 'Bad signature',
        request: refund('postman-refund-9', '1.00'),
        expect: { code: '4015800' },
        spoilSignature: true,
      },
      'scenarios',
    ],
  };
}
