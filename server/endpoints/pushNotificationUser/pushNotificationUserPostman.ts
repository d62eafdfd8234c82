import { adminRequest, type ExampleRequest, type PostmanFolderSpec } from '../../core/examples.js';
import { pushFunction } from './pushFunction.js';

/** Shown where the collection's script puts the signature; what the gateway sees if the helper refused. */
const signaturePlaceholder = 'signed by the collection pre-request script';

const pushRequest = (head: Record<string, unknown> = {}, body: Record<string, unknown> = {}): ExampleRequest => ({
  path: '/v1/payments/pushNotificationUser',
  body: {
    request: {
      head: {
        version: '2.0',
        function: pushFunction,
        clientId: '{{partnerId}}',
        reqTime: '{{reqTime}}',
        reqMsgId: '{{$guid}}',
        clientSecret: '{{clientSecret}}',
        accessToken: '{{customerToken}}',
        reserve: '{}',
        ...head,
      },
      body: {
        acquirementId: 'demo-order-active',
        bizType: 'MERCHANT_ORDER_NOTIF',
        envInfo: { terminalType: 'SYSTEM', webSiteLanguage: 'en_US' },
        ...body,
      },
    },
    signature: signaturePlaceholder,
  },
});

/** The pushNotificationUser folder: one push per order and bizType, then each refusal of the envelope. */
export const pushNotificationUserPostman: PostmanFolderSpec = {
  name: 'pushNotificationUser',
  description:
    'DANA\'s signed request/response envelope (DANA\'s pushNotificationUser document); always HTTP 200, the result is response.body.resultInfo. A push per order and bizType succeeds once: "Reset the session" makes it pushable again.',
  base: pushRequest(),
  variables: { customerToken: 'demo-token-active' },
  items: [
    { name: 'Reset the session (control plane)', request: adminRequest('POST', '/reset'), expect: { admin: 200 } },
    { name: 'Push: SUCCESS', request: pushRequest(), expect: { code: 'SUCCESS' } },
    {
      name: 'The customer sees it (control plane)',
      request: adminRequest('GET', '/notifications?acquirementId=demo-order-active'),
      expect: { admin: 200 },
      tests: [
        "pm.test('one notification for the order', function () { pm.expect(pm.response.json().notifications).to.have.length(1); });",
      ],
    },
    { name: 'Push the same order again', request: pushRequest(), expect: { code: 'MORE_THAN_ONCE_INVOKE' } },
    {
      name: 'Unknown order',
      request: pushRequest({}, { acquirementId: 'no-such-order' }),
      expect: { code: 'INVALID_TRANS_ID' },
    },
    {
      name: "Another merchant's order",
      request: pushRequest({}, { acquirementId: 'demo-order-other-merchant' }),
      expect: { code: 'MERCHANT_NOT_MATCH' },
    },
    {
      name: 'Order whose processing fails',
      request: pushRequest({}, { acquirementId: 'demo-order-system-error' }),
      expect: { code: 'SYSTEM_ERROR' },
    },
    {
      name: 'Wrong function',
      request: pushRequest({ function: 'dana.acquiring.order.query' }),
      expect: { code: 'FUNCTION_NOT_MATCH' },
    },
    {
      name: 'Wrong clientSecret',
      request: pushRequest({ clientSecret: 'not-the-secret' }),
      expect: { code: 'OAUTH_FAILED' },
    },
    {
      name: 'Unknown clientId (sent unsigned)',
      request: pushRequest({ clientId: 'no-such-client' }),
      expect: { code: 'KEY_NO_FOUND' },
    },
    {
      name: 'Missing acquirementId',
      request: pushRequest({}, { acquirementId: undefined }),
      expect: { code: 'PARAM_MISSING' },
    },
    {
      name: 'reqTime without an offset',
      request: pushRequest({ reqTime: '2026-11-22 10:00:00' }),
      expect: { code: 'PARAM_ILLEGAL' },
    },
    { name: 'Bad signature', request: pushRequest(), expect: { code: 'INVALID_SIGNATURE' }, spoilSignature: true },
    'scenarios',
  ],
};
