import { defineEndpoint } from '../../core/endpoint.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';
import { b2bAccessTokenPostman } from './b2bAccessTokenPostman.js';

/** Fits the seed's `Authorization` header length of 163 exactly: "Bearer " + 156 characters (BNC's Resend OTP document, docs/protocol.md#resend-otp). */
const tokenLength = 156;

/**
 * SNAP B2B access token (service 73, docs/protocol.md#b2b-access-token): the Bearer token Resend OTP requires.
 * The protocol module has already checked the client and its `X-CLIENT-KEY|X-TIMESTAMP` signature.
 */
export const b2bAccessToken = defineEndpoint({
  id: 'b2bAccessToken',
  method: 'POST',
  paths: ['/v1.0/access-token/b2b', '/open/bi/1.0.0/get/token'],
  summary: 'A B2B access token for the endpoints that need `Authorization: Bearer`',
  postman: b2bAccessTokenPostman,
  protocol: snapProtocol({ serviceCode: '73', clientHeader: 'x-client-key', signature: 'accessToken' }),

  handle(exchange, deps) {
    const clientKey = exchange.partner.partnerId;
    const issuedAt = exchange.receivedAt;
    const ttl = deps.config.b2bTokenTtlSeconds;
    const value = deps.ids.token(tokenLength);
    const expiresAt = new Date(issuedAt.getTime() + ttl * 1000).toISOString();
    deps.sweeper.sweep('b2bTokens', issuedAt, exchange.session);
    deps.store.put(
      'b2bTokens',
      value,
      { value, clientKey, issuedAt: issuedAt.toISOString(), expiresAt },
      exchange.session,
    );
    return {
      case: 'successful',
      // BI SNAP sends expiresIn as a string of seconds ("900"), and echoes X-CLIENT-KEY on token responses.
      data: { accessToken: value, tokenType: 'Bearer', expiresIn: String(ttl), additionalInfo: {} },
      headers: { 'x-client-key': clientKey },
      debug: `B2B token for ${clientKey}, valid until ${expiresAt} (sandbox clock).`,
    };
  },
});
