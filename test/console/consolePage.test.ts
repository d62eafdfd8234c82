import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createTestSandbox } from '../support/testSandbox.js';

describe('GET /__admin/console', () => {
  it('serves one HTML page that loads only its own script and style, and may not be framed', async () => {
    const sandbox = await createTestSandbox();
    const page = await request(sandbox.app).get('/__admin/console');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.text).toContain('<script src="/__admin/console/console.js" defer></script>');
    const script = await request(sandbox.app).get('/__admin/console/console.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.text).toContain("'content-type': 'application/json'");
    await sandbox.close();
  });

  it('renders every section, each scenario with an arm form, and the sessions known', async () => {
    const sandbox = await createTestSandbox();
    sandbox.control.forSession('ci-7').armScenario({ endpoint: 'applyOtt', scenario: 'do-not-honor' });
    const { text } = await request(sandbox.app).get('/__admin/console');
    for (const id of ['journal', 'scenarios', 'clock', 'fixtures', 'money'])
      expect(text).toContain(`data-section="${id}"`);
    for (const scenario of sandbox.control.listScenarios('applyOtt'))
      expect(text).toContain(`data-scenario="${scenario.name}"`);
    expect(text).toContain('<option value="ci-7">');
    await sandbox.close();
  });

  it('offers every journal source in the journal filter: endpoints, pages and outbound notifies', async () => {
    const sandbox = await createTestSandbox();
    const { text } = await request(sandbox.app).get('/__admin/console');
    for (const id of ['transferToBank', 'createShop', 'oauthPage', 'checkoutPage', 'finishNotify'])
      expect(text).toContain(`<option value="${id}">`);
    await sandbox.close();
  });

  it('is refused to a foreign Host and behind the admin token, like every control route', async () => {
    const sandbox = await createTestSandbox({ adminToken: 'console-secret' });
    const rebound = await request(sandbox.app).get('/__admin/console').set('Host', 'evil.example');
    const anonymous = await request(sandbox.app).get('/__admin/console');
    const asset = await request(sandbox.app)
      .get('/__admin/console/secrets.txt')
      .set('X-Mock-Admin-Token', 'console-secret');
    expect([rebound.status, anonymous.status, asset.status]).toEqual([403, 401, 404]);
    await sandbox.close();
  });
});
