import type { PostmanFolderSpec } from '../core/examples.js';
import { cancelRequest, orderSetup, paymentPaths, queryRequest } from './paymentExamples.js';

/** What tells a Payment Gateway folder from its widget twin: the same walk on the other path. */
interface OrderFolderOptions<Name extends keyof typeof paymentPaths> {
  name: Name;
  label: string;
  widget: boolean;
  ref: string;
}

const describe = (serviceCode: string, label: string) =>
  `SNAP service ${serviceCode} (${label}), in the {{session}} session. docs/payments.md lists the lifecycle and magic values.`;

/** A queryPayment folder: a paid order of its own in a reset session, then its answers from state. */
export function queryFolder({
  name,
  label,
  widget,
  ref,
}: OrderFolderOptions<'queryPayment' | 'widgetQueryPayment'>): PostmanFolderSpec {
  const query = (order: string) => queryRequest(paymentPaths[name], order);
  return {
    name,
    description: describe('55', label),
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

/** A cancelOrder folder: an open order of its own in a reset session, then its answers from state and DANA's magic data. */
export function cancelFolder({
  name,
  label,
  widget,
  ref,
}: OrderFolderOptions<'cancelOrder' | 'widgetCancelOrder'>): PostmanFolderSpec {
  const cancel = (order: string) => cancelRequest(paymentPaths[name], order);
  return {
    name,
    description: describe('57', label),
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
