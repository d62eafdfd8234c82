import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledEndpoint, Exchange } from '../server/core/endpoint.js';
import { adminRequest, type ExampleItem, type ExampleRequest } from '../server/core/examples.js';
import type { SandboxDeps } from '../server/core/types.js';
import { loadDemoPartner } from '../server/demoPartner.js';
import { endpoints } from '../server/endpoints/index.js';
import { findPackageRoot } from '../server/packageRoot.js';
import type {
  PostmanCollection,
  PostmanEnvironment,
  PostmanEvent,
  PostmanFolder,
  PostmanItem,
} from './postmanTypes.js';

/** What an item's test asserts: its protocol's check of a wire code, an HTTP status, or what a fault looks like. */
type Expectation =
  | { kind: 'protocol'; lines: string[] }
  | { kind: 'admin'; status: number }
  | { kind: 'empty-response' | 'malformed-json' | 'connection-reset' };

interface ItemOptions {
  description?: string;
  /** Runs after the collection's signing script (e.g. to spoil a signature on purpose). */
  prerequest?: string[];
  /** Extra test lines (e.g. keeping the B2B token in the environment). */
  tests?: string[];
}

const script = (listen: PostmanEvent['listen'], exec: string[]): PostmanEvent => ({
  listen,
  script: { type: 'text/javascript', exec },
});

function testLines(expect: Expectation): string[] {
  switch (expect.kind) {
    case 'protocol':
      return expect.lines;
    case 'admin':
      return [
        `pm.test('HTTP ${expect.status}', function () {`,
        `  pm.response.to.have.status(${expect.status});`,
        '});',
      ];
    case 'empty-response':
      return [
        "pm.test('HTTP 200 with an empty body', function () {",
        '  pm.response.to.have.status(200);',
        "  pm.expect(pm.response.text()).to.eql('');",
        '});',
      ];
    case 'connection-reset':
      return ['// No response arrives: the request itself errors ("socket hang up").'];
    case 'malformed-json':
      return [
        "pm.test('HTTP 200 with a body that is not JSON', function () {",
        '  pm.response.to.have.status(200);',
        '  pm.expect(function () { JSON.parse(pm.response.text()); }).to.throw();',
        '});',
      ];
  }
}

function makeItem(name: string, draft: ExampleRequest, expect: Expectation, options: ItemOptions = {}): PostmanItem {
  const [pathname, search = ''] = draft.path.split('?');
  const query = [...new URLSearchParams(search)].map(([key, value]) => ({ key, value }));
  const header = Object.entries({
    'Content-Type': 'application/json',
    ...draft.headers,
    'X-Mock-Session': '{{session}}',
  })
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ({ key, value }));
  const body =
    draft.body === undefined
      ? undefined
      : typeof draft.body === 'string'
        ? draft.body
        : JSON.stringify(draft.body, null, 2);
  const event = [
    ...(options.prerequest ? [script('prerequest', options.prerequest)] : []),
    script('test', [...testLines(expect), ...(options.tests ?? [])]),
  ];
  return {
    name,
    description: options.description,
    request: {
      method: draft.method ?? 'POST',
      header,
      url: {
        raw: `{{baseUrl}}${draft.path}`,
        host: ['{{baseUrl}}'],
        path: pathname.split('/').filter(Boolean),
        ...(query.length ? { query } : {}),
      },
      ...(body === undefined
        ? {}
        : { body: { mode: 'raw' as const, raw: body, options: { raw: { language: 'json' as const } } } }),
    },
    event,
    response: [],
  };
}

const codeExpect = (endpoint: CompiledEndpoint, code: string): Expectation => ({
  kind: 'protocol',
  lines: endpoint.protocol.describe.postmanCheck(code),
});
const adminExpect = (status = 200): Expectation => ({ kind: 'admin', status });

