import type { Instant } from '../store/entities.js';

/** Where a shop or division hangs: under the merchant, or under a division named by DANA's id or the partner's. */
export type ParentRoleType = 'MERCHANT' | 'DIVISION' | 'EXTERNAL_DIVISION';

/** A shop (outlet) a partner created under its merchant with createShop. */
export interface Shop {
  /** DANA's id for it (INNER_ID). */
  shopId: string;
  merchantId: string;
  /** The partner's id for it (EXTERNAL_ID): unique per merchant (docs/merchant-management.md#identity-and-duplicates). */
  externalShopId: string;
  parentRoleType: ParentRoleType;
  /** DANA's divisionId of the parent division; absent under the merchant. */
  parentDivisionId?: string;
  /** The descriptive fields as the partner last sent them (mainName, shopAddress, sizeType, ...). */
  details: Record<string, unknown>;
  createdAt: Instant;
  modifiedAt: Instant;
}
