import type { ExampleRequest, PostmanFolderSpec } from '../../core/examples.js';

const profileRequest = (
  token = '{{customerToken}}',
  userResources: unknown = ['MASK_DANA_ID', 'BALANCE'],
): ExampleRequest => ({
  path: '/dana/member/query/queryUserProfile.htm',
  body: {
    request: {
      head: {
        version: '2.0',
        function: 'dana.member.query.queryUserProfile',
        clientId: '{{partnerId}}',
        reqTime: '{{reqTime}}',
        reqMsgId: '{{$guid}}',
        clientSecret: '{{clientSecret}}',
        accessToken: token,
        reserve: '{}',
      },
      body: { userResources },
    },
    signature: 'signed by the collection pre-request script',
  },
});

/** The queryUserProfile folder: the customer is named by request.head.accessToken. */
export const queryUserProfilePostman: PostmanFolderSpec = {
  name: 'queryUserProfile',
  description: "DANA's Open API envelope (always HTTP 200; the result is response.body.resultInfo).",
  base: profileRequest(),
  variables: { customerToken: 'demo-token-active' },
  items: [
    { name: 'Profile: SUCCESS', request: profileRequest(), expect: { code: 'SUCCESS' } },
    { name: 'Revoked customer token', request: profileRequest('demo-token-revoked'), expect: { code: 'OAUTH_FAILED' } },
    { name: 'Unknown resource', request: profileRequest(undefined, ['PASSWORD']), expect: { code: 'PARAM_ILLEGAL' } },
    { name: 'Bad signature', request: profileRequest(), expect: { code: 'INVALID_SIGNATURE' }, spoilSignature: true },
    'scenarios',
  ],
};
