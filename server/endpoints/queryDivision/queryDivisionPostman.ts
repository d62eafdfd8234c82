import type { PostmanFolderSpec } from '../../core/examples.js';
import { merchantRequest, merchantVariables } from '../../merchants/merchantExamples.js';

const queryDivisionRequest = (divisionId = '{{demoDivisionId}}', divisionIdType = 'INNER_ID') =>
  merchantRequest('/dana/merchant/division/queryDivision.htm', 'dana.merchant.division.queryDivision', {
    merchantId: '{{merchantId}}',
    divisionId,
    divisionIdType,
  });

/** The queryDivision folder: the demo merchant's seeded division by either id, and an unknown one. */
export const queryDivisionPostman: PostmanFolderSpec = {
  name: 'queryDivision',
  description: "DANA's Open API envelope (always HTTP 200; the result is response.body.resultInfo).",
  base: queryDivisionRequest(),
  variables: merchantVariables,
  items: [
    { name: 'Seeded division by divisionId: SUCCESS', request: queryDivisionRequest(), expect: { code: 'SUCCESS' } },
    {
      name: 'Seeded division by externalDivisionId: SUCCESS',
      request: queryDivisionRequest('demo-division', 'EXTERNAL_ID'),
      expect: { code: 'SUCCESS' },
    },
    {
      name: 'Unknown division: DIVISION_NOT_EXIST',
      request: queryDivisionRequest('no-such-division', 'EXTERNAL_ID'),
      expect: { code: 'DIVISION_NOT_EXIST' },
    },
    {
      name: 'Bad signature',
      request: queryDivisionRequest(),
      expect: { code: 'INVALID_SIGNATURE' },
      spoilSignature: true,
    },
    'scenarios',
  ],
};
