import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { envelopeResultMsg, envelopeRows } from '../../server/protocols/envelope/envelopeCases.js';
import type { Sandbox } from '../../server/sandbox.js';
import { admin } from '../support/admin.js';
import { pushBody, pushHead, sendEnvelope, type EnvelopeCall } from './pushNotificationUser.requests.js';
import { demoPartner, otherPartner } from '../support/partners.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { internalsOf } from '../../server/internals.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

type RowKey = keyof typeof envelopeRows;
let sessions = 0;
const freshSession = () => `push-${++sessions}`;
const resultOf = (res: { body: { response: { body: { resultInfo: unknown } } } }) => res.body.response.body.resultInfo;
const expected = (key: RowKey, detail?: string) => ({
  ...envelopeRows[key],
  resultMsg: envelopeResultMsg(key, detail),
});

/** How each row of the seed's result table is reached from state, fixtures or the request itself. */
const rows: [RowKey, string | undefined, EnvelopeCall][] = [
  ['successful', undefined, {}],
  ['systemError', undefined, { body: pushBody('demo-order-system-error') }],
  ['paramIllegal', 'request.head.reqTime', { head: pushHead({ reqTime: '2026-11-22T10:00:00' }) }],
  ['paramMissing', 'request.head.clientId', { head: pushHead({ clientId: undefined }) }],
  ['invalidSignature', 'signature', { key: otherPartner.privateKey }],
  ['keyNotFound', 'request.head.clientId', { head: pushHead({ clientId: '2026112299999999999999' }) }],
  ['noInterfaceDef', undefined, { path: '/v1/payments/pushNotificationUserX' }],
  ['invalidApi', undefined, { method: 'get' }],
  ['msgParseError', undefined, { raw: '{"request":{"head":{}}' }],
  ['oauthFailed', 'request.head.clientSecret', { head: pushHead({ clientSecret: otherPartner.clientSecret }) }],
  [
    'functionNotMatch',
    'request.head.function',
    { head: pushHead({ function: 'dana.mobilewallet.mobilepush.mobilePushNotify' }) },
  ],
  [
    'redirectUrlIllegal',
    'merchant.example/orders/demo-order-bad-redirect',
    { body: pushBody('demo-order-bad-redirect') },
  ],
  ['merchantNotMatch', 'request.body.acquirementId', { body: pushBody('demo-order-other-merchant') }],
  ['invalidTransId', 'request.body.acquirementId', { body: pushBody('no-such-order') }],
  ['moreThanOnceInvoke', 'request.body.bizType', { session: 'already-pushed' }],
  [
    'notSupportedMerchant',
    'request.head.clientId',
    {
      key: otherPartner.privateKey,
      head: pushHead({ clientId: otherPartner.partnerId, clientSecret: otherPartner.clientSecret }),
      body: pushBody('demo-order-other-merchant'),
    },
  ],
];

