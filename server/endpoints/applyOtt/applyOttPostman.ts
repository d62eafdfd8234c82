import { withScenario, type ExampleRequest, type PostmanFolderSpec } from '../../core/examples.js';

const applyOttRequest = (
  token = '{{customerToken}}',
  body: unknown = { userResources: ['OTT'], additionalInfo: { accessToken: token } },
  headers: Record<string, string> = {},
): ExampleRequest => ({
  path: '/rest/v1.1/qr/apply-ott',
  headers: {
    'X-PARTNER-ID': '{{partnerId}}',
    'CHANNEL-ID': '95221',
    'Authorization-Customer': `Bearer ${token}`,
    'X-DEVICE-ID': 'postman-device',
    ...headers,
  },
  body,
});

/** The Apply OTT folder: every outcome from the sandbox test users, then the transport faults. */
export const applyOttPostman: PostmanFolderSpec = {
  name: 'Apply OTT',
  description:
    "SNAP service 49 (DANA's Apply OTT document). The customer tokens are the sandbox test users of scenarios/fixtures.json.",
  base: applyOttRequest(),
  variables: { customerToken: 'demo-token-active' },
  tour: { scenario: 'invalid-token', armedCode: '4014902', okCode: '2004900' },
  items: [
    { name: 'OTT issued', request: applyOttRequest(), expect: { code: '2004900' } },
    { name: 'Expired customer token', request: applyOttRequest('demo-token-expired'), expect: { code: '4014902' } },
    { name: 'Revoked customer token', request: applyOttRequest('demo-token-revoked'), expect: { code: '4014902' } },
    { name: 'Unknown customer token', request: applyOttRequest('no-such-token'), expect: { code: '4014904' } },
    {
      name: 'Customer with abnormal status',
      request: applyOttRequest('demo-token-abnormal'),
      expect: { code: '4034905' },
    },
    {
      name: 'Customer over the OTT limit',
      request: applyOttRequest('demo-token-rate-limited'),
      expect: { code: '4294900' },
    },
    { name: 'General error', request: applyOttRequest('demo-token-general-error'), expect: { code: '5004900' } },
    {
      name: 'Internal server error',
      request: applyOttRequest('demo-token-internal-error'),
      expect: { code: '5004901' },
    },
    {
      name: 'Invalid userResources entry',
      request: applyOttRequest(undefined, {
        userResources: ['PASSWORD'],
        additionalInfo: { accessToken: '{{customerToken}}' },
      }),
      expect: { code: '4004901' },
    },
    {
      name: 'Missing additionalInfo',
      request: applyOttRequest(undefined, { userResources: ['OTT'] }),
      expect: { code: '4004902' },
    },
    {
      name: 'Body that is not JSON',
      request: applyOttRequest(undefined, '{"userResources": ["OTT"],'),
      expect: { code: '4004900' },
    },
    {
      name: 'Bad signature, with X-Debug-Mode',
      request: applyOttRequest(undefined, undefined, { 'X-Debug-Mode': 'true' }),
      expect: { code: '4014900' },
      spoilSignature: true,
      description:
        'additionalInfo.debugMessage shows the string to sign the sandbox computed, the body hash and the partner key it used.',
    },
    {
      name: 'Unknown partner (sent unsigned)',
      request: applyOttRequest(undefined, undefined, { 'X-PARTNER-ID': 'no-such-partner' }),
      expect: { code: '4014900' },
    },
    'scenarios',
    {
      name: 'Fault empty-response',
      request: withScenario(applyOttRequest(), 'empty-response'),
      expect: { fault: 'empty-response' },
      description: 'scenarios/faults.json: these faults work the same way on any request of any endpoint.',
    },
    {
      name: 'Fault malformed-json',
      request: withScenario(applyOttRequest(), 'malformed-json'),
      expect: { fault: 'malformed-json' },
    },
    {
      name: 'Fault timeout',
      request: withScenario(applyOttRequest(), 'timeout'),
      expect: { code: '2004900' },
      description:
        "Answers only after --timeout-delay (default 10 s, past DANA's 8 s expected timeout): the OTT was issued, as by a slow DANA. Set Postman's request timeout below it to see your client give up.",
    },
    {
      name: 'Fault connection-reset',
      request: withScenario(applyOttRequest(), 'connection-reset'),
      expect: { fault: 'connection-reset' },
      description:
        'The connection is dropped with no answer: Postman shows "socket hang up". newman would count that as a failure, so `npm test` leaves this one request out.',
    },
  ],
};
