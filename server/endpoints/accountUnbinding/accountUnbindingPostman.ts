import { adminRequest, type ExampleRequest, type PostmanFolderSpec } from '../../core/examples.js';

const unbindRequest = (token = '{{customerToken}}'): ExampleRequest => ({
  path: '/v1.0/registration-account-unbinding.htm',
  headers: {
    'X-PARTNER-ID': '{{partnerId}}',
    'CHANNEL-ID': '95221',
    'Authorization-Customer': `Bearer ${token}`,
    'X-DEVICE-ID': 'postman-device',
  },
  body: {
    merchantId: '{{merchantId}}',
    partnerReferenceNo: '{{$guid}}',
    additionalInfo: { accessToken: token, deviceId: 'postman-device' },
  },
});

/** The accountUnbinding folder: a real unbinding revokes the token in the collection's session, so the folder ends with a reset. */
export const accountUnbindingPostman: PostmanFolderSpec = {
  name: 'accountUnbinding',
  description:
    'SNAP service 09. Unbinding revokes every token of the binding, so the token is refused afterwards; "Reset the session" makes demo-token-active usable again.',
  base: unbindRequest(),
  variables: { customerToken: 'demo-token-active' },
  items: [
    { name: 'Unbind', request: unbindRequest(), expect: { code: '2000900' } },
    { name: 'Unbind again: the token was revoked', request: unbindRequest(), expect: { code: '4010902' } },
    { name: 'Reset the session (control plane)', request: adminRequest('POST', '/reset'), expect: { admin: 200 } },
    { name: 'Revoked customer token', request: unbindRequest('demo-token-revoked'), expect: { code: '4010902' } },
    { name: 'Frozen account', request: unbindRequest('demo-token-frozen'), expect: { code: '4030918' } },
    { name: 'Bad signature', request: unbindRequest(), expect: { code: '4010900' }, spoilSignature: true },
    'scenarios',
  ],
};
