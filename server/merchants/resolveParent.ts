import type { AdmittedExchange } from '../core/endpoint.js';
import type { SandboxDeps } from '../core/types.js';
import { findDivision } from './merchantBook.js';
import type { ParentRoleType } from './Shop.js';

/**
 * Where a new shop or division goes: under the merchant, or under one of the merchant's divisions
 * named by DANA's id (DIVISION) or the partner's (EXTERNAL_DIVISION). `undefined` = no such
 * division: DANA's DIVISION_NOT_EXIST "parent division not exist" (docs/merchant-management.md#parents).
 */
export function resolveParent(
  exchange: AdmittedExchange,
  deps: SandboxDeps,
  role: ParentRoleType,
  parentDivisionId: string | undefined,
): { parentDivisionId?: string } | undefined {
  // Under the merchant the id is ignored: DANA's UAT case sends the merchantId there.
  if (role === 'MERCHANT') return {};
  const parent = findDivision(exchange, deps, {
    id: parentDivisionId ?? '',
    idType: role === 'DIVISION' ? 'INNER_ID' : 'EXTERNAL_ID',
  });
  return parent && { parentDivisionId: parent.divisionId };
}
