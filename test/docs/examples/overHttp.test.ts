import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Configuration, Dana } from 'dana-node';
import { createSandbox, loadDemoPartner, type Sandbox } from 'dana-mock';

let sandbox: Sandbox;
let baseUrl: string;
beforeAll(async () => {
  sandbox = await createSandbox({ inMemory: true, logLevel: 'silent' });
  baseUrl = (await sandbox.listen(0)).url; // any free port
});
afterAll(() => sandbox.close());

it('answers a scripted Do Not Honor once, then the real outcome, and counts the calls', async () => {
  const demo = loadDemoPartner(); // TEST-ONLY
  const dana = new Dana({ partnerId: demo.partnerId, privateKey: demo.privateKey, env: 'sandbox' });
  // dana-node has no base-URL option: replace the API object's configuration to reach the sandbox.
  (dana.widgetApi as unknown as { configuration: Configuration }).configuration = new Configuration({
    basePath: baseUrl,
  });
  sandbox.control.armScenario({ endpoint: 'applyOtt', scenario: 'do-not-honor', times: 1 });
  const request = {
    userResources: ['OTT' as const],
    additionalInfo: { accessToken: 'demo-token-active', deviceId: 'test' },
  };

  await expect(dana.widgetApi.applyOTT(request)).rejects.toMatchObject({
    status: 403,
    rawResponse: { responseCode: '4034905' },
  });
  expect((await dana.widgetApi.applyOTT(request)).responseCode).toBe('2004900');
  expect(sandbox.control.journal({ endpoint: 'applyOtt' })).toHaveLength(2);
});
