import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import request from 'supertest';
import { adminRoutes } from '../../server/admin/adminRoutes.js';
import { buildOpenApi, type OpenApiDocument, type OpenApiOperation } from '../../server/openapi/buildOpenApi.js';
import { findPackageRoot } from '../../server/packageRoot.js';
import type { Sandbox } from '../../server/sandbox.js';
import { openApiFile, renderOpenApiFile } from '../../postman/writeOpenApi.js';
import { createTestSandbox } from '../support/testSandbox.js';
import { internalsOf } from '../../server/internals.js';

let sandbox: Sandbox;
let doc: OpenApiDocument;

beforeAll(async () => {
  // A proxy's or mapped name must be allowed for /__admin to answer it at all (--allowed-hosts).
  sandbox = await createTestSandbox({ allowedHosts: ['sandbox.test'] });
  doc = buildOpenApi(internalsOf(sandbox));
});
afterAll(() => sandbox.close());

const methods = ['get', 'put', 'post', 'delete', 'patch'];
const operations = (d: OpenApiDocument): OpenApiOperation[] =>
  Object.values(d.paths).flatMap((item) =>
    Object.entries(item)
      .filter(([m]) => methods.includes(m))
      .map(([, op]) => op),
  );
const operationAt = (path: string, method: string) => doc.paths[path]?.[method.toLowerCase()];

/** Every `$ref` string in the tree, with where it sits. */
function collectRefs(node: unknown, at = '#'): { at: string; ref: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => collectRefs(item, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [{ at, ref: value }] : collectRefs(value, `${at}/${key}`),
  );
}

/** Follows a local JSON pointer (`#/a/b~1c`); undefined where it leads nowhere. */
function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const segments = ref
    .slice(1)
    .split('/')
    .slice(1)
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
  return segments.reduce<unknown>(
    (node, segment) =>
      node !== null && typeof node === 'object' && Object.hasOwn(node, segment)
        ? (node as Record<string, unknown>)[segment]
        : undefined,
    root,
  );
}

