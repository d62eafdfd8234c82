import type { ExampleRequest, PostmanFolderSpec } from '../../core/examples.js';

const tokenRequest = (
  path = '/v1.0/access-token/b2b',
  body: unknown = { grantType: 'client_credentials' },
): ExampleRequest => ({
  path,
  headers: { 'X-CLIENT-KEY': '{{partnerId}}' },
  body,
});

/** The B2B token folder: sent first, it keeps the token in {{b2bToken}} for the endpoints that need one. */
export const b2bAccessTokenPostman: PostmanFolderSpec = {
  name: 'B2B access token',
  description: 'SNAP service 73. Send "Get a B2B token" first: it keeps the token in {{b2bToken}} for Resend OTP.',
  base: tokenRequest(),
  items: [
    {
      name: 'Get a B2B token',
      request: tokenRequest(),
      expect: { code: '2007300' },
      tests: ["pm.environment.set('b2bToken', pm.response.json().accessToken);"],
    },
    {
      name: "Get a B2B token at Bank Neo Commerce's path",
      request: tokenRequest('/open/bi/1.0.0/get/token'),
      expect: { code: '2007300' },
    },
    {
      name: 'Unsupported grantType',
      request: tokenRequest(undefined, { grantType: 'password' }),
      expect: { code: '4007301' },
    },
    { name: 'Missing grantType', request: tokenRequest(undefined, {}), expect: { code: '4007302' } },
    { name: 'Bad signature', request: tokenRequest(), expect: { code: '4017300' }, spoilSignature: true },
    'scenarios',
  ],
};
