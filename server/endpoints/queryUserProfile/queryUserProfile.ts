import { defineEndpoint } from '../../core/endpoint.js';
import type { SandboxDeps } from '../../core/types.js';
import { checkCustomerToken } from '../../domain/checkCustomerToken.js';
import { maskPhone } from '../../domain/maskPhone.js';
import { queryUserProfilePostman } from './queryUserProfilePostman.js';
import { envelopeProtocol, type Envelope } from '../../protocols/envelope/envelopeProtocol.js';
import type { Customer } from '../../store/entities.js';

interface ProfileBody {
  userResources: string[];
}

/** The value DANA gives for each requested resource (dana-node QueryUserProfileRequest's enum). */
function resourceValue(resource: string, customer: Customer, deps: SandboxDeps): string {
  const web = 'https://m.sandbox.dana.id';
  switch (resource) {
    case 'BALANCE':
      return JSON.stringify({ currency: 'IDR', value: customer.balance ?? '0.00' });
    case 'MASK_DANA_ID':
      return maskPhone(customer.phone);
    case 'TRANSACTION_URL':
      return `${web}/m/portal/transactions`;
    case 'TOPUP_URL':
      return `${web}/m/portal/topup`;
    case 'USER_KYC':
      return 'true';
    default:
      return deps.ids.token(43);
  }
}

/**
 * queryUserProfile (Open API envelope, function dana.member.query.queryUserProfile): what the bound
 * customer lets the partner see. The customer is named by `request.head.accessToken`, as in the other
 * envelope operations: an unusable token or account -> OAUTH_FAILED.
 */
export const queryUserProfile = defineEndpoint({
  id: 'queryUserProfile',
  method: 'POST',
  paths: ['/dana/member/query/queryUserProfile.htm'],
  summary: 'What the bound customer lets the partner see (masked DANA id, balance, OTT, ...)',
  postman: queryUserProfilePostman,
  protocol: envelopeProtocol({ functionName: 'dana.member.query.queryUserProfile' }),

  handle(exchange, deps) {
    const { request } = exchange.body as Envelope<ProfileBody>;
    const token = checkCustomerToken(
      deps.store,
      request.head.accessToken,
      exchange.partner.partnerId,
      exchange.receivedAt,
      exchange.session,
    );
    if (token.state !== 'valid')
      return { case: 'oauthFailed', detail: 'request.head.accessToken', debug: token.reason };
    const { customer } = token;
    if (customer.status !== 'ACTIVE')
      return {
        case: 'oauthFailed',
        detail: 'request.head.accessToken',
        debug: `Customer ${customer.id} (${customer.phone}) has status ${customer.status}.`,
      };
    if (customer.forcedOutcome) return { case: 'systemError', debug: `Customer ${customer.id} always fails.` };
    return {
      case: 'successful',
      data: {
        userResourceInfos: request.body.userResources.map((resourceType) => ({
          resourceType,
          value: resourceValue(resourceType, customer, deps),
        })),
      },
    };
  },
});