/** One declared example of the endpoint's folder as a Postman item. */
function exampleItem(endpoint: CompiledEndpoint, item: ExampleItem): PostmanItem {
  const { expect } = item;
  const expectation: Expectation =
    'code' in expect
      ? codeExpect(endpoint, expect.code)
      : 'admin' in expect
        ? adminExpect(expect.admin)
        : { kind: expect.fault };
  return makeItem(item.name, item.request, expectation, {
    description: item.description,
    prerequest: item.spoilSignature ? endpoint.protocol.describe.spoilSignature : undefined,
    tests: item.tests,
  });
}

/** One item per scripted scenario of the endpoint (X-Mock-Scenario), expecting the code its catalogue renders. */
function scenarioItems(endpoint: CompiledEndpoint, base: ExampleRequest, deps: SandboxDeps): PostmanItem[] {
  const probe: Exchange = {
    id: 'postman',
    request: { method: 'POST', path: endpoint.paths[0], search: '', headers: {}, rawBody: '' },
    receivedAt: new Date(0),
    debug: false,
    verdicts: {},
  };
  return deps.scenarios
    .list()
    .filter((s) => s.endpoint === endpoint.id)
    .map((s) => {
      const { code } = endpoint.protocol.sealResponse({ case: s.case!, detail: s.detail, data: s.data }, probe, deps);
      return makeItem(
        `Scenario ${s.name}`,
        { ...base, headers: { ...base.headers, 'X-Mock-Scenario': s.name } },
        codeExpect(endpoint, code),
        {
          description: `${s.description}. The request is checked first (headers, signature, schema); then scenarios/${endpoint.id}.json answers.`,
        },
      );
    });
}

/** The endpoint's declared folder: its examples in order, its scripted scenarios where it marks them. */
function endpointFolder(endpoint: CompiledEndpoint, deps: SandboxDeps): PostmanFolder {
  const spec = endpoint.postman!;
  return {
    name: spec.name,
    description: spec.description,
    item: spec.items.flatMap((item) =>
      item === 'scenarios' ? scenarioItems(endpoint, spec.base, deps) : [exampleItem(endpoint, item)],
    ),
  };
}

/** The control-plane calls that need an endpoint, shown on the one whose folder declares a tour. */
function tourItems(deps: SandboxDeps): { arm: PostmanItem[]; journal: PostmanItem[] } {
  const endpoint = deps.endpoints.list().find((e) => e.postman?.tour);
  if (!endpoint) return { arm: [], journal: [] };
  const { name, base, tour } = { ...endpoint.postman!, tour: endpoint.postman!.tour! };
  return {
    arm: [
      makeItem(`List scenarios of ${name}`, adminRequest('GET', `/scenarios?endpoint=${endpoint.id}`), adminExpect()),
      makeItem(
        `Arm ${tour.scenario} once for ${name}`,
        adminRequest('POST', '/scenarios/arm', { endpoint: endpoint.id, scenario: tour.scenario, times: 1 }),
        adminExpect(201),
      ),
      makeItem('List armed rules', adminRequest('GET', '/scenarios/armed'), adminExpect()),
      makeItem(`${name} answered by the armed rule`, base, codeExpect(endpoint, tour.armedCode)),
      makeItem(`${name} after the rule was used up`, base, codeExpect(endpoint, tour.okCode)),
    ],
    journal: [
      makeItem(`Journal of ${name}`, adminRequest('GET', `/journal?endpoint=${endpoint.id}`), adminExpect()),
      makeItem(
        `Count ${name} answered ${tour.okCode}`,
        adminRequest('GET', `/journal/count?endpoint=${endpoint.id}&code=${tour.okCode}`),
        adminExpect(),
      ),
    ],
  };
}

