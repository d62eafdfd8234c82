import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { Journal, journalBodyCap, type JournalEntry } from '../../server/core/journal.js';
import { admin } from '../support/admin.js';
import { otherPartner } from '../support/partners.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { createTestSandbox } from '../support/testSandbox.js';

const entry = (id: string): JournalEntry => ({
  id,
  at: '',
  verdicts: {},
  request: { method: 'POST', path: '/', search: '', headers: {}, rawBody: '' },
  response: { status: 200, headers: {}, body: '' },
});

describe('journal', () => {
  it('records request, response, code and the signature verdict of every exchange, rejections included', async () => {
    const sandbox = await createTestSandbox();
    await sendApplyOtt(sandbox.app, 'demo-token-active');
    await sendApplyOtt(sandbox.app, 'demo-token-active', { key: otherPartner.privateKey });
    const [ok, rejected] = sandbox.control.journal();
    expect(ok).toMatchObject({
      endpoint: 'applyOtt',
      code: '2004900',
      verdicts: { signature: { valid: true, matched: 'raw' } },
      response: { status: 200 },
    });
    expect(rejected).toMatchObject({ code: '4014900', verdicts: { signature: { valid: false } } });
    expect(rejected.debug).toContain('String to sign computed by the sandbox');
    expect(JSON.parse(rejected.request.rawBody)).toEqual({
      userResources: ['OTT'],
      additionalInfo: { accessToken: 'demo-token-active' },
    });
    await sandbox.close();
  });

  it('records every schema error of a refused request, not only the one reported', async () => {
    const sandbox = await createTestSandbox();
    await sendApplyOtt(sandbox.app, 'demo-token-active', { body: { userResources: ['PASSWORD'] } });
    const [refused] = sandbox.control.journal();
    expect(refused.code).toBe('4004901');
    expect(refused.verdicts.body).toEqual(
      expect.arrayContaining([expect.stringContaining('additionalInfo'), expect.stringContaining('userResources')]),
    );
    await sandbox.close();
  });

  it('counts calls by endpoint and code over /__admin, for "was it called N times"', async () => {
    const sandbox = await createTestSandbox();
    for (const token of ['demo-token-active', 'demo-token-active', 'no-such-token'])
      await sendApplyOtt(sandbox.app, token);
    expect((await admin(sandbox, 'GET', '/journal/count?endpoint=applyOtt')).body).toEqual({ count: 3 });
    expect((await admin(sandbox, 'GET', '/journal/count?code=4014904')).body).toEqual({ count: 1 });
    expect((await admin(sandbox, 'GET', '/journal?code=2004900')).body.entries).toHaveLength(2);
    await admin(sandbox, 'DELETE', '/journal');
    expect((await admin(sandbox, 'GET', '/journal/count')).body).toEqual({ count: 0 });
    await sandbox.close();
  });

  it('keeps only the newest entries up to its cap, oldest first', () => {
    const journal = new Journal(3);
    ['a', 'b', 'c', 'd', 'e'].forEach((id) => journal.record(entry(id)));
    expect(journal.list().map((e) => e.id)).toEqual(['c', 'd', 'e']);
  });

  it('is capped by --journal-limit', async () => {
    const sandbox = await createTestSandbox({ journalLimit: 2 });
    for (let i = 0; i < 4; i++) await sendApplyOtt(sandbox.app, 'demo-token-active');
    expect(sandbox.control.journal()).toHaveLength(2);
    await sandbox.close();
  });

  it('keeps a request body over 64 KiB as its first 64 KiB, marked truncated with its full length and SHA-256', async () => {
    const sandbox = await createTestSandbox();
    const raw = JSON.stringify({
      userResources: ['OTT'],
      additionalInfo: { accessToken: 'demo-token-active', padding: 'x'.repeat(300_000) },
    });
    await sendApplyOtt(sandbox.app, 'demo-token-active', { body: raw });
    const [entry] = sandbox.control.journal();
    expect(entry.request.rawBody).toBe(raw.slice(0, journalBodyCap));
    expect(entry.request.rawBodyTruncated).toEqual({
      truncated: true,
      bytes: Buffer.byteLength(raw),
      sha256: createHash('sha256').update(raw).digest('hex'),
    });
    expect(entry.response.bodyTruncated).toBeUndefined();
    await sandbox.close();
  });

  it('keeps small request and response bodies whole, with no truncation marker', async () => {
    const sandbox = await createTestSandbox();
    const response = await sendApplyOtt(sandbox.app, 'demo-token-active');
    const [entry] = sandbox.control.journal();
    expect(JSON.parse(entry.request.rawBody)).toEqual({
      userResources: ['OTT'],
      additionalInfo: { accessToken: 'demo-token-active' },
    });
    expect(entry.response.body).toBe(response.text);
    expect(entry.request).not.toHaveProperty('rawBodyTruncated');
    expect(entry.response).not.toHaveProperty('bodyTruncated');
    await sandbox.close();
  });

  it('cuts a long response body too, on a whole character, and keeps a body of exactly the cap whole', () => {
    const journal = new Journal(2, 10);
    const long = 'abcdefghi\u00e9\u00e9';
    journal.record({ ...entry('long'), response: { status: 200, headers: {}, body: long } });
    journal.record({ ...entry('fits'), request: { ...entry('fits').request, rawBody: '0123456789' } });
    const [cut, fits] = journal.list();
    expect(cut.response.body).toBe('abcdefghi');
    expect(cut.response.bodyTruncated).toEqual({
      truncated: true,
      bytes: 13,
      sha256: createHash('sha256').update(long).digest('hex'),
    });
    expect(fits.request.rawBody).toBe('0123456789');
    expect(fits.request.rawBodyTruncated).toBeUndefined();
  });
});
