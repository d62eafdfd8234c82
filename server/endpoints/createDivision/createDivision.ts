import { defineEndpoint } from '../../core/endpoint.js';
import { detailsOf, findDivision, findOwnMerchant, issueRoleId, saveDivision } from '../../merchants/merchantBook.js';
import { merchantProtocol } from '../../merchants/merchantProtocol.js';
import { resolveParent } from '../../merchants/resolveParent.js';
import type { ParentRoleType } from '../../merchants/Shop.js';
import type { Envelope } from '../../protocols/envelope/envelopeProtocol.js';
import { createDivisionPostman } from './createDivisionPostman.js';

interface CreateDivisionBody extends Record<string, unknown> {
  merchantId: string;
  parentRoleType: ParentRoleType;
  parentDivisionId?: string;
  externalDivisionId: string;
}

/**
 * createDivision (Open API envelope, dana.merchant.division.createDivision): a new division
 * (sub-merchant) under the partner's merchant or one of its divisions. DANA issues the divisionId;
 * the partner's externalDivisionId is unique per merchant (docs/merchant-management.md#identity-and-duplicates).
 */
export const createDivision = defineEndpoint({
  id: 'createDivision',
  method: 'POST',
  paths: ['/dana/merchant/division/createDivision.htm'],
  summary: 'Creates a division (sub-merchant); DANA issues its divisionId',
  postman: createDivisionPostman,
  protocol: merchantProtocol('dana.merchant.division.createDivision'),
  matchFields: { merchantId: 'request.body.merchantId', externalDivisionId: 'request.body.externalDivisionId' },

  handle(exchange, deps) {
    const { body } = (exchange.body as Envelope<CreateDivisionBody>).request;
    const merchant = findOwnMerchant(exchange, deps, body.merchantId);
    if (!merchant)
      return {
        case: 'merchantNotExist',
        detail: 'request.body.merchantId',
        debug: `Merchant ${body.merchantId} is not the merchant of partner ${exchange.partner.partnerId} (${exchange.partner.merchantId ?? 'none'}).`,
      };
    if (merchant.status !== 'ACTIVE')
      return { case: 'merchantStatusError', debug: `Merchant ${merchant.merchantId} is ${merchant.status}.` };
    const parent = resolveParent(exchange, deps, body.parentRoleType, body.parentDivisionId);
    if (!parent)
      return {
        case: 'parentDivisionNotExist',
        detail: 'request.body.parentDivisionId',
        debug: `No division of merchant ${merchant.merchantId} is named "${body.parentDivisionId}" (${body.parentRoleType}).`,
      };
    const taken = findDivision(exchange, deps, { id: body.externalDivisionId, idType: 'EXTERNAL_ID' });
    if (taken)
      return {
        case: 'divisionHasExisted',
        detail: 'request.body.externalDivisionId',
        debug: `Division ${taken.divisionId} already has externalDivisionId "${body.externalDivisionId}".`,
      };
    const now = deps.clock.now(exchange.session).toISOString();
    const division = saveDivision(
      {
        divisionId: issueRoleId(deps),
        merchantId: merchant.merchantId,
        externalDivisionId: body.externalDivisionId,
        parentRoleType: body.parentRoleType,
        ...parent,
        details: detailsOf(body, ['merchantId', 'parentRoleType', 'parentDivisionId', 'externalDivisionId']),
        createdAt: now,
        modifiedAt: now,
      },
      exchange,
      deps,
    );
    return { case: 'successful', data: { divisionId: division.divisionId } };
  },
});
