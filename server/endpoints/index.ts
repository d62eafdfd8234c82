import type { EndpointDefinition } from '../core/endpoint.js';
import { applyOtt } from './applyOtt/applyOtt.js';
import { b2bAccessToken } from './b2bAccessToken/b2bAccessToken.js';
import { pushNotificationUser } from './pushNotificationUser/pushNotificationUser.js';
import { resendOtp } from './resendOtp/resendOtp.js';

/**
 * Every emulated endpoint, one line each, in the order the Postman collection and the docs show them
 * (the B2B token first: Resend OTP needs it). Adding one: server/endpoints/<id>/, schemas/<id>/,
 * scenarios/<id>.json and a line here (docs/architecture.md, "Adding an endpoint").
 */
export const endpoints: readonly EndpointDefinition[] = [b2bAccessToken, applyOtt, resendOtp, pushNotificationUser];
