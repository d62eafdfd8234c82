import { defineEndpoint } from '../../core/endpoint.js';
import { detailsOf, findDivision, saveDivision, type IdType } from '../../merchants/merchantBook.js';
import { merchantProtocol } from '../../merchants/merchantProtocol.js';
import type { Envelope } from '../../protocols/envelope/envelopeProtocol.js';
import { updateDivisionPostman } from './updateDivisionPostman.js';

interface UpdateDivisionBody extends Record<string, unknown> {
  merchantId: string;
  divisionIdType: IdType;
  divisionId?: string;
  externalDivisionId?: string;
  newExternalDivisionId: string;
}

/**
 * updateDivision (Open API envelope, dana.merchant.division.updateDivision): replaces the fields
 * sent, keeps the others. The division is named by divisionId (INNER_ID) or externalDivisionId
 * (EXTERNAL_ID); unknown: DIVISION_NOT_EXIST; a newExternalDivisionId another division has:
 * ROLE_HAS_EXIST (docs/merchant-management.md#identity-and-duplicates).
 */
export const updateDivision = defineEndpoint({
  id: 'updateDivision',
  method: 'POST',
  paths: ['/dana/merchant/division/updateDivision.htm'],
  summary: "Updates a division's details and its externalDivisionId",
  postman: updateDivisionPostman,
  protocol: merchantProtocol('dana.merchant.division.updateDivision'),
  matchFields: { divisionId: 'request.body.divisionId' },

  handle(exchange, deps) {
    const { body } = (exchange.body as Envelope<UpdateDivisionBody>).request;
    const field = body.divisionIdType === 'INNER_ID' ? 'divisionId' : 'externalDivisionId';
    const id = body[field] as string;
    const division = findDivision(exchange, deps, { id, idType: body.divisionIdType, merchantId: body.merchantId });
    if (!division)
      return {
        case: 'divisionNotExist',
        detail: `request.body.${field}`,
        debug: `Merchant ${body.merchantId} has no division of partner ${exchange.partner.partnerId} with ${body.divisionIdType} "${id}".`,
      };
    const holder = findDivision(exchange, deps, { id: body.newExternalDivisionId, idType: 'EXTERNAL_ID' });
    if (holder && holder.divisionId !== division.divisionId)
      return {
        case: 'divisionHasExisted',
        detail: 'request.body.newExternalDivisionId',
        debug: `Division ${holder.divisionId} already has externalDivisionId "${body.newExternalDivisionId}".`,
      };
    const omit = ['merchantId', 'divisionIdType', 'divisionId', 'externalDivisionId', 'newExternalDivisionId'];
    saveDivision(
      {
        ...division,
        externalDivisionId: body.newExternalDivisionId,
        details: { ...division.details, ...detailsOf(body, omit) },
        modifiedAt: deps.clock.now(exchange.session).toISOString(),
      },
      exchange,
      deps,
    );
    return { case: 'successful' };
  },
});
