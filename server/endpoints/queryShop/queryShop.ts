import { defineEndpoint } from '../../core/endpoint.js';
import { findShop, type IdType } from '../../merchants/merchantBook.js';
import { merchantProtocol } from '../../merchants/merchantProtocol.js';
import type { Shop } from '../../merchants/Shop.js';
import type { Envelope } from '../../protocols/envelope/envelopeProtocol.js';
import { queryShopPostman } from './queryShopPostman.js';

interface QueryShopBody {
  merchantId?: string;
  shopId: string;
  shopIdType: IdType;
}

/** The shop as dana-node's ShopResourceInfo describes it: its ids and parent, and what the partner last sent. */
function shopResourceInfo(shop: Shop): Record<string, unknown> {
  const { mainName, sizeType, shopAddress, logoUrlMap, extInfo, ln, lat } = shop.details;
  return {
    merchantId: shop.merchantId,
    parentDivisionId: shop.parentDivisionId,
    parentRoleType: shop.parentRoleType,
    mainName,
    sizeType,
    shopAddress,
    externalShopId: shop.externalShopId,
    logoUrlMap,
    extInfo,
    ln,
    lat,
  };
}

/**
 * queryShop (Open API envelope, dana.merchant.shop.queryShop): one of the partner's shops by DANA's
 * shopId (INNER_ID) or the partner's externalShopId (EXTERNAL_ID, with merchantId). Unknown, or
 * another merchant's: SHOP_NOT_EXIST (docs/merchant-management.md#unknown-ids).
 */
export const queryShop = defineEndpoint({
  id: 'queryShop',
  method: 'POST',
  paths: ['/dana/merchant/shop/queryShop.htm'],
  summary: "A shop's stored details by DANA's shopId or the partner's externalShopId",
  postman: queryShopPostman,
  protocol: merchantProtocol('dana.merchant.shop.queryShop'),
  matchFields: { shopId: 'request.body.shopId' },

  handle(exchange, deps) {
    const { body } = (exchange.body as Envelope<QueryShopBody>).request;
    const shop = findShop(exchange, deps, { id: body.shopId, idType: body.shopIdType, merchantId: body.merchantId });
    if (!shop)
      return {
        case: 'shopNotExist',
        detail: 'request.body.shopId',
        debug: `Merchant ${exchange.partner.merchantId ?? '(none)'} has no shop with ${body.shopIdType} "${body.shopId}".`,
      };
    return { case: 'successful', data: { shopResourceInfo: shopResourceInfo(shop) } };
  },
});
