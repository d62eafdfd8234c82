import type { EndpointDefinition } from '../core/endpoint.js';
import { applyOtt } from './applyOtt.js';
import { b2bAccessToken } from './b2bAccessToken.js';
import { cancelOrder } from './cancelOrder.js';
import { consultPay } from './consultPay.js';
import { createOrder } from './createOrder.js';
import { pushNotificationUser } from './pushNotificationUser.js';
import { queryPayment } from './queryPayment.js';
import { refundOrder } from './refundOrder.js';
import { resendOtp } from './resendOtp.js';
import { widgetCancelOrder } from './widgetCancelOrder.js';
import { widgetPayment } from './widgetPayment.js';
import { widgetQueryPayment } from './widgetQueryPayment.js';
import { widgetRefundOrder } from './widgetRefundOrder.js';

/** Every emulated endpoint. Adding one: its file, schemas/<id>.*.json, scenarios/<id>.json, and a line here. */
export const endpoints: readonly EndpointDefinition[] = [
  applyOtt,
  pushNotificationUser,
  b2bAccessToken,
  resendOtp,
  createOrder,
  queryPayment,
  cancelOrder,
  refundOrder,
  consultPay,
  widgetPayment,
  widgetQueryPayment,
  widgetCancelOrder,
  widgetRefundOrder,
];
