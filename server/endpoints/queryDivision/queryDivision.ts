import { defineEndpoint } from '../../core/endpoint.js';
import type { Division } from '../../merchants/Division.js';
import { findDivision, type IdType } from '../../merchants/merchantBook.js';
import { merchantProtocol } from '../../merchants/merchantProtocol.js';
import type { Envelope } from '../../protocols/envelope/envelopeProtocol.js';
import { queryDivisionPostman } from './queryDivisionPostman.js';

interface QueryDivisionBody {
  merchantId?: string;
  divisionId: string;
  divisionIdType: IdType;
}

/** The division as dana-node's DivisionResourceInfo describes it (its address is `contactAddress` there). */
function divisionResourceInfo(division: Division): Record<string, unknown> {
  const { divisionAddress, divisionDescription, divisionType, divisionName, pgDivisionFlag } = division.details;
  return {
    divisionId: division.divisionId,
    merchantId: division.merchantId,
    parentRoleType: division.parentRoleType,
    contactAddress: divisionAddress,
    divisionDescription,
    divisionType,
    divisionName,
    externalDivisionId: division.externalDivisionId,
    pgDivisionFlag,
  };
}

/**
 * queryDivision (Open API envelope, dana.merchant.division.queryDivision): one of the partner's
 * divisions by DANA's divisionId (INNER_ID) or the partner's externalDivisionId (EXTERNAL_ID, with
 * merchantId). Unknown: DIVISION_NOT_EXIST (docs/merchant-management.md#unknown-ids).
 */
export const queryDivision = defineEndpoint({
  id: 'queryDivision',
  method: 'POST',
  paths: ['/dana/merchant/division/queryDivision.htm'],
  summary: "A division's stored details by DANA's divisionId or the partner's externalDivisionId",
  postman: queryDivisionPostman,
  protocol: merchantProtocol('dana.merchant.division.queryDivision'),
  matchFields: { divisionId: 'request.body.divisionId' },

  handle(exchange, deps) {
    const { body } = (exchange.body as Envelope<QueryDivisionBody>).request;
    const division = findDivision(exchange, deps, {
      id: body.divisionId,
      idType: body.divisionIdType,
      merchantId: body.merchantId,
    });
    if (!division)
      return {
        case: 'divisionNotExist',
        detail: 'request.body.divisionId',
        debug: `Merchant ${exchange.partner.merchantId ?? '(none)'} has no division with ${body.divisionIdType} "${body.divisionId}".`,
      };
    return { case: 'successful', data: { divisionResourceInfo: divisionResourceInfo(division) } };
  },
});
