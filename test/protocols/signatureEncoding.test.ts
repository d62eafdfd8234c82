import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { envelopeCases, envelopeResultMsg } from '../../server/protocols/envelope/envelopeCases.js';
import { snapResponseMessage } from '../../server/protocols/snap/snapCases.js';
import type { Sandbox } from '../../server/sandbox.js';
import { pushBody, pushHead, sendEnvelope } from '../endpoints/pushNotificationUser.requests.js';
import { signEnvelope } from '../support/envelopeRequest.js';
import { issueToken, sendTokenRequest } from '../endpoints/b2bAccessToken.requests.js';
import { otpBody, resendOtpPath, sendResendOtp } from '../endpoints/resendOtp.requests.js';
import { demoPartner } from '../support/partners.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { signAccessToken, signSnap, testTimestamp } from '../support/snapRequest.js';
import { createTestSandbox } from '../support/testSandbox.js';

let sandbox: Sandbox;
let b2bToken: string;
beforeAll(async () => {
  sandbox = await createTestSandbox();
  b2bToken = await issueToken(sandbox.app);
});
afterAll(() => sandbox.close());

const toUrlSafe = (s: string) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A valid 2048-bit signature spoilt the ways partners' encoders spoil it, with the reason the sandbox must give. */
const malformations: [string, (s: string) => string, (s: string) => string][] = [
  [
    'with GARBAGE!! appended',
    (s) => `${s}GARBAGE!!`,
    (s) => `is not standard Base64: found '!' at position ${s.length + 7}`,
  ],
  [
    'in base64url form',
    toUrlSafe,
    (s) =>
      /[-_]/.test(toUrlSafe(s))
        ? `is not standard Base64: found '${/[-_]/.exec(toUrlSafe(s))![0]}' at position ${toUrlSafe(s).search(/[-_]/)} (base64url?`
        : 'is not a multiple of 4',
  ],
  [
    'without its = padding',
    (s) => s.replace(/=+$/, ''),
    (s) => `is not standard Base64: its length ${s.replace(/=+$/, '').length} is not a multiple of 4`,
  ],
  [
    'with an embedded space',
    (s) => `${s.slice(0, 17)} ${s.slice(17)}`,
    () => "is not standard Base64: found ' ' at position 17",
  ],
  [
    'one byte short',
    (s) => Buffer.from(s, 'base64').subarray(0, 255).toString('base64'),
    () => 'decodes to 255 bytes, an RSA-2048 signature has 256',
  ],
  [
    'with the padding in the middle',
    (s) => `${s.slice(0, 8)}==${s.slice(8)}`,
    () => "is not standard Base64: found '=' at position 8, but padding is at most two '=' at the very end",
  ],
];

const applyOttPath = '/rest/v1.1/qr/apply-ott';
const ottBody = JSON.stringify({ userResources: ['OTT'], additionalInfo: { accessToken: 'demo-token-active' } });
const debug = { 'X-Debug-Mode': 'true' };

describe('signatures must be standard Base64 of the key size, as DANA decodes them', () => {
  it.each(malformations)(
    'answers Apply OTT 4014900 Invalid Signature for a signature %s, saying why',
    async (_form, spoil, reason) => {
      const valid = signSnap('POST', applyOttPath, ottBody, testTimestamp);
      const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
        body: ottBody,
        headers: { 'X-SIGNATURE': spoil(valid), ...debug },
      });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        responseCode: '4014900',
        responseMessage: snapResponseMessage('unauthorized', 'Invalid Signature'),
      });
      expect(res.body.additionalInfo.debugMessage).toContain(`X-SIGNATURE ${reason(valid)}`);
      expect(
        (await sendApplyOtt(sandbox.app, 'demo-token-active', { body: ottBody, headers: { 'X-SIGNATURE': valid } }))
          .body.responseCode,
      ).toBe('2004900');
    },
  );

  it.each(malformations)(
    'answers the B2B token request 4017300 Invalid Signature for a signature %s, saying why',
    async (_form, spoil, reason) => {
      const valid = signAccessToken(demoPartner.partnerId, testTimestamp);
      const res = await sendTokenRequest(sandbox.app, { headers: { 'X-SIGNATURE': spoil(valid), ...debug } });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        responseCode: '4017300',
        responseMessage: snapResponseMessage('unauthorized', 'Invalid Signature'),
      });
      expect(res.body.additionalInfo.debugMessage).toContain(`X-SIGNATURE ${reason(valid)}`);
    },
  );

  it.each(malformations)(
    'answers Resend OTP 4018100 Invalid Signature for a signature %s, saying why',
    async (_form, spoil, reason) => {
      const body = JSON.stringify(otpBody('journey-encoding'));
      const valid = signSnap('POST', resendOtpPath, body, testTimestamp);
      const res = await sendResendOtp(sandbox.app, body, {
        token: b2bToken,
        headers: { 'X-SIGNATURE': spoil(valid), ...debug },
      });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        responseCode: '4018100',
        responseMessage: snapResponseMessage('unauthorized', 'Invalid Signature'),
      });
      expect(res.body.additionalInfo.debugMessage).toContain(`X-SIGNATURE ${reason(valid)}`);
      expect(
        (await sendResendOtp(sandbox.app, body, { token: b2bToken, headers: { 'X-SIGNATURE': valid } })).body
          .responseCode,
      ).not.toBe('4018100');
    },
  );

  it.each(malformations)(
    'answers the envelope INVALID_SIGNATURE naming signature for a signature %s, saying why',
    async (form, spoil, reason) => {
      const member = JSON.stringify({ head: pushHead(), body: pushBody() });
      const valid = signEnvelope(member);
      const session = `encoding-${malformations.findIndex(([f]) => f === form)}`;
      const res = await sendEnvelope(sandbox.app, {
        raw: `{"request":${member},"signature":${JSON.stringify(spoil(valid))}}`,
        headers: debug,
        session,
      });
      expect(res.body.response.body.resultInfo).toEqual({
        ...envelopeCases.invalidSignature,
        resultMsg: envelopeResultMsg('invalidSignature', 'signature'),
      });
      expect(res.body.response.body.additionalInfo.debugMessage).toContain(`signature ${reason(valid)}`);
      const fine = await sendEnvelope(sandbox.app, {
        raw: `{"request":${member},"signature":${JSON.stringify(valid)}}`,
        session,
      });
      expect(fine.body.response.body.resultInfo.resultCode).toBe(envelopeCases.successful.resultCode);
    },
  );
});
