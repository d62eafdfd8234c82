import type { AdmittedExchange } from '../core/endpoint.js';
import type { Outcome, SandboxDeps } from '../core/types.js';
import type { EnvelopeCaseKey, merchantManagementRows } from '../protocols/envelope/envelopeCases.js';
import type { Merchant } from './Merchant.js';
import { findOwnMerchant } from './merchantBook.js';
import { resolveParent } from './resolveParent.js';
import type { ParentRoleType } from './Shop.js';

type MerchantCase = EnvelopeCaseKey | keyof typeof merchantManagementRows;

/** Where a new shop or division is to go, as its create request names it. */
export interface NewRolePlace {
  merchantId: string;
  parentRoleType: ParentRoleType;
  parentDivisionId?: string;
}

/**
 * The checks createShop and createDivision share, in DANA's order: the merchant is the partner's own
 * (MERCHANT_NOT_EXIST), it is active (MERCHANT_STATUS_ERROR), and the parent division exists
 * (DIVISION_NOT_EXIST "parent division not exist"). Either the refusal, or the merchant and the parent.
 */
export function admitNewRole(
  exchange: AdmittedExchange,
  deps: SandboxDeps,
  place: NewRolePlace,
): { refusal: Outcome<MerchantCase> } | { merchant: Merchant; parent: { parentDivisionId?: string } } {
  const merchant = findOwnMerchant(exchange, deps, place.merchantId);
  if (!merchant)
    return {
      refusal: {
        case: 'merchantNotExist',
        detail: 'request.body.merchantId',
        debug: `Merchant ${place.merchantId} is not the merchant of partner ${exchange.partner.partnerId} (${exchange.partner.merchantId ?? 'none'}).`,
      },
    };
  if (merchant.status !== 'ACTIVE')
    return {
      refusal: { case: 'merchantStatusError', debug: `Merchant ${merchant.merchantId} is ${merchant.status}.` },
    };
  const parent = resolveParent(exchange, deps, place.parentRoleType, place.parentDivisionId);
  if (!parent)
    return {
      refusal: {
        case: 'parentDivisionNotExist',
        detail: 'request.body.parentDivisionId',
        debug: `No division of merchant ${merchant.merchantId} is named "${place.parentDivisionId}" (${place.parentRoleType}).`,
      },
    };
  return { merchant, parent };
}