describe('the OpenAPI document', () => {
  test('is valid OpenAPI 3.1, references included', async () => {
    const result = await new Validator().validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  test('has an operation for every endpoint path, aliases included, and for every control route', () => {
    for (const endpoint of internalsOf(sandbox).endpoints.list()) {
      for (const path of endpoint.paths)
        expect({ path, operation: operationAt(path, endpoint.method)?.tags }).toEqual({
          path,
          operation: [endpoint.protocol.name === 'snap' ? 'SNAP' : 'Open API envelope'],
        });
    }
    for (const route of adminRoutes) {
      const path = `/__admin${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
      expect({ path, summary: operationAt(path, route.method)?.summary }).toEqual({ path, summary: route.summary });
    }
    const ids = operations(doc).map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('takes the Apply OTT request schema from schemas/, minus $id and $schema', () => {
    const { $id, $schema, ...file } = JSON.parse(
      readFileSync(join(findPackageRoot(), 'schemas', 'applyOtt', 'request.json'), 'utf8'),
    );
    const body = operationAt('/rest/v1.1/qr/apply-ott', 'POST')?.requestBody as any;
    const ref: string = body.content['application/json'].schema.$ref;
    expect(ref).toBe('#/components/schemas/applyOtt.request');
    expect(resolvePointer(doc, ref)).toEqual(file);
  });

  test('embeds the very schema Ajv compiled, without touching it', () => {
    const compiled = internalsOf(sandbox).endpoints.get('applyOtt')!.validators.request.schema;
    expect(doc.components.schemas['applyOtt.request']).not.toBe(compiled);
    const clock = internalsOf(sandbox).schemas.getSchema('admin.clock.json')!.schema as Record<string, unknown>;
    expect(clock.$id).toBe('admin.clock.json');
    expect(doc.components.schemas['admin.clock']).not.toHaveProperty('$id');
  });

  test('resolves every $ref to an existing node of the document', () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter(({ ref }) => resolvePointer(doc, ref) === undefined)).toEqual([]);
    expect(operationAt('/__admin/clock/freeze', 'POST')?.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/admin.clock/definitions/freeze' } } },
    });
  });

  test('rewrites refs inside an embedded schema to point into components', async () => {
    const routes = [
      {
        method: 'POST' as const,
        path: '/fixtures-probe',
        bodySchema: 'fixtures.schema.json',
        summary: 'probe',
        handle: () => ({ status: 200, body: {} }),
      },
    ];
    const probe = buildOpenApi(internalsOf(sandbox), routes);
    const customers = resolvePointer(probe, '#/components/schemas/fixtures.schema/properties/customers/items');
    expect(customers).toEqual({ $ref: '#/components/schemas/fixtures.schema/definitions/customer' });
    expect(collectRefs(probe).filter(({ ref }) => resolvePointer(probe, ref) === undefined)).toEqual([]);
    expect(await new Validator().validate(structuredClone(probe) as unknown as Record<string, unknown>)).toEqual({
      valid: true,
    });
  });

  test('names SNAP header parameters as DANA spells them, without Content-Type or a duplicate', () => {
    const names = operationAt('/v1.0/access-token/b2b', 'POST')!.parameters.map((p) => `${p.in}:${p.name}`);
    expect(names).toEqual([
      'header:X-TIMESTAMP',
      'header:X-CLIENT-KEY',
      'header:X-SIGNATURE',
      'header:X-Mock-Scenario',
      'header:X-Mock-Session',
      'header:X-Debug-Mode',
    ]);
    for (const op of operations(doc)) {
      const lower = op.parameters.map((p) => `${p.in}:${p.name.toLowerCase()}`);
      expect(lower).not.toContain('header:content-type');
      expect(new Set(lower).size).toBe(lower.length);
    }
  });

  test("lists each endpoint's scenario names under X-Mock-Scenario", () => {
    for (const endpoint of internalsOf(sandbox).endpoints.list()) {
      const header = operationAt(endpoint.paths[0], endpoint.method)!.parameters.find(
        (p) => p.name === 'X-Mock-Scenario',
      );
      expect(header?.schema.enum).toEqual(internalsOf(sandbox).scenarios.names(endpoint.id));
    }
    expect(
      operationAt('/rest/v1.1/qr/apply-ott', 'POST')!.parameters.find((p) => p.name === 'X-Mock-Scenario')?.schema.enum,
    ).toContain('timeout');
  });

  test('marks an alias path in its description and gives it its own operationId', () => {
    const alias = operationAt('/open/bi/1.0.0/get/token', 'POST')!;
    expect(alias.operationId).toBe('b2bAccessToken_1');
    expect(alias.description).toContain('Alias of /v1.0/access-token/b2b');
  });

  test('describes the fixtures body from the fixtures schema, the collections, and the query filters', () => {
    const create = operationAt('/__admin/fixtures/{collection}', 'POST')!;
    const oneOf = (create.requestBody as any).content['application/json'].schema.oneOf as { $ref?: string }[];
    expect(oneOf.map((s) => s.$ref).filter(Boolean)).toContain(
      '#/components/schemas/fixtures.schema/definitions/journey',
    );
    expect(create.parameters.find((p) => p.name === 'collection')?.schema.enum).toEqual([
      'customers',
      'customerTokens',
      'authCodes',
      'cards',
      'journeys',
      'orders',
      'merchants',
      'shops',
      'divisions',
      'merchantBalances',
    ]);
    expect(operationAt('/__admin/journal/count', 'GET')!.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['endpoint', 'code']),
    );
  });

  test('requires the B2B bearer token on Resend OTP only, as a security scheme', () => {
    const isBearer = (name: string) =>
      (doc.components.securitySchemes[name] as { scheme?: string }).scheme === 'bearer';
    const secured = operations(doc)
      .filter((op) => op.security?.some((requirement) => Object.keys(requirement).some(isBearer)))
      .map((op) => op.operationId);
    expect(secured).toEqual(['resendOtp']);
    const [scheme] = Object.keys(operationAt('/open/bi/private/v1.0/otp', 'POST')!.security![0]).filter(isBearer);
    expect(doc.components.securitySchemes[scheme]).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  test('declares the security of every operation: X-SIGNATURE on SNAP, none on the signed envelope, the optional admin token on /__admin', () => {
    expect(operations(doc).filter((op) => op.security === undefined)).toEqual([]);
    expect(operationAt('/rest/v1.1/qr/apply-ott', 'POST')!.security).toEqual([{ snapAsymmetricSignature: [] }]);
    expect(doc.components.securitySchemes.snapAsymmetricSignature).toMatchObject({ in: 'header', name: 'X-SIGNATURE' });
    expect(operationAt('/__admin/health', 'GET')!.security).toEqual([{}, { adminToken: [] }]);
  });

  test('answers each scripted outcome of an endpoint under its HTTP status, as a named example of its wire code', () => {
    const responses = operationAt('/rest/v1.1/qr/apply-ott', 'POST')!.responses as Record<string, any>;
    expect(Object.keys(responses)).toEqual(['200', '400', '401', '403', '429', '500']);
    expect(responses['401'].content['application/json'].examples['4014902'].value).toEqual({
      responseCode: '4014902',
      responseMessage: 'Invalid Customer Token',
    });
    const push = Object.values(doc.paths)
      .flatMap((item) => Object.values(item))
      .find((op) => op.tags[0] === 'Open API envelope')!;
    const examples = (push.responses['200'] as any).content['application/json'].examples;
    expect(examples.PARAM_ILLEGAL.value.response.body.resultInfo).toMatchObject({
      resultStatus: 'F',
      resultCode: 'PARAM_ILLEGAL',
    });
  });

  test('describes the fixtures answers with fixtures.schema.json itself, and the real answers match it', async () => {
    for (const [method, status] of [
      ['GET', '200'],
      ['POST', '201'],
    ] as const) {
      expect(operationAt('/__admin/fixtures/{collection}', method)!.responses[status]).toMatchObject({
        content: { 'application/json': { schema: { $ref: '#/components/schemas/fixtures.schema' } } },
      });
    }
    const validate = internalsOf(sandbox).schemas.getSchema('fixtures.schema.json')!;
    const answers = [
      ...(await Promise.all(
        ['customers', 'customerTokens', 'cards', 'journeys', 'orders', 'merchants', 'shops', 'divisions'].map((c) =>
          request(sandbox.app).get(`/__admin/fixtures/${c}`).set('X-Mock-Session', 'openapi-answers'),
        ),
      )),
      await request(sandbox.app)
        .post('/__admin/fixtures/journeys')
        .set('X-Mock-Session', 'openapi-answers')
        .send({ journeyId: 'openapi-journey', orderId: 'o', bankCardToken: 'demo-card-active' }),
    ];
    expect(answers.map((res) => [res.status, validate(res.body), validate.errors?.[0]?.message])).toEqual([
      ...Array(8).fill([200, true, undefined]),
      [201, true, undefined],
    ]);
  });

  test('embeds only schemas/ files as components: no schema is a second, hand-made copy', () => {
    // schemas/<id>/request.json is the component <id>.request.
    const files = new Set(
      readdirSync(join(findPackageRoot(), 'schemas'), { recursive: true }).map((f) => String(f).replaceAll(sep, '.')),
    );
    expect(Object.keys(doc.components.schemas).filter((name) => !files.has(`${name}.json`))).toEqual([]);
  });

  test('describes GET /__admin/keys/dana as a PEM, not JSON', () => {
    expect(operationAt('/__admin/keys/dana', 'GET')!.responses.default.content).toEqual({
      'application/x-pem-file': { schema: { type: 'string' } },
    });
  });

  test('is the same every time it is built', () => {
    expect(JSON.stringify(buildOpenApi(internalsOf(sandbox)))).toBe(JSON.stringify(doc));
  });

  test('is committed up to date as postman/dana-mock.openapi.json', async () => {
    const committed = readFileSync(openApiFile, 'utf8');
    const fresh = await renderOpenApiFile();
    if (committed !== fresh)
      throw new Error(
        'postman/dana-mock.openapi.json is stale: run `npm run openapi` (node --import tsx postman/writeOpenApi.ts) and commit it.',
      );
  });

  test('is served at GET /__admin/openapi.json', async () => {
    const res = await request(sandbox.app).get('/__admin/openapi.json');
    expect(res.status).toBe(200);
    // Only the server variables differ: they name the Host the client used.
    expect({ ...res.body, servers: doc.servers }).toEqual(doc);
  });

  test('advertises the port actually bound after --port 0, not "0"', async () => {
    const anyPort = await createTestSandbox({ port: 0 });
    const { url } = await anyPort.listen();
    try {
      const served = (await (await fetch(`${url}/__admin/openapi.json`)).json()) as OpenApiDocument;
      expect(served.servers[0].variables).toEqual({
        host: { default: '127.0.0.1' },
        port: { default: new URL(url).port },
      });
      expect(served.servers[0].variables.port.default).not.toBe('0');
    } finally {
      await anyPort.close();
    }
  });

  test('advertises the host and port of the Host header the client sent (a mapped port, a proxy)', async () => {
    const served = await request(sandbox.app).get('/__admin/openapi.json').set('Host', 'sandbox.test:8080');
    expect(served.body.servers[0].variables).toEqual({ host: { default: 'sandbox.test' }, port: { default: '8080' } });
    const v6 = await request(sandbox.app).get('/__admin/openapi.json').set('Host', '[::1]:4011');
    expect(v6.body.servers[0].variables).toEqual({ host: { default: '[::1]' }, port: { default: '4011' } });
  });

  test('falls back to the configured host and port when the Host header is not a plain host[:port]', async () => {
    // Over HTTP such a Host is refused before any route runs (403): the route itself is asked here.
    const route = adminRoutes.find((r) => r.path === '/openapi.json')!;
    for (const host of ['evil.test/path', 'a b', '127.0.0.1:99999']) {
      const served = (await route.handle(
        {
          method: 'GET',
          params: {},
          query: new URLSearchParams(),
          body: undefined,
          headers: { host },
          control: sandbox.control,
        },
        internalsOf(sandbox),
      )) as { body: OpenApiDocument };
      expect([host, served.body.servers]).toEqual([host, doc.servers]);
    }
    expect(doc.servers[0].variables).toEqual({
      host: { default: sandbox.config.host },
      port: { default: String(sandbox.config.port) },
    });
  });
});
