import type { SandboxDeps } from '../server/core/types.js';
import { adminDraft, adminExpect, makeItem, scenarioItems, snapExpect, spoilSnapSignature } from './buildCollection.js';
import type { PostmanFolder } from './postmanTypes.js';

const money = (value: string) => ({ value, currency: 'IDR' });
const snap = (path: string, body: unknown) => ({
  path,
  headers: { 'X-PARTNER-ID': '{{partnerId}}', 'CHANNEL-ID': '95221' },
  body,
});

const pg = {
  create: '/payment-gateway/v1.0/debit/payment-host-to-host.htm',
  query: '/payment-gateway/v1.0/debit/status.htm',
  cancel: '/payment-gateway/v1.0/debit/cancel.htm',
  refund: '/payment-gateway/v1.0/debit/refund.htm',
  consult: '/v1.0/payment-gateway/consult-pay.htm',
};
const widget = {
  payment: '/rest/redirection/v1.0/debit/payment-host-to-host',
  query: '/rest/v1.1/debit/status',
  cancel: '/v1.0/debit/cancel.htm',
  refund: '/v1.0/debit/refund.htm',
};

const orderBody = (partnerReferenceNo: string, value = '15000.00', payMethod = 'VIRTUAL_ACCOUNT') => ({
  partnerReferenceNo,
  merchantId: '{{merchantId}}',
  amount: money(value),
  urlParams: [{ url: 'https://merchant.example/return', type: 'PAY_RETURN', isDeeplink: 'N' }],
  payOptionDetails: [{ payMethod, payOption: 'VIRTUAL_ACCOUNT_CIMB', transAmount: money(value) }],
  additionalInfo: {
    mcc: '5732',
    envInfo: { sourcePlatform: 'IPG', terminalType: 'SYSTEM' },
    order: { orderTitle: 'Paket 10Mb' },
  },
});
const widgetBody = (partnerReferenceNo: string) => ({
  partnerReferenceNo,
  merchantId: '{{merchantId}}',
  amount: money('10000.00'),
  additionalInfo: {
    productCode: '51051000100000000001',
    mcc: '5732',
    order: { orderTitle: 'Sepatu' },
    envInfo: { sourcePlatform: 'IPG', terminalType: 'SYSTEM' },
  },
});
const queryBody = (ref: string) => ({
  originalPartnerReferenceNo: ref,
  serviceCode: '54',
  merchantId: '{{merchantId}}',
});
const cancelBody = (ref: string) => ({
  originalPartnerReferenceNo: ref,
  merchantId: '{{merchantId}}',
  reason: 'Customer request',
});
const refundBody = (ref: string, partnerRefundNo: string, value: string) => ({
  originalPartnerReferenceNo: ref,
  partnerRefundNo,
  refundAmount: money(value),
  merchantId: '{{merchantId}}',
});

