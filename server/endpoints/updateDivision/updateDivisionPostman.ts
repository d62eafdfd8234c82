import type { PostmanFolderSpec } from '../../core/examples.js';
import { merchantRequest, merchantVariables, sampleAddress } from '../../merchants/merchantExamples.js';

const updateDivisionRequest = (overrides: Record<string, unknown> = {}) =>
  merchantRequest('/dana/merchant/division/updateDivision.htm', 'dana.merchant.division.updateDivision', {
    merchantId: '{{merchantId}}',
    divisionId: '{{demoDivisionId}}',
    divisionIdType: 'INNER_ID',
    divisionName: 'Demo Region, renamed',
    divisionAddress: sampleAddress,
    divisionType: 'REGION',
    newExternalDivisionId: 'demo-division',
    mccCodes: ['0783'],
    extInfo: {},
    ...overrides,
  });

/** The updateDivision folder: the demo merchant's seeded division, renamed in the collection's session. */
export const updateDivisionPostman: PostmanFolderSpec = {
  name: 'updateDivision',
  description: "DANA's Open API envelope (always HTTP 200; the result is response.body.resultInfo).",
  base: updateDivisionRequest(),
  variables: merchantVariables,
  items: [
    { name: 'Seeded division renamed: SUCCESS', request: updateDivisionRequest(), expect: { code: 'SUCCESS' } },
    {
      name: 'Unknown division: DIVISION_NOT_EXIST',
      request: updateDivisionRequest({ divisionId: '216620000000000099999' }),
      expect: { code: 'DIVISION_NOT_EXIST' },
    },
    {
      name: 'INNER_ID without divisionId',
      request: updateDivisionRequest({ divisionId: undefined }),
      expect: { code: 'PARAM_MISSING' },
    },
    {
      name: 'Bad signature',
      request: updateDivisionRequest(),
      expect: { code: 'INVALID_SIGNATURE' },
      spoilSignature: true,
    },
    'scenarios',
  ],
};
