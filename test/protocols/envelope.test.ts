import { createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { verifyRsaSha256 } from '../../server/core/rsa.js';
import { envelopeCases, envelopeResultMsg } from '../../server/protocols/envelope/envelopeCases.js';
import { verifyEnvelopeSignature } from '../../server/protocols/envelope/envelopeSignature.js';
import { extractRawMember } from '../../server/protocols/envelope/extractRawMember.js';
import type { Sandbox } from '../../server/sandbox.js';
import { pushBody, pushHead, sendEnvelope } from '../endpoints/pushNotificationUser.requests.js';
import { signEnvelope } from '../support/envelopeRequest.js';
import { danaPublicKeyPem, demoPartner } from '../support/partners.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { internalsOf } from '../../server/internals.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox();
});
afterAll(() => sandbox.close());

/** A pretty-printed `request` member with escapes, exactly as some clients send it. */
const prettyRequest = (acquirementId: string) =>
  `{\n  "head" : ${JSON.stringify(pushHead(), null, 2)},\n  "body": {"acquirementId":"${acquirementId}", "bizType" : "MERCHANT_\\u004FRDER_NOTIF", "extendInfo":"{\\"a\\":\\"x\\\\/y\\"}"}\n}`;

const lastJournalSignature = (session: string) =>
  sandbox.control.forSession(session).journal().at(-1)!.verdicts.signature as { valid: boolean; matched?: string };

