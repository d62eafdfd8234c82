import type { Instant } from '../store/entities.js';
import type { ParentRoleType } from './Shop.js';

/** A division (sub-merchant) a partner created under its merchant with createDivision. */
export interface Division {
  /** DANA's id for it (INNER_ID). */
  divisionId: string;
  merchantId: string;
  /** The partner's id for it (EXTERNAL_ID): unique per merchant (docs/merchant-management.md#identity-and-duplicates). */
  externalDivisionId: string;
  parentRoleType: ParentRoleType;
  /** DANA's divisionId of the parent division; absent under the merchant. */
  parentDivisionId?: string;
  /** The descriptive fields as the partner last sent them (divisionName, divisionAddress, divisionType, ...). */
  details: Record<string, unknown>;
  createdAt: Instant;
  modifiedAt: Instant;
}
