import type { AdmittedExchange } from '../core/endpoint.js';
import type { SandboxDeps } from '../core/types.js';
import type { Division } from './Division.js';
import type { Merchant } from './Merchant.js';
import type { Shop } from './Shop.js';

/** How a request names a shop or division: DANA's id (INNER_ID) or the partner's (EXTERNAL_ID). */
export type IdType = 'INNER_ID' | 'EXTERNAL_ID';

/**
 * The caller's merchant when `merchantId` is it, else undefined: a partner manages only its own
 * merchant (docs/merchant-management.md#merchants). A merchant with no seeded record still answers,
 * ACTIVE with zero balances and no asset cards, so every registered partner can use these calls.
 */
export function findOwnMerchant(
  exchange: AdmittedExchange,
  deps: SandboxDeps,
  merchantId: string,
): Merchant | undefined {
  const { partner } = exchange;
  if (!partner.merchantId || partner.merchantId !== merchantId) return undefined;
  return (
    deps.store.get('merchants', merchantId, exchange.session) ?? {
      merchantId,
      officialName: partner.name ?? merchantId,
      status: 'ACTIVE',
      balances: { available: '0.00', total: '0.00' },
      assetCards: [],
    }
  );
}

/** How a request names one shop or division, and under which merchant (optional for INNER_ID). */
export interface RoleRef {
  id: string;
  idType: IdType;
  merchantId?: string;
}

/** The caller's entry named by `ref` among `entries`; another merchant's is as unknown as none. */
function findOwnRole<T extends { merchantId: string }>(
  exchange: AdmittedExchange,
  entries: T[],
  ref: RoleRef,
  ids: (entry: T) => Record<IdType, string>,
): T | undefined {
  const own = exchange.partner.merchantId;
  if (!own || (ref.merchantId !== undefined && ref.merchantId !== own)) return undefined;
  return entries.find((entry) => entry.merchantId === own && ids(entry)[ref.idType] === ref.id);
}

export const findShop = (exchange: AdmittedExchange, deps: SandboxDeps, ref: RoleRef): Shop | undefined =>
  findOwnRole(exchange, deps.store.list('shops', exchange.session), ref, (s) => ({
    INNER_ID: s.shopId,
    EXTERNAL_ID: s.externalShopId,
  }));

export const findDivision = (exchange: AdmittedExchange, deps: SandboxDeps, ref: RoleRef): Division | undefined =>
  findOwnRole(exchange, deps.store.list('divisions', exchange.session), ref, (d) => ({
    INNER_ID: d.divisionId,
    EXTERNAL_ID: d.externalDivisionId,
  }));

/** A new DANA role id (shopId, divisionId): 21 digits, as DANA's documents give them (`216...`). */
export function issueRoleId(deps: SandboxDeps): string {
  return `2166${BigInt(`0x${deps.ids.hex(8)}`)
    .toString()
    .padStart(17, '0')
    .slice(-17)}`;
}

/** The fields of `body` other than `omit`, which the record keeps apart (ids, parents). */
export function detailsOf(body: Record<string, unknown>, omit: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !omit.includes(key)));
}

/** The partner's ids and DANA's ids live in one store per kind; a session's writes stay in its scope. */
export function saveShop(shop: Shop, exchange: AdmittedExchange, deps: SandboxDeps): Shop {
  deps.store.put('shops', shop.shopId, shop, exchange.session);
  return shop;
}

export function saveDivision(division: Division, exchange: AdmittedExchange, deps: SandboxDeps): Division {
  deps.store.put('divisions', division.divisionId, division, exchange.session);
  return division;
}
