import { defineEndpoint } from '../../core/endpoint.js';
import { detailsOf, findShop, issueRoleId, saveShop } from '../../merchants/merchantBook.js';
import { admitNewRole } from '../../merchants/admitNewRole.js';
import { merchantProtocol } from '../../merchants/merchantProtocol.js';
import type { ParentRoleType } from '../../merchants/Shop.js';
import type { Envelope } from '../../protocols/envelope/envelopeProtocol.js';
import { createShopPostman } from './createShopPostman.js';

interface CreateShopBody extends Record<string, unknown> {
  merchantId: string;
  shopParentType: ParentRoleType;
  parentDivisionId?: string;
  externalShopId: string;
}

/**
 * createShop (Open API envelope, dana.merchant.shop.createShop): a new shop under the partner's
 * merchant or one of its divisions. DANA issues the shopId; the partner's externalShopId is unique
 * per merchant, a second one is ROLE_HAS_EXIST (docs/merchant-management.md#identity-and-duplicates).
 */
export const createShop = defineEndpoint({
  id: 'createShop',
  method: 'POST',
  paths: ['/dana/merchant/shop/createShop.htm'],
  summary: 'Creates a shop under the merchant or one of its divisions; DANA issues its shopId',
  postman: createShopPostman,
  protocol: merchantProtocol('dana.merchant.shop.createShop'),
  matchFields: { merchantId: 'request.body.merchantId', externalShopId: 'request.body.externalShopId' },

  handle(exchange, deps) {
    const { body } = (exchange.body as Envelope<CreateShopBody>).request;
    const admitted = admitNewRole(exchange, deps, {
      merchantId: body.merchantId,
      parentRoleType: body.shopParentType,
      parentDivisionId: body.parentDivisionId,
    });
    if ('refusal' in admitted) return admitted.refusal;
    const { merchant, parent } = admitted;
    const taken = findShop(exchange, deps, { id: body.externalShopId, idType: 'EXTERNAL_ID' });
    if (taken)
      return {
        case: 'shopHasExisted',
        detail: 'request.body.externalShopId',
        debug: `Shop ${taken.shopId} already has externalShopId "${body.externalShopId}".`,
      };
    const now = deps.clock.now(exchange.session).toISOString();
    const shop = saveShop(
      {
        shopId: issueRoleId(deps),
        merchantId: merchant.merchantId,
        externalShopId: body.externalShopId,
        parentRoleType: body.shopParentType,
        ...parent,
        details: detailsOf(body, ['merchantId', 'shopParentType', 'parentDivisionId', 'externalShopId']),
        createdAt: now,
        modifiedAt: now,
      },
      exchange,
      deps,
    );
    return { case: 'successful', data: { shopId: shop.shopId } };
  },
});
