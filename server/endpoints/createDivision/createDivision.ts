import { defineEndpoint } from '../../core/endpoint.js';
import { detailsOf, findDivision, issueRoleId, saveDivision } from '../../merchants/merchantBook.js';
import { admitNewRole } from '../../merchants/admitNewRole.js';
import { merchantProtocol } from '../../merchants/merchantProtocol.js';
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
    const admitted = admitNewRole(exchange, deps, {
      merchantId: body.merchantId,
      parentRoleType: body.parentRoleType,
      parentDivisionId: body.parentDivisionId,
    });
    if ('refusal' in admitted) return admitted.refusal;
    const { merchant, parent } = admitted;
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
