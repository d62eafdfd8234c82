import { internalsOf } from '../../server/internals.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCollection } from '../../postman/buildCollection.js';
import { buildOpenApi } from '../../server/openapi/buildOpenApi.js';
import type { Sandbox } from '../../server/sandbox.js';
import { echoProbe } from '../fixtures/extraEndpoint/echoProbe.js';
import { admin } from '../support/admin.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { snapWire } from '../support/wireRequests.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createTestSandbox({ endpoints: [echoProbe] });
});
afterAll(() => sandbox.close());

let sent = 0;
const send = (headers: Record<string, string> = {}) => {
  const wire = snapWire('/probe/v1.0/echo', { message: 'hello' }, { 'x-external-id': `echo-${++sent}`, ...headers });
  return sandbox.handle({ method: 'POST', path: wire.path, search: '', headers: wire.headers, rawBody: wire.body! });
};

describe('an endpoint declared outside server/endpoints/, with its three homes in a test folder', () => {
  it('answers a signed request with its own behaviour and service code', async () => {
    const res = await send();
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ responseCode: '2009800', responseMessage: 'Successful', echo: 'hello' });
  });

  it('answers its scripted scenario from its own scenario pack', async () => {
    const res = await send({ 'x-mock-scenario': 'echo-refused' });
    expect(JSON.parse(res.body).responseCode).toBe('4039805');
  });

  it('is listed by GET /__admin/scenarios', async () => {
    const res = await admin(sandbox, 'GET', '/scenarios?endpoint=echoProbe');
    expect(res.body.scenarios.filter((s: { endpoint?: string }) => s.endpoint === 'echoProbe')).toEqual([
      { name: 'echo-refused', description: '4039805 Do Not Honor', case: 'doNotHonor', endpoint: 'echoProbe' },
    ]);
  });

  it('is in the OpenAPI document with its own schemas', () => {
    const operation = buildOpenApi(internalsOf(sandbox)).paths['/probe/v1.0/echo']?.post;
    expect(operation?.operationId).toBe('echoProbe');
    expect(operation?.requestBody).toEqual({
      required: true,
      // The example is the body of its Postman folder's base request.
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/echoProbe.request' },
          example: { message: 'hello' },
        },
      },
    });
    expect(Object.keys(operation!.responses)).toEqual(['403']);
  });

  it('is a folder of the Postman collection, with an item per scripted scenario', () => {
    const folder = buildCollection(internalsOf(sandbox)).item.find((f) => f.name === 'Echo probe');
    expect(folder?.item.map((i) => i.name)).toEqual(['Echo', 'Scenario echo-refused']);
  });

  it('stops start-up naming its missing scenario pack or schema', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'dana-mock-homes-'));
    await expect(
      createTestSandbox({ endpoints: [{ ...echoProbe, homes: { ...echoProbe.homes, scenariosDir: empty } }] }),
    ).rejects.toThrow(`Missing scenario pack ${join(empty, 'echoProbe.json')}`);
    await expect(
      createTestSandbox({ endpoints: [{ ...echoProbe, homes: { ...echoProbe.homes, schemasDir: empty } }] }),
    ).rejects.toThrow(`Missing schema ${join(empty, 'echoProbe', 'headers.json')}`);
  });
});
