import type { EndpointDefinition } from '../core/endpoint.js';
import { accountUnbinding } from './accountUnbinding/accountUnbinding.js';
import { applyOtt } from './applyOtt/applyOtt.js';
import { applyToken } from './applyToken/applyToken.js';
import { b2bAccessToken } from './b2bAccessToken/b2bAccessToken.js';
import { balanceInquiry } from './balanceInquiry/balanceInquiry.js';
import { cancelOrder } from './cancelOrder/cancelOrder.js';
import { consultPay } from './consultPay/consultPay.js';
import { danaAccountInquiry } from './danaAccountInquiry/danaAccountInquiry.js';
import { transferToDana } from './transferToDana/transferToDana.js';
import { transferToDanaInquiryStatus } from './transferToDanaInquiryStatus/transferToDanaInquiryStatus.js';
import { bankAccountInquiry } from './bankAccountInquiry/bankAccountInquiry.js';
import { transferToBank } from './transferToBank/transferToBank.js';
import { transferToBankInquiryStatus } from './transferToBankInquiryStatus/transferToBankInquiryStatus.js';
import { createOrder } from './createOrder/createOrder.js';
import { createShop } from './createShop/createShop.js';
import { queryAssetCardList } from './queryAssetCardList/queryAssetCardList.js';
import { queryMerchantInfo } from './queryMerchantInfo/queryMerchantInfo.js';
import { queryMerchantResource } from './queryMerchantResource/queryMerchantResource.js';
import { updateDivision } from './updateDivision/updateDivision.js';
import { queryDivision } from './queryDivision/queryDivision.js';
import { createDivision } from './createDivision/createDivision.js';
import { updateShop } from './updateShop/updateShop.js';
import { queryShop } from './queryShop/queryShop.js';
import { pushNotificationUser } from './pushNotificationUser/pushNotificationUser.js';
import { queryPayment } from './queryPayment/queryPayment.js';
import { queryUserProfile } from './queryUserProfile/queryUserProfile.js';
import { refundOrder } from './refundOrder/refundOrder.js';
import { resendOtp } from './resendOtp/resendOtp.js';
import { widgetCancelOrder } from './widgetCancelOrder/widgetCancelOrder.js';
import { widgetPayment } from './widgetPayment/widgetPayment.js';
import { widgetQueryPayment } from './widgetQueryPayment/widgetQueryPayment.js';
import { widgetRefundOrder } from './widgetRefundOrder/widgetRefundOrder.js';

/**
 * Every emulated endpoint, one line each, in the order the Postman collection and the docs show them
 * (the B2B token first: Resend OTP needs it; the binding journey in its own order). Adding one:
 * server/endpoints/<id>/, schemas/<id>/, scenarios/<id>.json and a line here (docs/architecture.md, "Adding an endpoint").
 */
export const endpoints: readonly EndpointDefinition[] = [
  b2bAccessToken,
  applyOtt,
  resendOtp,
  pushNotificationUser,
  applyToken,
  balanceInquiry,
  queryUserProfile,
  accountUnbinding,
  createOrder,
  queryPayment,
  cancelOrder,
  refundOrder,
  consultPay,
  widgetPayment,
  widgetQueryPayment,
  widgetCancelOrder,
  widgetRefundOrder,
  createShop,
  queryShop,
  updateShop,
  createDivision,
  queryDivision,
  updateDivision,
  queryMerchantInfo,
  queryMerchantResource,
  queryAssetCardList,
  danaAccountInquiry,
  transferToDana,
  transferToDanaInquiryStatus,
  bankAccountInquiry,
  transferToBank,
  transferToBankInquiryStatus,
];
