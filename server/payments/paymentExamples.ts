import { adminRequest, snapExample, type ExampleItem } from '../core/examples.js';
import { idr } from './money.js';

/** Example requests of the payment endpoints' Postman folders (Postman variables allowed). */

/** Each payment endpoint's path, by endpoint id: its declaration and its examples both read it here. */
export const paymentPaths = {
  createOrder: '/payment-gateway/v1.0/debit/payment-host-to-host.htm',
  queryPayment: '/payment-gateway/v1.0/debit/status.htm',
  cancelOrder: '/payment-gateway/v1.0/debit/cancel.htm',
  refundOrder: '/payment-gateway/v1.0/debit/refund.htm',
  consultPay: '/v1.0/payment-gateway/consult-pay.htm',
  widgetPayment: '/rest/redirection/v1.0/debit/payment-host-to-host',
  widgetQueryPayment: '/rest/v1.1/debit/status',
  widgetCancelOrder: '/v1.0/debit/cancel.htm',
  widgetRefundOrder: '/v1.0/debit/refund.htm',
} as const;

export const createOrderRequest = (partnerReferenceNo: string, value = '15000.00', payMethod = 'VIRTUAL_ACCOUNT') =>
  snapExample(paymentPaths.createOrder, {
    partnerReferenceNo,
    merchantId: '{{merchantId}}',
    amount: idr(value),
    urlParams: [{ url: 'https://merchant.example/return', type: 'PAY_RETURN', isDeeplink: 'N' }],
    payOptionDetails: [{ payMethod, payOption: 'VIRTUAL_ACCOUNT_CIMB', transAmount: idr(value) }],
    additionalInfo: {
      mcc: '5732',
      envInfo: { sourcePlatform: 'IPG', terminalType: 'SYSTEM' },
      order: { orderTitle: 'Paket 10Mb' },
    },
  });

export const widgetPaymentRequest = (partnerReferenceNo: string) =>
  snapExample(paymentPaths.widgetPayment, {
    partnerReferenceNo,
    merchantId: '{{merchantId}}',
    amount: idr('10000.00'),
    additionalInfo: {
      productCode: '51051000100000000001',
      mcc: '5732',
      order: { orderTitle: 'Sepatu' },
      envInfo: { sourcePlatform: 'IPG', terminalType: 'SYSTEM' },
    },
  });

export const queryRequest = (path: string, ref: string) =>
  snapExample(path, { originalPartnerReferenceNo: ref, serviceCode: '54', merchantId: '{{merchantId}}' });

export const cancelRequest = (path: string, ref: string) =>
  snapExample(path, { originalPartnerReferenceNo: ref, merchantId: '{{merchantId}}', reason: 'Customer request' });

export const refundRequest = (path: string, ref: string, partnerRefundNo: string, value: string) =>
  snapExample(path, {
    originalPartnerReferenceNo: ref,
    partnerRefundNo,
    refundAmount: idr(value),
    merchantId: '{{merchantId}}',
  });

export const consultPayRequest = (merchantId = '{{merchantId}}') =>
  snapExample(paymentPaths.consultPay, { merchantId, amount: idr('10000.00'), additionalInfo: {} });

/** Starts a folder's walk from a clean session with one order: created, and paid unless `paid` is false. */
export function orderSetup(widget: boolean, ref: string, paid = true): ExampleItem[] {
  return [
    { name: 'Reset the session (control plane)', request: adminRequest('POST', '/reset'), expect: { admin: 200 } },
    {
      name: 'Create an order',
      request: widget ? widgetPaymentRequest(ref) : createOrderRequest(ref),
      expect: { code: '2005400' },
    },
    ...(paid
      ? [
          {
            name: 'The customer pays (control plane)',
            request: adminRequest('POST', `/orders/${ref}/pay`, { customerId: 'cust-active' }),
            expect: { admin: 200 },
          },
        ]
      : []),
  ];
}
