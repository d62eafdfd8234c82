import { internalsOf } from '../../server/internals.js';
import { describe, expect, it } from '@jest/globals';
import { maskedValue } from '../../server/core/maskJournalEntry.js';
import { admin } from '../support/admin.js';
import { demoPartner } from '../support/partners.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { sendApplyOtt } from '../endpoints/applyOtt.requests.js';
import { pushWire } from '../endpoints/pushNotificationUser.requests.js';

const privateKeyPem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';

describe('journal masking', () => {
  it('masks Authorization-Customer and Authorization in GET /__admin/journal, keeping the scheme', async () => {
    const sandbox = await createTestSandbox();
    await sendApplyOtt(sandbox.app, 'demo-token-active', { headers: { Authorization: 'Bearer b2b-secret' } });
    const [entry] = (await admin(sandbox, 'GET', '/journal')).body.entries;
    expect(entry.request.headers['authorization-customer']).toBe(`Bearer ${maskedValue}`);
    expect(entry.request.headers.authorization).toBe(`Bearer ${maskedValue}`);
    expect(JSON.stringify(entry)).not.toContain('b2b-secret');
    await sandbox.close();
  });

  it('shows them with ?reveal=true, and in-process with reveal: true', async () => {
    const sandbox = await createTestSandbox();
    await sendApplyOtt(sandbox.app, 'demo-token-active');
    const [revealed] = (await admin(sandbox, 'GET', '/journal?reveal=true')).body.entries;
    expect(revealed.request.headers['authorization-customer']).toBe('Bearer demo-token-active');
    expect(sandbox.control.journal({ reveal: true })[0].request.headers['authorization-customer']).toBe(
      'Bearer demo-token-active',
    );
    expect(sandbox.control.journal()[0].request.headers['authorization-customer']).toBe(`Bearer ${maskedValue}`);
    await sandbox.close();
  });

  it("masks the envelope head's clientSecret and private key material in bodies, and keeps the stored entry whole", async () => {
    const sandbox = await createTestSandbox();
    const { method, path, headers, body } = pushWire('jest-mask-1');
    const wire = { method, path, search: '', headers, rawBody: body! };
    await sandbox.handle(wire);
    const masked = sandbox.control.journal()[0];
    expect(masked.request.rawBody).toContain(`"clientSecret":"${maskedValue}"`);
    expect(masked.request.rawBody).not.toContain(demoPartner.clientSecret);
    expect(internalsOf(sandbox).journal.list()[0].request.rawBody).toBe(wire.rawBody);
    await sandbox.handle({ ...wire, rawBody: JSON.stringify({ key: privateKeyPem }) });
    const [, pem] = sandbox.control.journal();
    expect(pem.request.rawBody).not.toContain('MIIEvQ');
    expect(pem.request.rawBody).toContain(`-----BEGIN PRIVATE KEY-----${maskedValue}-----END PRIVATE KEY-----`);
    await sandbox.close();
  });
});
