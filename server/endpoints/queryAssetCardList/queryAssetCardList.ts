import { defineEndpoint } from '../../core/endpoint.js';
import { findOwnMerchant } from '../../merchants/merchantBook.js';
import { merchantProtocol } from '../../merchants/merchantProtocol.js';
import type { Envelope } from '../../protocols/envelope/envelopeProtocol.js';
import { queryAssetCardListPostman } from './queryAssetCardListPostman.js';

interface QueryAssetCardListBody {
  memberId: string;
  bindingId?: string;
  enableOnly?: 'true' | 'false';
  contactBizTypeList?: string[];
  assetTypeList?: string[];
}

/**
 * queryAssetCardList (Open API envelope, dana.member.asset.queryAssetCardList; dana-node 2.x): the
 * merchant's asset cards (its top-up virtual accounts and the like), filtered as asked. Only the
 * caller's own merchant answers; another memberId: MERCHANT_NOT_EXIST (docs/merchant-management.md#merchants).
 */
export const queryAssetCardList = defineEndpoint({
  id: 'queryAssetCardList',
  method: 'POST',
  paths: ['/dana/member/asset/queryAssetCardList.htm'],
  summary: "The merchant's asset cards (e.g. its top-up virtual accounts)",
  postman: queryAssetCardListPostman,
  protocol: merchantProtocol('dana.member.asset.queryAssetCardList'),
  matchFields: { memberId: 'request.body.memberId' },

  handle(exchange, deps) {
    const { body } = (exchange.body as Envelope<QueryAssetCardListBody>).request;
    const merchant = findOwnMerchant(exchange, deps, body.memberId);
    if (!merchant)
      return {
        case: 'merchantNotExist',
        detail: 'request.body.memberId',
        debug: `Member ${body.memberId} is not the merchant of partner ${exchange.partner.partnerId} (${exchange.partner.merchantId ?? 'none'}).`,
      };
    const assetCardList = merchant.assetCards.filter(
      (card) =>
        (body.enableOnly !== 'true' || card.enableStatus !== 'false') &&
        (!body.bindingId || card.bindingId === body.bindingId) &&
        (!body.assetTypeList?.length || body.assetTypeList.includes(card.assetType)) &&
        (!body.contactBizTypeList?.length || body.contactBizTypeList.includes(card.contactBizType)),
    );
    return { case: 'successful', data: { assetCardList } };
  },
});
