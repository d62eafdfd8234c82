import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Exchange } from '../../server/core/endpoint.js';
import { envelopeRows } from '../../server/protocols/envelope/envelopeCases.js';
import type { Sandbox } from '../../server/sandbox.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { internalsOf } from '../../server/internals.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

/** What an endpoint answers for every case of its catalogue, as its protocol seals it: wire code -> message or resultInfo. */
function sealEveryCase(endpointId: string): Map<string, any> {
  const endpoint = internalsOf(sandbox).endpoints.get(endpointId)!;
  const answers = new Map<string, any>();
  for (const key of endpoint.protocol.caseKeys) {
    const exchange: Exchange = {
      id: 'catalogue',
      request: { method: 'POST', path: endpoint.paths[0], search: '', headers: {}, rawBody: '' },
      receivedAt: new Date(),
      debug: false,
      verdicts: {},
      endpoint,
    };
    const sealed = endpoint.protocol.sealResponse({ case: key }, exchange, internalsOf(sandbox));
    const body = JSON.parse(sealed.response.body);
    answers.set(
      sealed.code,
      endpoint.protocol.name === 'snap'
        ? { status: sealed.response.status, message: body.responseMessage }
        : body.response.body.resultInfo,
    );
  }
  return answers;
}

/** A seed's SNAP table row: the message without the "[reason]" slot DANA fills per response. */
const snapRow = (code: string, message: string) =>
  [code, { status: Number(code.slice(0, 3)), message: message.replace(/ \[reason\]$/, '') }] as const;

describe('the catalogues match the seeds, written out here by hand', () => {
  it("renders every row of the result table of DANA's pushNotificationUser document with its status and resultCodeId", () => {
    const seed003 = [
      ['S', '00000000', 'SUCCESS'],
      ['U', '00000900', 'SYSTEM_ERROR'],
      ['F', '00000004', 'PARAM_ILLEGAL'],
      ['F', '00000002', 'PARAM_MISSING'],
      ['F', '00000007', 'INVALID_SIGNATURE'],
      ['F', '00000008', 'KEY_NO_FOUND'],
      ['F', '00000013', 'NO_INTERFACE_DEF'],
      ['F', '00000014', 'INVALID_API'],
      ['F', '00000015', 'MSG_PARSE_ERROR'],
      ['F', '00000016', 'OAUTH_FAILED'],
      ['F', '00000017', 'FUNCTION_NOT_MATCH'],
      ['F', '10000006', 'REDIRECT_URL_ILLEGAL'],
      ['F', '10000005', 'MERCHANT_NOT_MATCH'],
      ['F', '10000003', 'INVALID_TRANS_ID'],
      ['F', '10000002', 'MORE_THAN_ONCE_INVOKE'],
      ['F', '50100001', 'NOT_SUPPORTED_MERCHANT'],
    ];
    const sealed = sealEveryCase('pushNotificationUser');
    for (const [resultStatus, resultCodeId, resultCode] of seed003)
      expect([resultCode, sealed.get(resultCode)]).toEqual([
        resultCode,
        expect.objectContaining({ resultStatus, resultCodeId, resultCode }),
      ]);
    expect([...sealed.keys()].sort()).toEqual(seed003.map(([, , code]) => code).sort());
    const catalogue = Object.values(envelopeRows).map(({ resultStatus, resultCodeId, resultCode }) => [
      resultStatus,
      resultCodeId,
      resultCode,
    ]);
    expect(catalogue.sort()).toEqual([...seed003].sort());
  });

  it("renders the pushNotificationUser document's messages, with the documented spelling fixes", () => {
    const sealed = sealEveryCase('pushNotificationUser');
    const messages = Object.fromEntries([...sealed].map(([code, info]) => [code, info.resultMsg]));
    expect(messages).toEqual({
      SUCCESS: 'success',
      SYSTEM_ERROR: 'SYSTEM_ERROR',
      PARAM_ILLEGAL: 'Illegal parameters',
      PARAM_MISSING: 'One or more mandatory parameters is/are missing',
      INVALID_SIGNATURE: 'Signature is invalid',
      KEY_NO_FOUND: 'Key is not found',
      NO_INTERFACE_DEF: 'API is not defined',
      INVALID_API: 'The called API is invalid or not active',
      MSG_PARSE_ERROR: 'Message parsed error',
      OAUTH_FAILED: 'oAuth authentication failed',
      FUNCTION_NOT_MATCH: 'Function parameter does not match API',
      REDIRECT_URL_ILLEGAL: 'Redirect Url not valid',
      MERCHANT_NOT_MATCH: 'Merchant ID differ from requestor',
      INVALID_TRANS_ID: 'Trans ID not found',
      MORE_THAN_ONCE_INVOKE: 'Already invoke',
      NOT_SUPPORTED_MERCHANT: 'Merchant config not found',
    });
  });

  it.each([
    [
      "the table of DANA's Apply OTT document",
      'applyOtt',
      [
        snapRow('2004900', 'Successful'),
        snapRow('4004900', 'Bad Request'),
        snapRow('4004901', 'Invalid Field Format'),
        snapRow('4004902', 'Invalid Mandatory Field'),
        snapRow('4014900', 'Unauthorized. [reason]'),
        snapRow('4014902', 'Invalid Customer Token'),
        snapRow('4014904', 'Customer Token Not Found'),
        snapRow('4034905', 'Do Not Honor'),
        snapRow('4294900', 'Too Many Requests'),
        snapRow('5004900', 'General Error'),
        snapRow('5004901', 'Internal Server Error'),
      ],
    ],
    [
      "the table and samples of BNC's Resend OTP document",
      'resendOtp',
      [
        snapRow('2008100', 'Successful'),
        snapRow('4018104', 'Customer Token Not Found'),
        snapRow('4038118', 'Inactive Card/Account/Customer'),
        snapRow('4038113', 'OTP Sent To Cardholder'),
        snapRow('4038115', 'Transaction Not Permitted.'),
      ],
    ],
    [
      'the B2B access token codes of SNAP service 73',
      'b2bAccessToken',
      [
        snapRow('2007300', 'Successful'),
        snapRow('4007300', 'Bad Request'),
        snapRow('4007301', 'Invalid Field Format'),
        snapRow('4007302', 'Invalid Mandatory Field'),
        snapRow('4017300', 'Unauthorized. [reason]'),
      ],
    ],
  ])('renders every code and message of %s', (_table, endpointId, rows) => {
    const sealed = sealEveryCase(endpointId);
    for (const [code, answer] of rows) expect([code, sealed.get(code)]).toEqual([code, answer]);
  });
});