describe('pushNotificationUser', () => {
  it('reaches every row of the seed result table', () => {
    expect(rows.map(([key]) => key).sort()).toEqual(Object.keys(envelopeRows).sort());
  });

  it.each(rows)('answers %s over HTTP 200 with its seed result', async (key, detail, call) => {
    if (key === 'moreThanOnceInvoke') await sendEnvelope(sandbox.app, call);
    const res = await sendEnvelope(sandbox.app, { session: freshSession(), ...call });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(resultOf(res)).toEqual(expected(key, detail));
    expect(internalsOf(sandbox).endpoints.get('pushNotificationUser')!.validators.response(res.body)).toBe(true);
  });

  it.each([
    ['an unknown accessToken', 'no-such-token'],
    ['an expired accessToken', 'demo-token-expired'],
    ['a revoked accessToken', 'demo-token-revoked'],
    ["the accessToken of a customer who is not the order's", 'demo-token-abnormal'],
  ])('answers OAUTH_FAILED naming request.head.accessToken for %s', async (_what, accessToken) => {
    const res = await sendEnvelope(sandbox.app, { head: pushHead({ accessToken }), session: freshSession() });
    expect(resultOf(res)).toEqual(expected('oauthFailed', 'request.head.accessToken'));
  });

  it('answers MORE_THAN_ONCE_INVOKE only for the same bizType of the same order', async () => {
    const session = freshSession();
    const codes = [];
    for (const [id, bizType] of [
      ['demo-order-active', 'A'],
      ['demo-order-active', 'B'],
      ['20201109111212800110166173600064152', 'A'],
      ['demo-order-active', 'A'],
    ])
      codes.push(
        (await sendEnvelope(sandbox.app, { body: pushBody(id, { bizType }), session })).body.response.body.resultInfo
          .resultCode,
      );
    expect(codes).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS', 'MORE_THAN_ONCE_INVOKE']);
  });

  it('echoes clientId, reqMsgId, function and version, with respTime in +07:00 and reserve "{}"', async () => {
    for (const version of ['1.0', '2.0']) {
      const res = await sendEnvelope(sandbox.app, {
        head: pushHead({ version, reqMsgId: `msg-${version}` }),
        session: freshSession(),
      });
      expect(res.body.response.head).toEqual({
        version,
        function: 'dana.mobilewallet.mobilepush.pushOrderNotify',
        clientId: demoPartner.partnerId,
        respTime: '2026-11-22T10:00:00+07:00',
        reqMsgId: `msg-${version}`,
        reserve: '{}',
      });
    }
  });

  it('echoes clientId and reqMsgId on failures too, and answers an unknown version with PARAM_ILLEGAL', async () => {
    const res = await sendEnvelope(sandbox.app, { head: pushHead({ version: '3.0', reqMsgId: 'msg-bad-version' }) });
    expect(resultOf(res)).toEqual(expected('paramIllegal', 'request.head.version'));
    expect(res.body.response.head).toMatchObject({
      version: '2.0',
      clientId: demoPartner.partnerId,
      reqMsgId: 'msg-bad-version',
    });
  });

  it.each([
    ['a string', '{}'],
    ['an object (dana-node)', {}],
    ['absent', undefined],
  ])('accepts reserve as %s', async (_what, reserve) => {
    const res = await sendEnvelope(sandbox.app, { head: pushHead({ reserve }), session: freshSession() });
    expect(resultOf(res)).toEqual(expected('successful'));
  });

  it.each([
    ['a +0700 offset without its colon', '2026-11-22T10:00:00+0700'],
    ['an hours-only +07 offset', '2026-11-22T10:00:00+07'],
    ['a space instead of T', '2026-11-22 10:00:00+07:00'],
    ['no offset', '2026-11-22T10:00:00'],
    ['no seconds', '2026-11-22T10:00+07:00'],
    ['a dot without fraction digits', '2026-11-22T10:00:00.+07:00'],
    ['a month 13', '2026-13-22T10:00:00+07:00'],
  ])('answers PARAM_ILLEGAL naming request.head.reqTime for %s (not RFC 3339)', async (_what, reqTime) => {
    const res = await sendEnvelope(sandbox.app, { head: pushHead({ reqTime }), session: freshSession() });
    expect(resultOf(res)).toEqual(expected('paramIllegal', 'request.head.reqTime'));
  });

  it.each([
    ['+07:00', '2026-11-22T10:00:00+07:00'],
    ['Z', '2026-11-22T03:00:00Z'],
    ['a negative offset', '2026-11-21T22:00:00-05:00'],
    ['a fraction of a second', '2026-11-22T10:00:00.123456+07:00'],
    ['lower-case t and z (RFC 3339 5.6 NOTE)', '2026-11-22t03:00:00z'],
  ])('accepts reqTime with %s', async (_what, reqTime) => {
    const res = await sendEnvelope(sandbox.app, { head: pushHead({ reqTime }), session: freshSession() });
    expect(resultOf(res)).toEqual(expected('successful'));
  });

  it.each([
    ['request.head.clientId', { head: pushHead({ clientId: null }) }],
    ['request.head.reqTime', { head: pushHead({ reqTime: null }) }],
    ['request.body.acquirementId', { body: pushBody('demo-order-active', { acquirementId: null }) }],
  ])('answers PARAM_MISSING naming %s when it is null, which counts as missing', async (field, call) => {
    const res = await sendEnvelope(sandbox.app, { ...call, session: freshSession() });
    expect(resultOf(res)).toEqual(expected('paramMissing', field));
  });

  it('answers PARAM_ILLEGAL naming request.head.reserve when the optional member is null', async () => {
    const res = await sendEnvelope(sandbox.app, { head: pushHead({ reserve: null }), session: freshSession() });
    expect(resultOf(res)).toEqual(expected('paramIllegal', 'request.head.reserve'));
  });

  it("accepts the seed's sample request with the demo partner's credentials: 35-digit acquirementId, reqTime in +00:00", async () => {
    const res = await sendEnvelope(sandbox.app, {
      head: pushHead({ reqTime: '2020-11-12T18:50:59+00:00' }),
      body: pushBody('20201109111212800110166173600064152'),
      session: freshSession(),
    });
    expect(resultOf(res)).toEqual(expected('successful'));
  });

  it('answers the scripted result of X-Mock-Scenario after the envelope checks pass', async () => {
    const res = await sendEnvelope(sandbox.app, {
      headers: { 'X-Mock-Scenario': 'system-error' },
      session: freshSession(),
    });
    expect(resultOf(res)).toEqual(expected('systemError'));
  });

  it("lists a delivered notification in the customer's inbox, filtered by customerId and acquirementId", async () => {
    const session = freshSession();
    await sendEnvelope(sandbox.app, { session });
    await sendEnvelope(sandbox.app, { body: pushBody('20201109111212800110166173600064152'), session });
    const all = await admin(sandbox, 'GET', '/notifications?customerId=cust-active', undefined, session);
    const one = await admin(sandbox, 'GET', '/notifications?acquirementId=demo-order-active', undefined, session);
    const none = await admin(sandbox, 'GET', '/notifications?customerId=cust-abnormal', undefined, session);
    expect(all.status).toBe(200);
    expect(all.body.notifications.map((n: { acquirementId: string }) => n.acquirementId)).toEqual([
      'demo-order-active',
      '20201109111212800110166173600064152',
    ]);
    expect(one.body.notifications).toEqual([
      {
        id: expect.any(String),
        customerId: 'cust-active',
        acquirementId: 'demo-order-active',
        bizType: 'MERCHANT_ORDER_NOTIF',
        partnerId: demoPartner.partnerId,
        deliveredAt: '2026-11-22T03:00:00.000Z',
        body: pushBody(),
      },
    ]);
    expect(none.body.notifications).toEqual([]);
  });

  it("keeps each session's inbox and orders to itself", async () => {
    const order = {
      acquirementId: 'order-of-session-a',
      merchantClientId: demoPartner.partnerId,
      customerId: 'cust-active',
    };
    expect((await admin(sandbox, 'POST', '/fixtures/orders', order, 'inbox-a')).status).toBe(201);
    expect(
      resultOf(await sendEnvelope(sandbox.app, { body: pushBody(order.acquirementId), session: 'inbox-a' })),
    ).toEqual(expected('successful'));
    expect(
      resultOf(await sendEnvelope(sandbox.app, { body: pushBody(order.acquirementId), session: 'inbox-b' })),
    ).toEqual(expected('invalidTransId', 'request.body.acquirementId'));
    expect((await admin(sandbox, 'GET', '/notifications', undefined, 'inbox-a')).body.notifications).toHaveLength(1);
    expect((await admin(sandbox, 'GET', '/notifications', undefined, 'inbox-b')).body.notifications).toEqual([]);
    expect((await admin(sandbox, 'GET', '/notifications?acquirementId=order-of-session-a')).body.notifications).toEqual(
      [],
    );
  });
});