/** The Payment Gateway and widget payment folders: an order's life from state, DANA's magic data, every scenario. */
export function paymentFolders(deps: SandboxDeps): PostmanFolder[] {
  return [
    {
      name: 'Payment Gateway orders',
      description:
        "createOrder -> pay the VA as DANA's sandbox tools do -> query -> refund -> cancel, in the {{session}} session (reset first). docs/payments.md lists the magic values.",
      item: [
        makeItem('Reset the session (control plane)', adminDraft('POST', '/reset'), adminExpect()),
        makeItem('Create a VA order', snap(pg.create, orderBody('postman-order-1')), snapExpect('2005400'), {
          tests: ["pm.environment.set('paymentCode', pm.response.json().additionalInfo.paymentCode);"],
        }),
        makeItem(
          'Pay the VA (sandbox tools)',
          adminDraft('POST', '/sandbox-tools/execute', {
            urlEndpoint: '/v1.0/transfer-va/payment.htm',
            requestBody: { virtualAccountNo: '{{paymentCode}}' },
          }),
          adminExpect(),
        ),
        makeItem('Query: SUCCESS', snap(pg.query, queryBody('postman-order-1')), snapExpect('2005500')),
        makeItem(
          'Refund part of it',
          snap(pg.refund, refundBody('postman-order-1', 'postman-refund-1', '5000.00')),
          snapExpect('2005800'),
        ),
        makeItem(
          'Same partnerRefundNo, another amount',
          snap(pg.refund, refundBody('postman-order-1', 'postman-refund-1', '6000.00')),
          snapExpect('4045818'),
        ),
        makeItem(
          'Refund more than is left',
          snap(pg.refund, refundBody('postman-order-1', 'postman-refund-2', '10000.01')),
          snapExpect('4035815'),
        ),
        makeItem('Cancel a refunded order', snap(pg.cancel, cancelBody('postman-order-1')), snapExpect('4045700')),
        makeItem(
          'Same partnerReferenceNo, another order',
          snap(pg.create, orderBody('postman-order-1', '1.00')),
          snapExpect('4045418'),
        ),
        makeItem('Query an unknown order', snap(pg.query, queryBody('no-such-order')), snapExpect('4045501')),
        makeItem(
          'Create an order to cancel',
          snap(pg.create, orderBody('postman-order-2', '2000.00', 'BALANCE')),
          snapExpect('2005400'),
        ),
        makeItem('Cancel it', snap(pg.cancel, cancelBody('postman-order-2')), snapExpect('2005700')),
        makeItem(
          'Magic refundAmount 435814.00',
          snap(pg.refund, refundBody('postman-order-1', 'postman-refund-3', '435814.00')),
          snapExpect('4035814'),
        ),
        makeItem('Magic order number 4035705', snap(pg.cancel, cancelBody('4035705')), snapExpect('4035705')),
        makeItem('Bad signature', snap(pg.create, orderBody('postman-order-3')), snapExpect('4015400'), {
          prerequest: spoilSnapSignature,
        }),
        makeItem(
          'Consult pay',
          snap(pg.consult, { merchantId: '{{merchantId}}', amount: money('10000.00'), additionalInfo: {} }),
          snapExpect('2005700'),
        ),
        makeItem('Finish notifies sent (control plane)', adminDraft('GET', '/webhooks'), adminExpect()),
        ...scenarioItems('createOrder', snap(pg.create, orderBody('postman-scenario')), deps),
        ...scenarioItems('queryPayment', snap(pg.query, queryBody('postman-order-1')), deps),
        ...scenarioItems('cancelOrder', snap(pg.cancel, cancelBody('postman-order-1')), deps),
        ...scenarioItems(
          'refundOrder',
          snap(pg.refund, refundBody('postman-order-1', 'postman-refund-9', '1.00')),
          deps,
        ),
        ...scenarioItems(
          'consultPay',
          snap(pg.consult, { merchantId: '{{merchantId}}', amount: money('1.00'), additionalInfo: {} }),
          deps,
        ),
      ],
    },
    {
      name: 'Widget payments',
      description:
        "widget payment -> the customer pays from the seeded user's balance -> query -> refund, in the {{session}} session.",
      item: [
        makeItem('Reset the session (control plane)', adminDraft('POST', '/reset'), adminExpect()),
        makeItem('Create a payment', snap(widget.payment, widgetBody('postman-widget-1')), snapExpect('2005400')),
        makeItem(
          'The customer pays (control plane)',
          adminDraft('POST', '/orders/postman-widget-1/pay', { customerId: 'cust-active' }),
          adminExpect(),
        ),
        makeItem('Query: SUCCESS', snap(widget.query, queryBody('postman-widget-1')), snapExpect('2005500')),
        makeItem(
          'Refund',
          snap(widget.refund, refundBody('postman-widget-1', 'postman-widget-refund', '1000.00')),
          snapExpect('2005800'),
        ),
        makeItem(
          'Refund an unknown order',
          snap(widget.refund, refundBody('no-such-order', 'x', '1.00')),
          snapExpect('4045812'),
        ),
        makeItem('Cancel a refunded order', snap(widget.cancel, cancelBody('postman-widget-1')), snapExpect('4045700')),
        ...scenarioItems('widgetPayment', snap(widget.payment, widgetBody('postman-scenario')), deps),
        ...scenarioItems('widgetQueryPayment', snap(widget.query, queryBody('postman-widget-1')), deps),
        ...scenarioItems('widgetCancelOrder', snap(widget.cancel, cancelBody('postman-widget-1')), deps),
        ...scenarioItems(
          'widgetRefundOrder',
          snap(widget.refund, refundBody('postman-widget-1', 'postman-widget-9', '1.00')),
          deps,
        ),
      ],
    },
  ];
}