/** The control plane's own folder: fixtures, scenarios, clock, journal, keys. */
function controlPlaneFolder(deps: SandboxDeps): PostmanFolder {
  const tour = tourItems(deps);
  return {
    name: 'Control plane (/__admin)',
    description:
      'Fixtures, scenarios, clock, journal and reset of the {{session}} session (X-Mock-Session), so exploring here never disturbs other users of the sandbox.',
    item: [
      makeItem('Health', adminRequest('GET', '/health'), adminExpect()),
      ...tour.arm,
      makeItem(
        'Create a customer token',
        adminRequest('POST', '/fixtures/customerTokens', {
          value: 'postman-token',
          customerId: 'cust-active',
          expiresAt: '2099-12-31T23:59:59+07:00',
        }),
        adminExpect(201),
      ),
      makeItem('List customer tokens', adminRequest('GET', '/fixtures/customerTokens'), adminExpect()),
      makeItem(
        'Delete the customer token',
        adminRequest('DELETE', '/fixtures/customerTokens/postman-token'),
        adminExpect(),
      ),
      makeItem('Read the clock', adminRequest('GET', '/clock'), adminExpect()),
      makeItem(
        'Freeze the clock',
        adminRequest('POST', '/clock/freeze', { at: '2026-11-22T10:00:00+07:00' }),
        adminExpect(),
      ),
      makeItem('Set the clock', adminRequest('POST', '/clock/set', { at: '2026-11-22T12:00:00+07:00' }), adminExpect()),
      makeItem('Advance the clock', adminRequest('POST', '/clock/advance', { minutes: 5 }), adminExpect()),
      makeItem('Resume the clock', adminRequest('POST', '/clock/resume'), adminExpect()),
      makeItem('Reset the clock', adminRequest('POST', '/clock/reset'), adminExpect()),
      ...tour.journal,
      makeItem('Clear the journal', adminRequest('DELETE', '/journal'), adminExpect()),
      makeItem("DANA's public key", adminRequest('GET', '/keys/dana'), adminExpect()),
      makeItem('Registered partners', adminRequest('GET', '/keys/partners'), adminExpect()),
      makeItem('OpenAPI document', adminRequest('GET', '/openapi.json'), adminExpect()),
      makeItem('Reset the session', adminRequest('POST', '/reset'), adminExpect()),
    ],
  };
}

/**
 * The collection: each endpoint's declared folder (its examples, then every scripted scenario), in
 * the order of the endpoint list, and the control plane.
 */
export function buildCollection(deps: SandboxDeps): PostmanCollection {
  const root = findPackageRoot();
  const signing = readFileSync(join(root, 'postman', 'signRequest.postman.js'), 'utf8')
    .trimEnd()
    .split('\n');
  const folders: PostmanFolder[] = [
    ...deps.endpoints
      .list()
      .filter((e) => e.postman)
      .map((e) => endpointFolder(e, deps)),
    controlPlaneFolder(deps),
  ];
  return {
    info: {
      name: 'dana-mock',
      description:
        'A local DANA sandbox (dana-mock). Every request signs itself: the collection\'s pre-request script asks the sandbox\'s signing helper (POST /__admin/sign, SANDBOX-ONLY) to sign with the TEST-ONLY demo partner key. Pick the "dana-mock (local)" environment, start the sandbox (npm ci && npm start) and send. Built by postman/writePostmanFiles.ts: edit that, not this file.',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    event: [script('prerequest', signing)],
    item: folders,
  };
}

/** The environment: where the sandbox listens, the demo partner, and the sandbox test users. */
export function buildEnvironment(declared = endpoints): PostmanEnvironment {
  const demo = loadDemoPartner();
  const values: Record<string, string> = {
    baseUrl: 'http://127.0.0.1:4510',
    partnerId: demo.partnerId,
    clientSecret: demo.clientSecret,
    merchantId: demo.merchantId,
    session: 'postman',
  };
  for (const endpoint of declared)
    for (const [key, value] of Object.entries(endpoint.postman?.variables ?? {})) values[key] ??= value;
  return {
    id: 'd4a5a7e0-0000-4000-8000-00000000da4a',
    name: 'dana-mock (local)',
    values: Object.entries(values).map(([key, value]) => ({ key, value, type: 'default', enabled: true })),
    _postman_variable_scope: 'environment',
  };
}
