import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sha256Hex } from '../../server/core/rsa.js';
import request from 'supertest';
import { snapCases, snapResponseMessage } from '../../server/protocols/snap/snapCases.js';
import type { Sandbox } from '../../server/sandbox.js';
import { demoPartner, otherPartner } from '../support/partners.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { sendSnap, testTimestamp } from '../support/snapRequest.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { internalsOf } from '../../server/internals.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

const ott = (accessToken = 'demo-token-active') => ({ userResources: ['OTT'], additionalInfo: { accessToken } });
const expectCode = (res: { status: number; body: any }, status: number, code: string, message: string) => {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ responseCode: code, responseMessage: message });
};

describe('SNAP request checks on Apply OTT', () => {
  it('answers 4004902 naming X-TIMESTAMP when it is empty', async () => {
    expectCode(
      await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { 'X-TIMESTAMP': '' } }),
      400,
      '4004902',
      snapResponseMessage('invalidMandatoryField', 'X-TIMESTAMP'),
    );
  });

  it('answers 4004901 naming X-TIMESTAMP when it is not ISO-8601', async () => {
    expectCode(
      await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { 'X-TIMESTAMP': '2026-11-22 10:00:00+07:00' } }),
      400,
      '4004901',
      snapResponseMessage('invalidFieldFormat', 'X-TIMESTAMP'),
    );
  });

  it.each(['2026-11-22T03:00:00Z', '2026-11-21T22:00:00-05:00', '2026-11-22T10:00:00+07:00'])(
    'accepts X-TIMESTAMP %s with any ISO-8601 offset',
    async (timestamp) => {
      expect(
        (await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { 'X-TIMESTAMP': timestamp } })).body
          .responseCode,
      ).toBe('2004900');
    },
  );

  it("accepts dana-node's long CHANNEL-ID (<partnerId>-SERVER)", async () => {
    expect(
      (
        await sendApplyOtt(sandbox.app, 'demo-token-active', {
          headers: { 'CHANNEL-ID': `${demoPartner.partnerId}-SERVER` },
        })
      ).body.responseCode,
    ).toBe('2004900');
  });

  it.each([
    ['X-PARTNER-ID', 'X-PARTNER-ID'],
    ['X-EXTERNAL-ID', 'X-EXTERNAL-ID'],
    ['CHANNEL-ID', 'CHANNEL-ID'],
    ['X-DEVICE-ID', 'X-DEVICE-ID'],
    ['Authorization-Customer', 'Authorization-Customer'],
    ['X-SIGNATURE', 'X-SIGNATURE'],
  ])('answers 4004902 naming %s when it is missing', async (header, field) => {
    expectCode(
      await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { [header]: undefined } }),
      400,
      '4004902',
      snapResponseMessage('invalidMandatoryField', field),
    );
  });

  it('answers 4004901 naming X-EXTERNAL-ID when it is longer than 36 characters', async () => {
    expectCode(
      await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { 'X-EXTERNAL-ID': 'x'.repeat(37) } }),
      400,
      '4004901',
      snapResponseMessage('invalidFieldFormat', 'X-EXTERNAL-ID'),
    );
  });

  it('answers 4014900 Unauthorized. Unknown Client for an unregistered X-PARTNER-ID', async () => {
    expectCode(
      await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { 'X-PARTNER-ID': 'nobody' } }),
      401,
      '4014900',
      snapResponseMessage('unauthorized', 'Unknown Client'),
    );
  });

  it('answers 4014900 Unauthorized. Invalid Signature when the signature covers other bytes', async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      signedBody: JSON.stringify(ott('demo-token-expired')),
    });
    expectCode(res, 401, '4014900', snapResponseMessage('unauthorized', 'Invalid Signature'));
  });

  it("answers 4014900 when the request is signed with another partner's key", async () => {
    expectCode(
      await sendApplyOtt(sandbox.app, 'demo-token-active', { key: otherPartner.privateKey }),
      401,
      '4014900',
      snapResponseMessage('unauthorized', 'Invalid Signature'),
    );
  });

  it('verifies a pretty-printed body signed over its raw bytes or over its minified form', async () => {
    const pretty = JSON.stringify(ott(), null, 2);
    const headers = { 'Authorization-Customer': 'Bearer demo-token-active', 'X-DEVICE-ID': 'd' };
    const raw = await sendSnap(sandbox.app, { path: '/rest/v1.1/qr/apply-ott', body: pretty, headers });
    const minified = await sendSnap(sandbox.app, {
      path: '/rest/v1.1/qr/apply-ott',
      body: pretty,
      signedBody: JSON.stringify(ott()),
      headers,
    });
    expect([raw.body.responseCode, minified.body.responseCode]).toEqual(['2004900', '2004900']);
  });

  it('answers 4004900 Bad Request for a signed body that is not JSON', async () => {
    expectCode(
      await sendApplyOtt(sandbox.app, 'demo-token-active', { body: '{"userResources":["OTT"' }),
      400,
      '4004900',
      snapCases.badRequest.message,
    );
  });

  it("answers 4004901 naming userResources for an entry other than OTT (DANA's UAT case)", async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      body: {
        userResources: ['OTTasd!#$'],
        additionalInfo: { accessToken: 'demo-token-active', deviceId: '123456789033' },
      },
    });
    expectCode(res, 400, '4004901', snapResponseMessage('invalidFieldFormat', 'userResources'));
  });

  it('answers 4004902 naming additionalInfo.accessToken when the body lacks it', async () => {
    expectCode(
      await sendApplyOtt(sandbox.app, 'demo-token-active', { body: { userResources: ['OTT'], additionalInfo: {} } }),
      400,
      '4004902',
      snapResponseMessage('invalidMandatoryField', 'additionalInfo.accessToken'),
    );
  });

  it.each([
    ['additionalInfo', { userResources: ['OTT'], additionalInfo: null }],
    ['userResources', { userResources: null, additionalInfo: { accessToken: 'demo-token-active' } }],
    ['additionalInfo.accessToken', { userResources: ['OTT'], additionalInfo: { accessToken: null } }],
  ])('answers 4004902 naming %s when it is null, which counts as missing', async (field, body) => {
    expectCode(
      await sendApplyOtt(sandbox.app, 'demo-token-active', { body }),
      400,
      '4004902',
      snapResponseMessage('invalidMandatoryField', field),
    );
  });

  it('reports the header before the signature when both are wrong', async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      headers: { 'X-TIMESTAMP': '', 'X-SIGNATURE': 'AAAA' },
    });
    expect(res.body.responseCode).toBe('4004902');
  });

  it('reports X-TIMESTAMP before missing Authorization-Customer and X-DEVICE-ID (UAT order)', async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      headers: { 'X-TIMESTAMP': '', 'Authorization-Customer': undefined, 'X-DEVICE-ID': undefined },
    });
    expect(res.body.responseMessage).toBe(snapResponseMessage('invalidMandatoryField', 'X-TIMESTAMP'));
  });

  it('reports the signature before the body when both are wrong', async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      body: { userResources: ['NOPE'] },
      signedBody: '{}',
    });
    expect(res.body.responseCode).toBe('4014900');
  });

  it('reports the body before the customer token when both are wrong', async () => {
    const res = await sendApplyOtt(sandbox.app, 'no-such-token', {
      body: { userResources: ['NOPE'], additionalInfo: { accessToken: 'no-such-token' } },
    });
    expect(res.body.responseCode).toBe('4004901');
  });

  it('explains a signature failure under X-Debug-Mode: the string to sign, the body hash and the key', async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      key: otherPartner.privateKey,
      headers: { 'X-Debug-Mode': 'true' },
    });
    const debug: string = res.body.additionalInfo.debugMessage;
    expect(debug).toContain(`POST:/rest/v1.1/qr/apply-ott:`);
    expect(debug).toContain(`:${testTimestamp}`);
    expect(debug).toMatch(/Body SHA-256 \(as received\): [0-9a-f]{64}/);
    expect(debug).toContain(`partner ${demoPartner.partnerId}, key `);
  });

  it('shows the string to sign over the body as received and over its minified copy when they differ', async () => {
    const pretty = JSON.stringify(
      { userResources: ['OTT'], additionalInfo: { accessToken: 'demo-token-active' } },
      null,
      2,
    );
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      body: pretty,
      key: otherPartner.privateKey,
      headers: { 'X-Debug-Mode': 'true' },
    });
    const debug: string = res.body.additionalInfo.debugMessage;
    expect(debug).toContain(`Body SHA-256 (as received): ${sha256Hex(pretty)}`);
    expect(debug).toContain(
      `Also tried over the minified body: "POST:/rest/v1.1/qr/apply-ott:${sha256Hex(JSON.stringify(JSON.parse(pretty)))}:${testTimestamp}"`,
    );
  });

  it('accepts Content-Type in any letter case, as media types are case-insensitive', async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      headers: { 'Content-Type': 'Application/JSON; charset=UTF-8' },
    });
    expect(res.body.responseCode).toBe('2004900');
  });

  it('answers a wrong method with an Allow header naming the one it takes', async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', { method: 'PUT' });
    expect([res.status, res.headers.allow]).toEqual([405, 'POST']);
  });

  it('takes X-Debug-Mode: TRUE in any letter case', async () => {
    const res = await sendApplyOtt(sandbox.app, 'no-such-token', { headers: { 'X-Debug-Mode': 'TRUE' } });
    expect(res.body.additionalInfo.debugMessage).toContain('no-such-token');
  });

  it('adds debugMessage with X-Debug-Mode: 1 and never without it', async () => {
    const on = await sendApplyOtt(sandbox.app, 'no-such-token', { headers: { 'X-Debug-Mode': '1' } });
    const off = await sendApplyOtt(sandbox.app, 'no-such-token');
    expect(on.body.additionalInfo.debugMessage).toContain('no-such-token');
    expect(off.body.additionalInfo).toBeUndefined();
  });

  it('answers with Content-Type and a +07:00 X-TIMESTAMP read from the sandbox clock', async () => {
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active');
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-timestamp']).toBe(testTimestamp);
  });

  it('answers an unknown path with a SNAP 404 and a wrong method with a SNAP 405', async () => {
    const missing = await request(sandbox.app).post('/rest/v1.1/qr/nothing').send('{}');
    const wrong = await request(sandbox.app).get('/rest/v1.1/qr/apply-ott');
    expectCode(missing, 404, '4040002', snapCases.notFound.message);
    expectCode(wrong, 405, '4054900', snapCases.methodNotAllowed.message);
  });

  it('answers a body over the size limit in the SNAP envelope, never an HTML page', async () => {
    const res = await request(sandbox.app)
      .post('/rest/v1.1/qr/apply-ott')
      .set('Content-Type', 'application/json')
      .send('x'.repeat(1_100_000));
    expectCode(res, 400, '4004900', snapCases.badRequest.message);
  });

  it('answers an unexpected failure with 5004900 General Error and no stack trace', async () => {
    const broken = await createTestSandbox();
    const { store } = internalsOf(broken);
    const get = store.get.bind(store);
    store.get = ((collection: string, ...rest: [string, string?]) => {
      if (collection === 'customerTokens') throw new Error('disk on fire');
      return get(collection as 'customers', ...rest);
    }) as typeof get;
    const res = await sendApplyOtt(broken.app, 'demo-token-active');
    expect(res.body).toEqual({ responseCode: '5004900', responseMessage: snapCases.generalError.message });
    expect(res.text).not.toContain('disk on fire');
    await broken.close();
  });

  it('rejects X-TIMESTAMP beyond the configured clock skew with 4014900', async () => {
    const strict = await createTestSandbox({ clockSkewSeconds: 300 });
    const res = await sendApplyOtt(strict.app, 'demo-token-active', {
      headers: { 'X-TIMESTAMP': '2026-11-22T08:00:00+07:00' },
    });
    expectCode(res, 401, '4014900', snapResponseMessage('unauthorized', 'Invalid Timestamp'));
    expect((await sendApplyOtt(strict.app, 'demo-token-active')).body.responseCode).toBe('2004900');
    await strict.close();
  });
});
