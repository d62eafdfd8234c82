import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { snapCases, snapResponseMessage } from '../../server/protocols/snap/snapCases.js';
import type { Sandbox } from '../../server/sandbox.js';
import { admin } from '../support/admin.js';
import { advanceClock, openJourney, otpBody, sendResendOtp } from './resendOtp.requests.js';
import { issueToken } from './b2bAccessToken.requests.js';
import { otherPartner } from '../support/partners.js';
import { createTestSandbox } from '../support/testSandbox.js';

let sandbox: Sandbox;
let token: string;
beforeAll(async () => {
  sandbox = await createTestSandbox();
  token = await issueToken(sandbox.app);
  await openJourney(sandbox, 'checks', 'j-checks');
});
afterAll(() => sandbox.close());

const body = (overrides: Record<string, unknown> = {}) => ({ ...otpBody('j-checks'), ...overrides });
const send = (b: unknown = body(), call: Parameters<typeof sendResendOtp>[2] = {}) =>
  sendResendOtp(sandbox.app, b, { token, session: 'checks', ...call });
const expectCode = (res: { status: number; body: any }, status: number, code: string, message: string) => {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ responseCode: code, responseMessage: message });
};

describe('Resend OTP request checks', () => {
  it('accepts the B2B token with the asymmetric signature over the body, no token in the string to sign', async () => {
    expect((await send()).body.responseCode).toBe('4038113');
  });

  it.each([
    ['missing', undefined],
    ['not a Bearer value', 'Basic abc'],
    ['a token the sandbox never issued', 'Bearer never-issued'],
  ])('answers 4018101 Invalid Token (B2B) when Authorization is %s', async (_what, authorization) => {
    expectCode(
      await send(body(), { headers: { Authorization: authorization } }),
      401,
      '4018101',
      snapCases.invalidTokenB2b.message,
    );
  });

  it('answers 4018101 once the token is 900 s old on the sandbox clock', async () => {
    const session = 'expiring-token';
    const own = await issueToken(sandbox.app, { session });
    await advanceClock(sandbox, session, 899);
    await openJourney(sandbox, session, 'j-expiring');
    expect((await sendResendOtp(sandbox.app, otpBody('j-expiring'), { token: own, session })).body.responseCode).toBe(
      '4038113',
    );
    await advanceClock(sandbox, session, 1);
    expect((await sendResendOtp(sandbox.app, otpBody('j-expiring'), { token: own, session })).body.responseCode).toBe(
      '4018101',
    );
  });

  it('answers 4018101 for a token issued to another client', async () => {
    const theirs = await issueToken(sandbox.app, { clientKey: otherPartner.partnerId, key: otherPartner.privateKey });
    expect((await send(body(), { token: theirs })).body.responseCode).toBe('4018101');
  });

  it('answers 4018101 after a reset forgot the token', async () => {
    const session = 'reset-token';
    const own = await issueToken(sandbox.app, { session });
    await admin(sandbox, 'POST', '/reset', undefined, session);
    expect((await sendResendOtp(sandbox.app, otpBody('j-checks'), { token: own, session })).body.responseCode).toBe(
      '4018101',
    );
  });

  it.each(['X-TIMESTAMP', 'X-SIGNATURE', 'X-CLIENT-KEY', 'X-EXTERNAL-ID', 'CHANNEL-ID'])(
    'answers 4008102 naming %s when it is missing',
    async (header) => {
      expectCode(
        await send(body(), { headers: { [header]: undefined } }),
        400,
        '4008102',
        snapResponseMessage('invalidMandatoryField', header),
      );
    },
  );

  it('answers 4008101 naming X-TIMESTAMP when it is not ISO-8601', async () => {
    expectCode(
      await send(body(), { headers: { 'X-TIMESTAMP': '2022-09-28 13:00:00' } }),
      400,
      '4008101',
      snapResponseMessage('invalidFieldFormat', 'X-TIMESTAMP'),
    );
  });

  it('answers 4018100 Unauthorized. Unknown Client for an unregistered X-CLIENT-KEY', async () => {
    expectCode(
      await send(body(), { headers: { 'X-CLIENT-KEY': '000580000134' } }),
      401,
      '4018100',
      snapResponseMessage('unauthorized', 'Unknown Client'),
    );
  });

  it('answers 4018100 Unauthorized. Invalid Signature when the signature covers other bytes', async () => {
    const res = await send(body(), { signedBody: JSON.stringify(body({ journeyId: 'other' })) });
    expectCode(res, 401, '4018100', snapResponseMessage('unauthorized', 'Invalid Signature'));
  });

  it('answers 4008100 when the body is not JSON', async () => {
    expectCode(await send('journeyId=j-checks'), 400, '4008100', snapCases.badRequest.message);
  });

  it.each([
    ['journeyId', body({ journeyId: undefined })],
    ['bankCardToken', body({ bankCardToken: '' })],
    ['merchantId', body({ merchantId: undefined })],
    ['additionalInfo', body({ additionalInfo: undefined })],
    ['additionalInfo.orderId', body({ additionalInfo: {} })],
  ])('answers 4008102 naming %s when it is missing or empty', async (field, b) => {
    expectCode(await send(b), 400, '4008102', snapResponseMessage('invalidMandatoryField', field));
  });

  it.each([
    ['journeyId', body({ journeyId: null })],
    ['additionalInfo', body({ additionalInfo: null })],
    ['additionalInfo.orderId', body({ additionalInfo: { orderId: null } })],
  ])('answers 4008102 naming %s when it is null, which counts as missing', async (field, b) => {
    const res = await send(b, { headers: { 'X-Debug-Mode': 'true' } });
    expectCode(res, 400, '4008102', snapResponseMessage('invalidMandatoryField', field));
    expect(res.body.additionalInfo.debugMessage).toBe(`${field} is null: a mandatory field needs a value`);
  });

  it('answers 4008101 naming subMerchantId when the optional field is null', async () => {
    expectCode(
      await send(body({ subMerchantId: null })),
      400,
      '4008101',
      snapResponseMessage('invalidFieldFormat', 'subMerchantId'),
    );
  });

  it.each([
    ['journeyId', body({ journeyId: 'j'.repeat(23) })],
    ['bankCardToken', body({ bankCardToken: 'c'.repeat(33) })],
    ['merchantId', body({ merchantId: 'm'.repeat(33) })],
    ['subMerchantId', body({ subMerchantId: 's'.repeat(33) })],
    ['additionalInfo.orderId', body({ additionalInfo: { orderId: 'o'.repeat(23) } })],
    ['journeyId', body({ journeyId: 24483651 })],
  ])('answers 4008101 naming %s when it breaks the seed length or type', async (field, b) => {
    expectCode(await send(b), 400, '4008101', snapResponseMessage('invalidFieldFormat', field));
  });

  it('accepts the optional subMerchantId', async () => {
    expect((await send(body({ subMerchantId: 'sub-1' }))).body.responseCode).toBe('4038113');
  });

  it('checks headers, then the client, then the B2B token, then the signature, then the body', async () => {
    const codes = await Promise.all([
      send(body({ journeyId: undefined }), { token: 'never-issued', headers: { 'X-EXTERNAL-ID': undefined } }),
      send(body(), { token: 'never-issued', headers: { 'X-CLIENT-KEY': '000580000134' } }),
      send(body({ journeyId: undefined }), { token: 'never-issued', key: otherPartner.privateKey }),
      send(body({ journeyId: undefined }), { key: otherPartner.privateKey }),
      send(body({ bankCardToken: 'no-such-card', journeyId: 'j'.repeat(23) })),
    ]);
    expect(codes.map((r) => r.body.responseCode)).toEqual(['4008102', '4018100', '4018101', '4018100', '4008101']);
  });

  it('answers every scenario of scenarios/resendOtp.json with the code its description names', async () => {
    const own = sandbox.control.listScenarios('resendOtp').filter((s) => s.endpoint === 'resendOtp');
    for (const scenario of own) {
      const res = await send(body(), { headers: { 'X-Mock-Scenario': scenario.name } });
      expect([scenario.name, res.body.responseCode]).toEqual([scenario.name, scenario.description.slice(0, 7)]);
    }
    expect(own.map((s) => s.name)).toEqual(
      expect.arrayContaining(['otp-throttled', 'transaction-closed', 'invalid-token']),
    );
  });
});
