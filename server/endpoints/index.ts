import type { EndpointDefinition } from '../core/endpoint.js';
import { applyOtt } from './applyOtt.js';
import { accountUnbinding } from './accountUnbinding/accountUnbinding.js';
import { applyToken } from './applyToken/applyToken.js';
import { b2bAccessToken } from './b2bAccessToken.js';
import { balanceInquiry } from './balanceInquiry/balanceInquiry.js';
import { pushNotificationUser } from './pushNotificationUser.js';
import { queryUserProfile } from './queryUserProfile/queryUserProfile.js';
import { resendOtp } from './resendOtp.js';

/** Every emulated endpoint. Adding one: its file, schemas/<id>.*.json, scenarios/<id>.json, and a line here. */
export const endpoints: readonly EndpointDefinition[] = [
  applyOtt,
  pushNotificationUser,
  b2bAccessToken,
  resendOtp,
  applyToken,
  accountUnbinding,
  balanceInquiry,
  queryUserProfile,
];
