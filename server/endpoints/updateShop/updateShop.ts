import { defineEndpoint } from '../../core/endpoint.js';
import { detailsOf, findShop, saveShop, type IdType } from '../../merchants/merchantBook.js';
import { merchantProtocol } from '../../merchants/merchantProtocol.js';
import type { Envelope } from '../../protocols/envelope/envelopeProtocol.js';
import { updateShopPostman } from './updateShopPostman.js';

interface UpdateShopBody extends Record<string, unknown> {
  shopId: string;
  merchantId: string;
  shopIdType: IdType;
  newExternalShopId?: string;
}

/**
 * updateShop (Open API envelope, dana.merchant.shop.updateShop): replaces the fields sent, keeps the
 * others. Unknown shop: SHOP_NOT_EXIST; a newExternalShopId another shop of the merchant has:
 * ROLE_HAS_EXIST, as createShop (docs/merchant-management.md#identity-and-duplicates).
 */
export const updateShop = defineEndpoint({
  id: 'updateShop',
  method: 'POST',
  paths: ['/dana/merchant/shop/updateShop.htm'],
  summary: "Updates a shop's details, or moves it to a new externalShopId",
  postman: updateShopPostman,
  protocol: merchantProtocol('dana.merchant.shop.updateShop'),
  matchFields: { shopId: 'request.body.shopId' },

  handle(exchange, deps) {
    const { body } = (exchange.body as Envelope<UpdateShopBody>).request;
    const shop = findShop(exchange, deps, { id: body.shopId, idType: body.shopIdType, merchantId: body.merchantId });
    if (!shop)
      return {
        case: 'shopNotExist',
        detail: 'request.body.shopId',
        debug: `Merchant ${body.merchantId} has no shop of partner ${exchange.partner.partnerId} with ${body.shopIdType} "${body.shopId}".`,
      };
    const externalShopId = body.newExternalShopId ?? shop.externalShopId;
    const holder = findShop(exchange, deps, { id: externalShopId, idType: 'EXTERNAL_ID' });
    if (holder && holder.shopId !== shop.shopId)
      return {
        case: 'shopHasExisted',
        detail: 'request.body.newExternalShopId',
        debug: `Shop ${holder.shopId} already has externalShopId "${externalShopId}".`,
      };
    saveShop(
      {
        ...shop,
        externalShopId,
        details: {
          ...shop.details,
          ...detailsOf(body, ['shopId', 'merchantId', 'shopIdType', 'newExternalShopId']),
        },
        modifiedAt: deps.clock.now(exchange.session).toISOString(),
      },
      exchange,
      deps,
    );
    return { case: 'successful' };
  },
});
