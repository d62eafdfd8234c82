import type { ExampleRequest, PostmanFolderSpec } from '../../core/examples.js';

const balanceRequest = (token = '{{customerToken}}', balanceTypes: unknown = ['BALANCE']): ExampleRequest => ({
  path: '/v1.0/balance-inquiry.htm',
  headers: {
    'X-PARTNER-ID': '{{partnerId}}',
    'CHANNEL-ID': '95221',
    'Authorization-Customer': `Bearer ${token}`,
    'X-DEVICE-ID': 'postman-device',
  },
  body: {
    partnerReferenceNo: '{{$guid}}',
    balanceTypes,
    additionalInfo: { accessToken: token, deviceId: 'postman-device' },
  },
});

/** The balanceInquiry folder: the codes of DANA's UAT cases, from the sandbox test users. */
export const balanceInquiryPostman: PostmanFolderSpec = {
  name: 'balanceInquiry',
  description: 'SNAP service 11. The customer tokens are the sandbox test users of scenarios/fixtures.json.',
  base: balanceRequest(),
  variables: { customerToken: 'demo-token-active' },
  items: [
    { name: 'Balance', request: balanceRequest(), expect: { code: '2001100' } },
    { name: 'Revoked customer token', request: balanceRequest('demo-token-revoked'), expect: { code: '4011102' } },
    { name: 'Frozen account', request: balanceRequest('demo-token-frozen'), expect: { code: '4031118' } },
    { name: 'Abnormal account', request: balanceRequest('demo-token-abnormal'), expect: { code: '4031105' } },
    { name: 'balanceTypes not an array', request: balanceRequest(undefined, 'test'), expect: { code: '4001101' } },
    { name: 'Bad signature', request: balanceRequest(), expect: { code: '4011100' }, spoilSignature: true },
    'scenarios',
  ],
};
