import { defineEndpoint, type Exchange } from '../../core/endpoint.js';
import { formatJakartaTime } from '../../core/jakartaTime.js';
import { commonCases, SandboxError } from '../../core/SandboxError.js';
import { checkRefreshToken } from '../../domain/checkRefreshToken.js';
import type { Binding } from '../../domain/issueAuthCode.js';
import { issueCustomerTokens } from '../../domain/issueCustomerTokens.js';
import { redeemAuthCode } from '../../domain/redeemAuthCode.js';
import { applyTokenPostman } from './applyTokenPostman.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';

interface ApplyTokenBody {
  grantType: 'AUTHORIZATION_CODE' | 'REFRESH_TOKEN';
  authCode?: string;
  refreshToken?: string;
}

/** The grant's own credential is mandatory; DANA's UAT runner sends `refreshToken: ""` with an auth code, so an empty one counts as absent. */
function checkGrant(exchange: Exchange): void {
  const body = exchange.body as ApplyTokenBody;
  const field = body.grantType === 'AUTHORIZATION_CODE' ? 'authCode' : 'refreshToken';
  if (!body[field])
    throw new SandboxError(
      commonCases.invalidMandatoryField,
      field,
      `grantType ${body.grantType} needs a non-empty ${field}.`,
    );
}

/** DANA answers every refused credential with 401xx00 and its reason (UAT: "Unauthorized. Auth Code Used"). */
const authCodeReasons = {
  unknown: 'Auth Code Invalid',
  used: 'Auth Code Used',
  expired: 'Auth Code Expired',
  otherPartner: 'Auth Code Invalid',
} as const;

/**
 * applyToken (SNAP 74, dana-node widgetApi.applyToken): exchanges the OAuth page's single-use auth code,
 * or a refresh token, for a customer access token and a new refresh token. The protocol module has
 * already checked the client and its `X-CLIENT-KEY|X-TIMESTAMP` signature.
 */
export const applyToken = defineEndpoint({
  id: 'applyToken',
  method: 'POST',
  paths: ['/v1.0/access-token/b2b2c.htm'],
  summary: "Exchanges the OAuth page's auth code (or a refresh token) for a customer access token",
  postman: applyTokenPostman,
  protocol: snapProtocol({
    serviceCode: '74',
    clientHeader: 'x-client-key',
    signature: 'accessToken',
    checkBody: checkGrant,
  }),

  handle(exchange, deps) {
    const body = exchange.body as ApplyTokenBody;
    const { partnerId } = exchange.partner;
    const now = exchange.receivedAt;
    let binding: Binding;
    if (body.grantType === 'AUTHORIZATION_CODE') {
      const verdict = redeemAuthCode(deps.store, body.authCode!, partnerId, now, exchange.session);
      if (verdict.state !== 'redeemed')
        return { case: 'unauthorized', detail: authCodeReasons[verdict.state], debug: verdict.reason };
      binding = verdict.code;
    } else {
      const verdict = checkRefreshToken(deps.store, body.refreshToken!, partnerId, now, exchange.session);
      if (verdict.state !== 'valid')
        return { case: 'unauthorized', detail: 'Refresh Token Invalid', debug: verdict.reason };
      binding = verdict.token;
      // A refresh token is exchanged once: the new pair replaces it.
      deps.store.put('refreshTokens', verdict.token.value, { ...verdict.token, status: 'REVOKED' }, exchange.session);
    }
    const { customerId, scopes } = binding;
    const tokens = issueCustomerTokens(deps.store, deps.ids, { customerId, partnerId, scopes }, now, exchange.session);
    return {
      case: 'successful',
      data: {
        tokenType: 'Bearer',
        accessToken: tokens.accessToken,
        accessTokenExpiryTime: formatJakartaTime(tokens.accessTokenExpiresAt),
        refreshToken: tokens.refreshToken,
        refreshTokenExpiryTime: formatJakartaTime(tokens.refreshTokenExpiresAt),
        additionalInfo: { userInfo: { publicUserId: customerId } },
      },
      debug: `Customer ${customerId} bound to ${partnerId} (${scopes.join(', ')}) until ${tokens.accessTokenExpiresAt.toISOString()}.`,
    };
  },
});
