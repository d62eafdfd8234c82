import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { createPartner, loadPartnersFile, parsePublicKey, partnerIdMaxLength } from '../../server/core/partners.js';
import { pushBody, pushHead, sendEnvelope } from '../endpoints/pushNotificationUser.requests.js';
import { demoPartner, root } from '../support/partners.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { internalsOf } from '../../server/internals.js';

const pem = readFileSync(join(root, 'keys/demo-partner/public.pem'), 'utf8');
const key = createPublicKey(pem);
const der = (type: 'spki' | 'pkcs1') => (key.export({ type, format: 'der' }) as Buffer).toString('base64');
const oneLine = (text: string) => text.trim().split(/\r?\n/).join(' ');

describe('partner keys', () => {
  it.each([
    ['SPKI PEM', pem],
    ['PKCS#1 PEM', key.export({ type: 'pkcs1', format: 'pem' }).toString()],
    ["bare base64 SPKI DER, as DANA's dashboard shows it", der('spki')],
    ['bare base64 PKCS#1 DER', der('pkcs1')],
    ['SPKI PEM on one line, spaces for line breaks, as pasted from a dashboard', oneLine(pem)],
    ['PKCS#1 PEM on one line', oneLine(key.export({ type: 'pkcs1', format: 'pem' }).toString())],
    ['SPKI PEM with literal \\n escapes, as in a .env file or JSON string', pem.replace(/\n/g, '\\n')],
    ['SPKI PEM with literal \\r\\n escapes', pem.replace(/\n/g, '\\r\\n')],
    [
      'PEM with CRLF line breaks and a body wrapped at 76 columns',
      `-----BEGIN PUBLIC KEY-----\r\n${der('spki')
        .match(/.{1,76}/g)!
        .join('\r\n')}\r\n-----END PUBLIC KEY-----\r\n`,
    ],
    [
      'bare base64 DER with literal \\n escapes',
      der('spki')
        .match(/.{1,64}/g)!
        .join('\\n'),
    ],
  ])('parses a public key given as %s to the same key', (_form, text) => {
    expect(parsePublicKey(text).equals(key)).toBe(true);
  });

  it('names the source and the partner when a key cannot be parsed', () => {
    expect(() => createPartner({ partnerId: 'p1', publicKey: 'not a key' }, 'partners.json partners[0]')).toThrow(
      /partners\.json partners\[0\]: cannot parse the key of partner p1/,
    );
  });

  it('registers partners from a partners file with keys as base64 DER', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dana-mock-partners-'));
    const file = join(dir, 'partners.json');
    writeFileSync(file, JSON.stringify({ partners: [{ partnerId: 'file-partner', publicKey: der('spki') }] }));
    expect(loadPartnersFile(file).map((p) => p.partnerId)).toEqual(['file-partner']);
    const sandbox = await createTestSandbox({ partnersFile: file });
    const res = await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { 'X-PARTNER-ID': 'file-partner' } });
    expect(res.body.responseCode).toBe('2004900');
    await sandbox.close();
  });

  it('stops start-up with the file name when a key file is broken', async () => {
    const keysDir = mkdtempSync(join(tmpdir(), 'dana-mock-keys-'));
    cpSync(join(root, 'keys'), keysDir, { recursive: true });
    writeFileSync(
      join(keysDir, 'demo-partner/public.pem'),
      '-----BEGIN PUBLIC KEY-----\nbroken\n-----END PUBLIC KEY-----\n',
    );
    await expect(createTestSandbox({ keysDir })).rejects.toThrow(join(keysDir, 'demo-partner/public.pem'));
  });

  it('registers a partner at run time through the control plane, and refuses a bad key with 400', async () => {
    const sandbox = await createTestSandbox();
    const fresh = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const spki = fresh.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(sandbox.control.registerPartner({ partnerId: 'runtime-partner', publicKey: spki }).partnerId).toBe(
      'runtime-partner',
    );
    const ok = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      key: fresh.privateKey,
      headers: { 'X-PARTNER-ID': 'runtime-partner' },
    });
    expect(ok.body.responseCode).toBe('2004900');
    const bad = await sandbox.handle({
      method: 'POST',
      path: '/__admin/keys/partners',
      search: '',
      headers: {},
      rawBody: JSON.stringify({ partnerId: 'x', publicKey: 'nope' }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toContain('cannot parse the key of partner x');
    await sandbox.close();
  });

  it("registers a key pasted as a one-line PEM through the control plane, and verifies the partner's signatures with it", async () => {
    const sandbox = await createTestSandbox();
    const fresh = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pasted = oneLine(fresh.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const res = await sandbox.handle({
      method: 'POST',
      path: '/__admin/keys/partners',
      search: '',
      headers: {},
      rawBody: JSON.stringify({ partnerId: 'pasted-partner', publicKey: pasted }),
    });
    const signed = await sendApplyOtt(sandbox.app, 'demo-token-active', {
      key: fresh.privateKey,
      headers: { 'X-PARTNER-ID': 'pasted-partner' },
    });
    await sandbox.close();
    expect([res.status, signed.body.responseCode]).toEqual([201, '2004900']);
  });

  it('still refuses a private key pasted with literal \\n escapes as a public key', () => {
    const privatePem = readFileSync(join(root, 'keys/demo-partner/private.pem'), 'utf8').replace(/\n/g, '\\n');
    expect(() => createPartner({ partnerId: 'leaky', publicKey: privatePem }, 'test')).toThrow('is a private key');
  });

  it('refuses a private key offered as a public key, so it never lands in the data file', async () => {
    const sandbox = await createTestSandbox();
    const privatePem = readFileSync(join(root, 'keys/demo-partner/private.pem'), 'utf8');
    const res = await sandbox.handle({
      method: 'POST',
      path: '/__admin/keys/partners',
      search: '',
      headers: {},
      rawBody: JSON.stringify({ partnerId: 'leaky', publicKey: privatePem }),
    });
    expect([res.status, JSON.parse(res.body).error.message]).toEqual([
      400,
      expect.stringContaining('is a private key'),
    ]);
    expect(internalsOf(sandbox).store.list('partners')).toEqual([]);
    await sandbox.close();
  });

  it('registers a partner id of 32 characters, the most the envelope head.clientId takes, and that partner can push', async () => {
    const sandbox = await createTestSandbox();
    const fresh = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const partnerId = '8'.repeat(partnerIdMaxLength);
    const publicKey = fresh.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const res = await sandbox.handle({
      method: 'POST',
      path: '/__admin/keys/partners',
      search: '',
      headers: {},
      rawBody: JSON.stringify({ partnerId, publicKey, clientSecret: 'long-id-secret' }),
    });
    await sandbox.control.createFixtures('orders', [
      { acquirementId: 'order-of-long-id', merchantClientId: partnerId, customerId: 'cust-active' },
    ]);
    const push = await sendEnvelope(sandbox.app, {
      head: pushHead({ clientId: partnerId, clientSecret: 'long-id-secret' }),
      body: pushBody('order-of-long-id'),
      key: fresh.privateKey,
    });
    await sandbox.close();
    expect([partnerIdMaxLength, res.status, JSON.parse(push.text).response.body.resultInfo.resultCode]).toEqual([
      32,
      201,
      'SUCCESS',
    ]);
  });

  it('refuses a partner id longer than 32 characters with 400 naming partnerId, since it could never push', async () => {
    const sandbox = await createTestSandbox();
    const res = await sandbox.handle({
      method: 'POST',
      path: '/__admin/keys/partners',
      search: '',
      headers: {},
      rawBody: JSON.stringify({ partnerId: '8'.repeat(33), publicKey: der('spki') }),
    });
    await sandbox.close();
    expect([res.status, JSON.parse(res.body).error.message]).toEqual([
      400,
      'Invalid body at /partnerId: must NOT have more than 32 characters',
    ]);
  });

  it('refuses a partner id longer than 32 characters from a partners file, naming the file and the envelope limit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dana-mock-partners-'));
    const file = join(dir, 'partners.json');
    writeFileSync(file, JSON.stringify({ partners: [{ partnerId: '8'.repeat(36), publicKey: der('spki') }] }));
    expect(() => loadPartnersFile(file)).toThrow(
      `${file} partners[0]: partnerId ${'8'.repeat(36)} has 36 characters; at most 32, as the envelope's head.clientId allows`,
    );
  });

  it('ships the demo partner as TEST-ONLY', () => {
    expect(readFileSync(join(root, 'keys/demo-partner/partner.json'), 'utf8')).toContain('TEST-ONLY');
    expect(demoPartner.partnerId).toMatch(/^\d{22}$/);
  });
});
