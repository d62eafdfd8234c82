import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Dana } from 'dana-node';
import { setupServer } from 'msw/node';
import { createDanaHandlers, createSandbox, loadDemoPartner, type Sandbox } from 'dana-mock';

let sandbox: Sandbox;
const server = setupServer();
beforeAll(async () => {
  sandbox = await createSandbox({ inMemory: true, logLevel: 'silent' });
  server.use(...createDanaHandlers(sandbox)); // https://api.sandbox.dana.id and https://api.saas.dana.id
  server.listen({ onUnhandledRequest: 'bypass' });
});
afterAll(async () => {
  server.close();
  await sandbox.close();
});

it('gets an OTT through the unmodified dana-node SDK, then sees the clock-driven expiry', async () => {
  const demo = loadDemoPartner(); // TEST-ONLY
  const dana = new Dana({ partnerId: demo.partnerId, privateKey: demo.privateKey, env: 'sandbox' });
  const request = { userResources: ['OTT' as const], additionalInfo: { accessToken: 'my-token', deviceId: 'test' } };
  const control = sandbox.control;
  control.createFixtures('customerTokens', {
    value: 'my-token',
    customerId: 'cust-active',
    expiresAt: '2030-01-01T00:00:00+07:00',
  });

  expect((await dana.widgetApi.applyOTT(request)).responseCode).toBe('2004900');
  control.clock.set(new Date('2030-01-02T00:00:00+07:00')); // no waiting: move the sandbox clock
  await expect(dana.widgetApi.applyOTT(request)).rejects.toMatchObject({
    status: 401,
    rawResponse: { responseCode: '4014902' },
  });
});
