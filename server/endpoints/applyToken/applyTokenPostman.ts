import type { ExampleRequest, PostmanFolderSpec } from '../../core/examples.js';

const applyTokenRequest = (
  body: unknown = { grantType: 'AUTHORIZATION_CODE', authCode: '{{authCode}}' },
): ExampleRequest => ({
  path: '/v1.0/access-token/b2b2c.htm',
  headers: { 'X-CLIENT-KEY': '{{partnerId}}' },
  body,
});

const withCode = (authCode: string) =>
  applyTokenRequest({ grantType: 'AUTHORIZATION_CODE', authCode, refreshToken: '' });

/** The applyToken folder: a real auth code needs the OAuth page (a browser), so these show the refusals and the scripted success. */
export const applyTokenPostman: PostmanFolderSpec = {
  name: 'applyToken',
  description:
    "SNAP service 74. A real auth code comes from the OAuth page in a browser (docs/widget-journey.md): open /v1.0/get-auth-code?... with the test user 083811223355 / PIN 181818 and paste the redirect's authCode into {{authCode}}.",
  base: withCode('{{authCode}}'),
  variables: { authCode: 'demo-auth-code-used' },
  items: [
    { name: 'Auth code already used', request: withCode('demo-auth-code-used'), expect: { code: '4017400' } },
    { name: 'Auth code expired', request: withCode('demo-auth-code-expired'), expect: { code: '4017400' } },
    { name: 'Auth code never issued', request: withCode('no-such-auth-code'), expect: { code: '4017400' } },
    {
      name: 'Unsupported grantType',
      request: applyTokenRequest({ grantType: 'PASSWORD', authCode: 'x' }),
      expect: { code: '4007401' },
    },
    { name: 'Missing authCode', request: withCode(''), expect: { code: '4007402' } },
    {
      name: 'Bad signature',
      request: withCode('demo-auth-code-used'),
      expect: { code: '4017400' },
      spoilSignature: true,
    },
    'scenarios',
  ],
};