describe('the DANA Open API envelope', () => {
  it('extracts the raw request member with its whitespace and escapes untouched', () => {
    const member = '{ "head" : {"a":"b\\"}{[","n":[1, {"c":null}]} ,\n "body":{"s":"\\u0041"} }';
    const text = ` {"signature" : "sig",\n  "request" :\t${member}  , "tail": true}`;
    expect(extractRawMember(text, 'request')).toBe(member);
    expect(extractRawMember(text, 'signature')).toBe('"sig"');
    expect(extractRawMember(text, 'tail')).toBe('true');
  });

  it('extracts only a top-level member, the last of duplicates, and a key written with escapes', () => {
    expect(extractRawMember('{"outer":{"request":{"x":1}}}', 'request')).toBeUndefined();
    expect(extractRawMember('{"request":{"x":1},"request":{"x":2}}', 'request')).toBe('{"x":2}');
    expect(extractRawMember('{"\\u0072equest":[1,2]}', 'request')).toBe('[1,2]');
  });

  it('extracts nothing from text that is not a JSON object', () => {
    for (const text of ['', '[]', '"request"', '{"request":', '{"request":{"a":"b}', '{"request" 1}', '{}'])
      expect(extractRawMember(text, 'request')).toBeUndefined();
  });

  it('verifies a signature over the request member exactly as received', async () => {
    const member = prettyRequest('demo-order-active');
    const res = await sendEnvelope(sandbox.app, {
      raw: `{ "request" : ${member},\n "signature" : "${signEnvelope(member)}" }`,
      session: 'raw-bytes',
    });
    expect(res.body.response.body.resultInfo.resultCode).toBe(envelopeCases.successful.resultCode);
    expect(lastJournalSignature('raw-bytes')).toMatchObject({ valid: true, matched: 'raw' });
  });

  it('falls back to the compact JSON.stringify of the request member', async () => {
    const member = prettyRequest('demo-order-active');
    const res = await sendEnvelope(sandbox.app, {
      raw: `{"request":${member},"signature":"${signEnvelope(JSON.parse(member))}"}`,
      session: 'compact',
    });
    expect(res.body.response.body.resultInfo.resultCode).toBe(envelopeCases.successful.resultCode);
    expect(lastJournalSignature('compact')).toMatchObject({ valid: true, matched: 'compact' });
  });

  it('verifies a pretty-printed request signed over its compact text with escapes kept (PHP json_encode, Python ensure_ascii)', async () => {
    const requestMember = {
      head: pushHead(),
      body: pushBody('demo-order-active', { extendInfo: 'caf\u00e9 at http://dana.id/x' }),
    };
    const escape = (text: string) => text.replace(/\u00e9/g, '\\u00e9').replace(/\//g, '\\/');
    const compact = escape(JSON.stringify(requestMember));
    const pretty = escape(JSON.stringify(requestMember, null, 2));
    const res = await sendEnvelope(sandbox.app, {
      raw: `{"request":${pretty},"signature":"${signEnvelope(compact)}"}`,
      session: 'escapes',
    });
    expect(res.body.response.body.resultInfo.resultCode).toBe(envelopeCases.successful.resultCode);
    expect(lastJournalSignature('escapes')).toMatchObject({ valid: true, matched: 'minified' });
  });

  it('re-serialises the request member only once its text as received failed to verify', () => {
    const partner = internalsOf(sandbox).partners.get(demoPartner.partnerId)!;
    const member = JSON.stringify({ head: pushHead(), body: pushBody() });
    const unserialisable = {
      toJSON: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    };
    const raw = `{"request":${member},"signature":"${signEnvelope(member)}"}`;
    expect(verifyEnvelopeSignature(raw, unserialisable, signEnvelope(member), partner)).toMatchObject({
      valid: true,
      matched: 'raw',
    });
    expect(verifyEnvelopeSignature(raw, unserialisable, signEnvelope(`${member} `), partner)).toMatchObject({
      valid: false,
      compactRequestSha256: undefined,
    });
  });

  it('answers INVALID_SIGNATURE when neither text verifies, and journals why', async () => {
    const member = prettyRequest('demo-order-active');
    const res = await sendEnvelope(sandbox.app, {
      raw: `{"request":${member},"signature":"${signEnvelope(member + ' ')}"}`,
      session: 'bad-sig',
    });
    expect(res.status).toBe(200);
    expect(res.body.response.body.resultInfo).toEqual({
      ...envelopeCases.invalidSignature,
      resultMsg: envelopeResultMsg('invalidSignature', 'signature'),
    });
    expect(lastJournalSignature('bad-sig')).toMatchObject({
      valid: false,
      rawRequestSha256: expect.any(String),
      compactRequestSha256: expect.any(String),
    });
  });

  it('signs every response so that it verifies with the key from GET /__admin/keys/dana', async () => {
    const pem = await request(sandbox.app).get('/__admin/keys/dana');
    expect(pem.status).toBe(200);
    expect(pem.text).toContain('BEGIN PUBLIC KEY');
    const key = createPublicKey(pem.text);
    for (const call of [{ session: 'verify' }, { raw: 'not json' }, { path: '/v1/payments/nothing' }]) {
      const res = await sendEnvelope(sandbox.app, call);
      const signed = extractRawMember(res.text, 'response')!;
      expect(verifyRsaSha256(signed, res.body.signature, key)).toBe(true);
      expect(verifyRsaSha256(signed, res.body.signature, createPublicKey(danaPublicKeyPem))).toBe(true);
    }
  });

  it('emits exactly the bytes it signed: the response member, then the signature', async () => {
    const res = await sendEnvelope(sandbox.app, { session: 'bytes' });
    const signed = JSON.stringify(res.body.response);
    expect(res.text).toBe(`{"response":${signed},"signature":"${res.body.signature}"}`);
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(res.text)));
    expect(verifyRsaSha256(signed, res.body.signature, createPublicKey(danaPublicKeyPem))).toBe(true);
  });

  it('reports the first failing field in declaration order: a malformed head before a missing body field', async () => {
    const res = await sendEnvelope(sandbox.app, {
      raw: JSON.stringify({ request: { head: 'x', body: {} }, signature: 'x' }),
    });
    expect(res.body.response.body.resultInfo).toMatchObject({
      resultCode: 'PARAM_ILLEGAL',
      resultMsg: envelopeResultMsg('paramIllegal', 'request.head'),
    });
  });

  it('answers unreadable JSON with MSG_PARSE_ERROR and a head with nothing to echo', async () => {
    const res = await sendEnvelope(sandbox.app, { raw: '{"request":{"head":' });
    expect(res.status).toBe(200);
    expect(res.body.response.head).toEqual({
      version: '2.0',
      function: 'dana.mobilewallet.mobilepush.pushOrderNotify',
      respTime: '2026-11-22T10:00:00+07:00',
      reserve: '{}',
    });
    expect(res.body.response.body.resultInfo).toEqual(envelopeCases.msgParseError);
  });

  it('answers an unknown path under /v1/ with NO_INTERFACE_DEF and keeps SNAP elsewhere', async () => {
    const envelope = await sendEnvelope(sandbox.app, {
      path: '/v1/payments/nothing',
      body: pushBody(),
      head: pushHead({ reqMsgId: 'msg-unknown-path' }),
    });
    expect(envelope.status).toBe(200);
    expect(envelope.body.response.head).toMatchObject({
      clientId: pushHead().clientId,
      reqMsgId: 'msg-unknown-path',
      function: 'dana.mobilewallet.mobilepush.pushOrderNotify',
    });
    expect(envelope.body.response.body.resultInfo).toEqual(envelopeCases.noInterfaceDef);
    const snap = await request(sandbox.app).post('/v1.0/nothing').send('{}');
    expect(snap.status).toBe(404);
    expect(snap.body.responseCode).toBe('4040002');
  });

  it('explains a failure in additionalInfo.debugMessage with X-Debug-Mode, never on success', async () => {
    const failed = await sendEnvelope(sandbox.app, {
      head: pushHead({ clientSecret: 'wrong' }),
      headers: { 'X-Debug-Mode': 'true' },
      session: 'debug',
    });
    const fine = await sendEnvelope(sandbox.app, { headers: { 'X-Debug-Mode': 'true' }, session: 'debug' });
    expect(failed.body.response.body.additionalInfo.debugMessage).toMatch(/clientSecret/);
    expect(fine.body.response.body).toEqual({ resultInfo: envelopeCases.successful });
  });
});
