import { defineEndpoint } from '../../core/endpoint.js';
import { authorizeCustomer, checkCustomerHeader, checkTokensAgree } from '../../domain/authorizeCustomer.js';
import { revokeBinding } from '../../domain/revokeBinding.js';
import { accountUnbindingPostman } from './accountUnbindingPostman.js';
import { snapProtocol } from '../../protocols/snap/snapProtocol.js';

interface AccountUnbindingBody {
  merchantId: string;
  subMerchantId?: string;
  partnerReferenceNo?: string;
  linkId?: string;
}

/**
 * accountUnbinding (SNAP 09, dana-node widgetApi.accountUnbinding): ends the customer's binding with
 * the partner. Every access and refresh token of that binding is revoked, so Apply OTT, balance
 * inquiry and the others then answer as for a revoked token.
 */
export const accountUnbinding = defineEndpoint({
  id: 'accountUnbinding',
  method: 'POST',
  paths: ['/v1.0/registration-account-unbinding.htm'],
  summary: "Ends the customer's binding: every token of it is revoked",
  postman: accountUnbindingPostman,
  tokenFields: ['additionalInfo.accessToken'],
  protocol: snapProtocol({
    serviceCode: '09',
    clientHeader: 'x-partner-id',
    signature: 'asymmetric',
    checkHeaders: checkCustomerHeader,
    checkBody: checkTokensAgree,
  }),

  handle(exchange, deps) {
    const authorized = authorizeCustomer(deps.store, exchange);
    if ('case' in authorized) return authorized;
    const body = exchange.body as AccountUnbindingBody;
    const revoked = revokeBinding(deps.store, authorized.token, exchange.partner.partnerId, exchange.session);
    return {
      case: 'successful',
      data: {
        referenceNo: deps.ids.hex(8),
        partnerReferenceNo: body.partnerReferenceNo,
        merchantId: body.merchantId,
        subMerchantId: body.subMerchantId,
        linkId: body.linkId,
        unlinkResult: 'success',
        additionalInfo: {},
      },
      debug: `Customer ${authorized.customer.id} unbound from ${exchange.partner.partnerId}: ${revoked} access token(s) revoked.`,
    };
  },
});
