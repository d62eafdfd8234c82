import { WidgetUtils } from 'dana-node/widget/v1';
import { demoPartner } from '../support/partners.js';

/**
 * The OAuth URL dana-node's WidgetUtils.generateOauthUrl builds (it reads X_PARTNER_ID from the
 * environment), moved from DANA's host onto the sandbox's, with the session in the query if given.
 */
export function oauthUrlFor(
  sandboxUrl: string,
  options: { redirectUrl: string; mobileNumber?: string; state?: string; session?: string; mode?: 'API' | 'DEEPLINK' },
): string {
  const previous = process.env.X_PARTNER_ID;
  process.env.X_PARTNER_ID = demoPartner.partnerId;
  try {
    const generated = WidgetUtils.generateOauthUrl({
      externalId: 'ext-journey',
      merchantId: demoPartner.merchantId,
      redirectUrl: options.redirectUrl,
      state: options.state ?? 'state-journey',
      scopes: ['QUERY_BALANCE', 'DEFAULT_BASIC_PROFILE', 'MINI_DANA'],
      seamlessData: options.mobileNumber ? { mobileNumber: options.mobileNumber } : undefined,
      mode: options.mode,
    });
    const url = new URL(generated);
    const local = new URL(`${url.pathname}${url.search}`, sandboxUrl);
    if (options.session) local.searchParams.set('X-Mock-Session', options.session);
    return local.toString();
  } finally {
    if (previous === undefined) delete process.env.X_PARTNER_ID;
    else process.env.X_PARTNER_ID = previous;
  }
}
