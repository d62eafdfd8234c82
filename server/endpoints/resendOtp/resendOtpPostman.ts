import { adminRequest, type ExampleRequest, type PostmanFolderSpec } from '../../core/examples.js';

const otpBody = (overrides: Record<string, unknown> = {}) => ({
  journeyId: '{{journeyId}}',
  bankCardToken: '{{bankCardToken}}',
  merchantId: '{{merchantId}}',
  additionalInfo: { orderId: '{{orderId}}' },
  ...overrides,
});

const resendOtpRequest = (
  body: unknown = otpBody(),
  headers: Record<string, string | undefined> = {},
): ExampleRequest => ({
  path: '/open/bi/private/v1.0/otp',
  headers: { 'X-CLIENT-KEY': '{{partnerId}}', 'CHANNEL-ID': '95221', Authorization: 'Bearer {{b2bToken}}', ...headers },
  body,
});

/** The Resend OTP folder: a journey opened, then the session clock moved instead of waiting. */
export const resendOtpPostman: PostmanFolderSpec = {
  name: 'Resend OTP',
  description:
    'SNAP service 81 (BNC\'s Resend OTP document). Needs {{b2bToken}} from "Get a B2B token". The walk opens a journey, then moves the session clock instead of waiting.',
  base: resendOtpRequest(),
  variables: {
    bankCardToken: 'demo-card-active',
    journeyId: 'postman-journey',
    orderId: 'postman-order',
    b2bToken: '',
  },
  items: [
    {
      name: 'Open a journey (control plane)',
      request: adminRequest('POST', '/fixtures/journeys', {
        journeyId: '{{journeyId}}',
        orderId: '{{orderId}}',
        bankCardToken: '{{bankCardToken}}',
      }),
      expect: { admin: 201 },
      description: 'Opening a journey sends its first OTP, so a resend within 60 s is throttled.',
    },
    { name: 'Resend at once: throttled', request: resendOtpRequest(), expect: { code: '4038113' } },
    {
      name: 'Advance the clock 61 s (control plane)',
      request: adminRequest('POST', '/clock/advance', { seconds: 61 }),
      expect: { admin: 200 },
    },
    { name: 'Resend: OTP sent', request: resendOtpRequest(), expect: { code: '2008100' } },
    { name: 'Resend again: throttled', request: resendOtpRequest(), expect: { code: '4038113' } },
    {
      name: 'Advance the clock 10 minutes (control plane)',
      request: adminRequest('POST', '/clock/advance', { minutes: 10 }),
      expect: { admin: 200 },
    },
    { name: 'Resend: transaction closed', request: resendOtpRequest(), expect: { code: '4038115' } },
    {
      name: 'Back to real time (control plane)',
      request: adminRequest('POST', '/clock/reset'),
      expect: { admin: 200 },
    },
    {
      name: 'Unknown card',
      request: resendOtpRequest(otpBody({ bankCardToken: 'no-such-card' })),
      expect: { code: '4018104' },
    },
    {
      name: 'Inactive card',
      request: resendOtpRequest(otpBody({ bankCardToken: 'demo-card-inactive' })),
      expect: { code: '4038118' },
    },
    {
      name: 'Unknown journey',
      request: resendOtpRequest(otpBody({ journeyId: 'no-such-journey' })),
      expect: { code: '4048107' },
    },
    {
      name: 'Missing additionalInfo.orderId',
      request: resendOtpRequest(otpBody({ additionalInfo: {} })),
      expect: { code: '4008102' },
    },
    {
      name: 'journeyId longer than 22',
      request: resendOtpRequest(otpBody({ journeyId: 'j'.repeat(23) })),
      expect: { code: '4008101' },
    },
    {
      name: 'No B2B token',
      request: resendOtpRequest(undefined, { Authorization: undefined }),
      expect: { code: '4018101' },
    },
    { name: 'Bad signature', request: resendOtpRequest(), expect: { code: '4018100' }, spoilSignature: true },
    'scenarios',
  ],
};
