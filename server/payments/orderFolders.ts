import type { PostmanFolderSpec } from '../core/examples.js';
import { cancelRequest, orderSetup, paymentPaths, queryRequest, refundRequest } from './paymentExamples.js';

/**
 * The Postman folders of the order services after createOrder: each walks an order of its own in a reset
 * session, and the Payment Gateway folder and its widget twin are the same walk on the other path.
 */
interface OrderFolderOptions<Name extends keyof typeof paymentPaths> {
  name: Name;
  label: string;
  widget: boolean;
  ref: string;
}

const describeFolder = (serviceCode: string, label: string) =>
  `SNAP service ${serviceCode} (${label}), in the {{session}} session. docs/payments.md lists the lifecycle and magic values.`;

/** queryPayment: a paid order, then its answers from state. */
export function queryFolder(options: OrderFolderOptions<'queryPayment' | 'widgetQueryPayment'>): PostmanFolderSpec {
  const { name, label, widget, ref } = options;
  const query = (order: string) => queryRequest(paymentPaths[name], order);
  return {
    name,
    description: describeFolder('55', label),
    base: query(ref),
    items: [
      ...orderSetup(widget, ref),
      { name: 'Query: SUCCESS', request: query(ref), expect: { code: '2005500' } },
      { name: 'Query an unknown order', request: query('no-such-order'), expect: { code: '4045501' } },
      { name: 'Bad signature', request: query(ref), expect: { code: '4015500' }, spoilSignature: true },
      'scenarios',
    ],
  };
}

/** cancelOrder: an open order, then its answers from state and DANA's magic data. */
export function cancelFolder(options: OrderFolderOptions<'cancelOrder' | 'widgetCancelOrder'>): PostmanFolderSpec {
  const { name, label, widget, ref } = options;
  const cancel = (order: string) => cancelRequest(paymentPaths[name], order);
  return {
    name,
    description: describeFolder('57', label),
    base: cancel(ref),
    items: [
      ...orderSetup(widget, ref, false),
      { name: 'Cancel it', request: cancel(ref), expect: { code: '2005700' } },
      { name: 'Magic order number 4035705', request: cancel('4035705'), expect: { code: '4035705' } },
      { name: 'Cancel an unknown order', request: cancel('no-such-order'), expect: { code: '4045701' } },
      { name: 'Bad signature', request: cancel(ref), expect: { code: '4015700' }, spoilSignature: true },
      'scenarios',
    ],
  };
}

/** refundOrder: a paid order, then its answers from state and DANA's magic data. */
export function refundFolder(
  options: OrderFolderOptions<'refundOrder' | 'widgetRefundOrder'> & {
    /** DANA answers an unknown order with 4045801 on Payment Gateway and 4045812 on the widget path. */
    unknownOrderCode: string;
  },
): PostmanFolderSpec {
  const { name, label, widget, ref, unknownOrderCode } = options;
  const refund = (partnerRefundNo: string, value: string, order = ref) =>
    refundRequest(paymentPaths[name], order, partnerRefundNo, value);
  const cancelPath = widget ? paymentPaths.widgetCancelOrder : paymentPaths.cancelOrder;
  return {
    name,
    description: describeFolder('58', label),
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
      { name: 'Cancel a refunded order', request: cancelRequest(cancelPath, ref), expect: { code: '4045700' } },
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
