import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exchange } from '../server/core/endpoint.js';
import type { SandboxDeps } from '../server/core/types.js';
import { loadDemoPartner } from '../server/demoPartner.js';
import { findPackageRoot } from '../server/packageRoot.js';
import type {
  PostmanCollection,
  PostmanEnvironment,
  PostmanEvent,
  PostmanFolder,
  PostmanItem,
} from './postmanTypes.js';
import { paymentFolders } from './paymentFolders.js';

/** What an item's test asserts: the wire code (SNAP responseCode or envelope resultCode) and HTTP status. */
type Expectation =
  | { kind: 'snap' | 'envelope'; code: string; status: number }
  | { kind: 'admin'; status: number }
  | { kind: 'empty-response' | 'malformed-json' | 'connection-reset' };

interface Draft {
  method?: string;
  path: string;
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

interface ItemOptions {
  description?: string;
  /** Runs after the collection's signing script (e.g. to spoil a signature on purpose). */
  prerequest?: string[];
  /** Extra test lines (e.g. keeping the B2B token in the environment). */
  tests?: string[];
}

const pushFunction = 'dana.mobilewallet.mobilepush.pushOrderNotify';
/** Shown where the collection's script puts the signature; what the gateway sees if the helper refused. */
const signaturePlaceholder = 'signed by the collection pre-request script';
const script = (listen: PostmanEvent['listen'], exec: string[]): PostmanEvent => ({
  listen,
  script: { type: 'text/javascript', exec },
});
// Well-formed Base64 of an RSA-2048 signature's size, so the gateway's answer shows the full
// signature diagnostic (string to sign, body hash, key) rather than an encoding complaint.
const spoiledSignature = Buffer.alloc(256, 'signed with another key ').toString('base64');

function testLines(expect: Expectation): string[] {
  switch (expect.kind) {
    case 'snap':
      return [
        `pm.test('HTTP ${expect.status} with responseCode ${expect.code}', function () {`,
        `  pm.response.to.have.status(${expect.status});`,
        `  pm.expect(pm.response.json().responseCode).to.eql('${expect.code}');`,
        '});',
      ];
    case 'envelope':
      return [
        `pm.test('HTTP 200 with resultCode ${expect.code}', function () {`,
        '  pm.response.to.have.status(200);',
        `  pm.expect(pm.response.json().response.body.resultInfo.resultCode).to.eql('${expect.code}');`,
        '});',
      ];
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

export function makeItem(name: string, draft: Draft, expect: Expectation, options: ItemOptions = {}): PostmanItem {
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

export const snapExpect = (code: string): Expectation => ({ kind: 'snap', code, status: Number(code.slice(0, 3)) });
const envelopeExpect = (code: string): Expectation => ({ kind: 'envelope', code, status: 200 });
export const adminExpect = (status = 200): Expectation => ({ kind: 'admin', status });

// --- The requests of each endpoint, with the fixtures of scenarios/fixtures.json -------------------------

const tokenDraft = (path = '/v1.0/access-token/b2b', body: unknown = { grantType: 'client_credentials' }): Draft => ({
  path,
  headers: { 'X-CLIENT-KEY': '{{partnerId}}' },
  body,
});

const applyOttDraft = (
  token = '{{customerToken}}',
  body: unknown = { userResources: ['OTT'], additionalInfo: { accessToken: token } },
  headers: Record<string, string> = {},
): Draft => ({
  path: '/rest/v1.1/qr/apply-ott',
  headers: {
    'X-PARTNER-ID': '{{partnerId}}',
    'CHANNEL-ID': '95221',
    'Authorization-Customer': `Bearer ${token}`,
    'X-DEVICE-ID': 'postman-device',
    ...headers,
  },
  body,
});

const otpBody = (overrides: Record<string, unknown> = {}) => ({
  journeyId: '{{journeyId}}',
  bankCardToken: '{{bankCardToken}}',
  merchantId: '{{merchantId}}',
  additionalInfo: { orderId: '{{orderId}}' },
  ...overrides,
});
const resendOtpDraft = (body: unknown = otpBody(), headers: Record<string, string | undefined> = {}): Draft => ({
  path: '/open/bi/private/v1.0/otp',
  headers: { 'X-CLIENT-KEY': '{{partnerId}}', 'CHANNEL-ID': '95221', Authorization: 'Bearer {{b2bToken}}', ...headers },
  body,
});

const pushDraft = (head: Record<string, unknown> = {}, body: Record<string, unknown> = {}): Draft => ({
  path: '/v1/payments/pushNotificationUser',
  body: {
    request: {
      head: {
        version: '2.0',
        function: pushFunction,
        clientId: '{{partnerId}}',
        reqTime: '{{reqTime}}',
        reqMsgId: '{{$guid}}',
        clientSecret: '{{clientSecret}}',
        accessToken: '{{customerToken}}',
        reserve: '{}',
        ...head,
      },
      body: {
        acquirementId: 'demo-order-active',
        bizType: 'MERCHANT_ORDER_NOTIF',
        envInfo: { terminalType: 'SYSTEM', webSiteLanguage: 'en_US' },
        ...body,
      },
    },
    signature: signaturePlaceholder,
  },
});

const faultDraft = (fault: string): Draft => ({
  ...applyOttDraft(),
  headers: { ...applyOttDraft().headers, 'X-Mock-Scenario': fault },
});

export const adminDraft = (method: string, path: string, body?: unknown): Draft => ({
  method,
  path: `/__admin${path}`,
  body,
  headers: body === undefined ? { 'Content-Type': undefined } : {},
});

export const spoilSnapSignature = [
  '// After the collection signed it: replace X-SIGNATURE to see the gateway refuse it.',
  `pm.request.headers.upsert({ key: 'X-SIGNATURE', value: '${spoiledSignature}' });`,
];
const spoilEnvelopeSignature = [
  '// After the collection signed it: replace the signature to see the gateway refuse it.',
  `pm.request.body.update(pm.request.body.raw.replace(/"signature":"[^"]*"/, '"signature":"${spoiledSignature}"'));`,
];

/** One item per scripted scenario of the endpoint (X-Mock-Scenario), expecting the code its catalogue renders. */
export function scenarioItems(endpointId: string, base: Draft, deps: SandboxDeps): PostmanItem[] {
  const endpoint = deps.endpoints.get(endpointId)!;
  const probe: Exchange = {
    id: 'postman',
    request: { method: 'POST', path: endpoint.paths[0], search: '', headers: {}, rawBody: '' },
    receivedAt: new Date(0),
    debug: false,
    verdicts: {},
  };
  return deps.scenarios
    .list()
    .filter((s) => s.endpoint === endpointId)
    .map((s) => {
      const { code } = endpoint.protocol.sealResponse({ case: s.case!, detail: s.detail, data: s.data }, probe, deps);
      const expect = endpoint.protocol.name === 'snap' ? snapExpect(code) : envelopeExpect(code);
      return makeItem(
        `Scenario ${s.name}`,
        { ...base, headers: { ...base.headers, 'X-Mock-Scenario': s.name } },
        expect,
        {
          description: `${s.description}. The request is checked first (headers, signature, schema); then scenarios/${endpointId}.json answers.`,
        },
      );
    });
}

/** The collection: every endpoint's main outcomes from state, every scripted scenario, the faults, and the control plane. */
export function buildCollection(deps: SandboxDeps): PostmanCollection {
  const root = findPackageRoot();
  const signing = readFileSync(join(root, 'postman', 'signRequest.postman.js'), 'utf8')
    .trimEnd()
    .split('\n');
  const folders: PostmanFolder[] = [
    {
      name: 'B2B access token',
      description: 'SNAP service 73. Send "Get a B2B token" first: it keeps the token in {{b2bToken}} for Resend OTP.',
      item: [
        makeItem('Get a B2B token', tokenDraft(), snapExpect('2007300'), {
          tests: ["pm.environment.set('b2bToken', pm.response.json().accessToken);"],
        }),
        makeItem(
          "Get a B2B token at Bank Neo Commerce's path",
          tokenDraft('/open/bi/1.0.0/get/token'),
          snapExpect('2007300'),
        ),
        makeItem('Unsupported grantType', tokenDraft(undefined, { grantType: 'password' }), snapExpect('4007301')),
        makeItem('Missing grantType', tokenDraft(undefined, {}), snapExpect('4007302')),
        makeItem('Bad signature', tokenDraft(), snapExpect('4017300'), { prerequest: spoilSnapSignature }),
        ...scenarioItems('b2bAccessToken', tokenDraft(), deps),
      ],
    },
    {
      name: 'Apply OTT',
      description:
        "SNAP service 49 (DANA's Apply OTT document). The customer tokens are the sandbox test users of scenarios/fixtures.json.",
      item: [
        makeItem('OTT issued', applyOttDraft(), snapExpect('2004900')),
        makeItem('Expired customer token', applyOttDraft('demo-token-expired'), snapExpect('4014902')),
        makeItem('Revoked customer token', applyOttDraft('demo-token-revoked'), snapExpect('4014902')),
        makeItem('Unknown customer token', applyOttDraft('no-such-token'), snapExpect('4014904')),
        makeItem('Customer with abnormal status', applyOttDraft('demo-token-abnormal'), snapExpect('4034905')),
        makeItem('Customer over the OTT limit', applyOttDraft('demo-token-rate-limited'), snapExpect('4294900')),
        makeItem('General error', applyOttDraft('demo-token-general-error'), snapExpect('5004900')),
        makeItem('Internal server error', applyOttDraft('demo-token-internal-error'), snapExpect('5004901')),
        makeItem(
          'Invalid userResources entry',
          applyOttDraft(undefined, {
            userResources: ['PASSWORD'],
            additionalInfo: { accessToken: '{{customerToken}}' },
          }),
          snapExpect('4004901'),
        ),
        makeItem('Missing additionalInfo', applyOttDraft(undefined, { userResources: ['OTT'] }), snapExpect('4004902')),
        makeItem(
          'Body that is not JSON',
          applyOttDraft(undefined, '{"userResources": ["OTT"],'),
          snapExpect('4004900'),
        ),
        makeItem(
          'Bad signature, with X-Debug-Mode',
          applyOttDraft(undefined, undefined, { 'X-Debug-Mode': 'true' }),
          snapExpect('4014900'),
          {
            prerequest: spoilSnapSignature,
            description:
              'additionalInfo.debugMessage shows the string to sign the sandbox computed, the body hash and the partner key it used.',
          },
        ),
        makeItem(
          'Unknown partner (sent unsigned)',
          applyOttDraft(undefined, undefined, { 'X-PARTNER-ID': 'no-such-partner' }),
          snapExpect('4014900'),
        ),
        ...scenarioItems('applyOtt', applyOttDraft(), deps),
        makeItem(
          'Fault empty-response',
          faultDraft('empty-response'),
          { kind: 'empty-response' },
          { description: 'scenarios/faults.json: these faults work the same way on any request of any endpoint.' },
        ),
        makeItem('Fault malformed-json', faultDraft('malformed-json'), { kind: 'malformed-json' }),
        makeItem('Fault timeout', faultDraft('timeout'), snapExpect('2004900'), {
          description:
            "Answers only after --timeout-delay (default 10 s, past DANA's 8 s expected timeout): the OTT was issued, as by a slow DANA. Set Postman's request timeout below it to see your client give up.",
        }),
        makeItem(
          'Fault connection-reset',
          faultDraft('connection-reset'),
          { kind: 'connection-reset' },
          {
            description:
              'The connection is dropped with no answer: Postman shows "socket hang up". newman would count that as a failure, so `npm test` leaves this one request out.',
          },
        ),
      ],
    },
    {
      name: 'Resend OTP',
      description:
        'SNAP service 81 (BNC\'s Resend OTP document). Needs {{b2bToken}} from "Get a B2B token". The walk opens a journey, then moves the session clock instead of waiting.',
      item: [
        makeItem(
          'Open a journey (control plane)',
          adminDraft('POST', '/fixtures/journeys', {
            journeyId: '{{journeyId}}',
            orderId: '{{orderId}}',
            bankCardToken: '{{bankCardToken}}',
          }),
          adminExpect(201),
          {
            description: 'Opening a journey sends its first OTP, so a resend within 60 s is throttled.',
          },
        ),
        makeItem('Resend at once: throttled', resendOtpDraft(), snapExpect('4038113')),
        makeItem(
          'Advance the clock 61 s (control plane)',
          adminDraft('POST', '/clock/advance', { seconds: 61 }),
          adminExpect(),
        ),
        makeItem('Resend: OTP sent', resendOtpDraft(), snapExpect('2008100')),
        makeItem('Resend again: throttled', resendOtpDraft(), snapExpect('4038113')),
        makeItem(
          'Advance the clock 10 minutes (control plane)',
          adminDraft('POST', '/clock/advance', { minutes: 10 }),
          adminExpect(),
        ),
        makeItem('Resend: transaction closed', resendOtpDraft(), snapExpect('4038115')),
        makeItem('Back to real time (control plane)', adminDraft('POST', '/clock/reset'), adminExpect()),
        makeItem('Unknown card', resendOtpDraft(otpBody({ bankCardToken: 'no-such-card' })), snapExpect('4018104')),
        makeItem(
          'Inactive card',
          resendOtpDraft(otpBody({ bankCardToken: 'demo-card-inactive' })),
          snapExpect('4038118'),
        ),
        makeItem('Unknown journey', resendOtpDraft(otpBody({ journeyId: 'no-such-journey' })), snapExpect('4048107')),
        makeItem(
          'Missing additionalInfo.orderId',
          resendOtpDraft(otpBody({ additionalInfo: {} })),
          snapExpect('4008102'),
        ),
        makeItem(
          'journeyId longer than 22',
          resendOtpDraft(otpBody({ journeyId: 'j'.repeat(23) })),
          snapExpect('4008101'),
        ),
        makeItem('No B2B token', resendOtpDraft(undefined, { Authorization: undefined }), snapExpect('4018101')),
        makeItem('Bad signature', resendOtpDraft(), snapExpect('4018100'), { prerequest: spoilSnapSignature }),
        ...scenarioItems('resendOtp', resendOtpDraft(), deps),
      ],
    },
    {
      name: 'pushNotificationUser',
      description:
        'DANA\'s signed request/response envelope (from its pushNotificationUser document); always HTTP 200, the result is response.body.resultInfo. A push per order and bizType succeeds once: "Reset the session" makes it pushable again.',
      item: [
        makeItem('Reset the session (control plane)', adminDraft('POST', '/reset'), adminExpect()),
        makeItem('Push: SUCCESS', pushDraft(), envelopeExpect('SUCCESS')),
        makeItem(
          'The customer sees it (control plane)',
          adminDraft('GET', '/notifications?acquirementId=demo-order-active'),
          adminExpect(),
          {
            tests: [
              "pm.test('one notification for the order', function () { pm.expect(pm.response.json().notifications).to.have.length(1); });",
            ],
          },
        ),
        makeItem('Push the same order again', pushDraft(), envelopeExpect('MORE_THAN_ONCE_INVOKE')),
        makeItem(
          'Unknown order',
          pushDraft({}, { acquirementId: 'no-such-order' }),
          envelopeExpect('INVALID_TRANS_ID'),
        ),
        makeItem(
          "Another merchant's order",
          pushDraft({}, { acquirementId: 'demo-order-other-merchant' }),
          envelopeExpect('MERCHANT_NOT_MATCH'),
        ),
        makeItem(
          'Order whose processing fails',
          pushDraft({}, { acquirementId: 'demo-order-system-error' }),
          envelopeExpect('SYSTEM_ERROR'),
        ),
        makeItem(
          'Wrong function',
          pushDraft({ function: 'dana.acquiring.order.query' }),
          envelopeExpect('FUNCTION_NOT_MATCH'),
        ),
        makeItem('Wrong clientSecret', pushDraft({ clientSecret: 'not-the-secret' }), envelopeExpect('OAUTH_FAILED')),
        makeItem(
          'Unknown clientId (sent unsigned)',
          pushDraft({ clientId: 'no-such-client' }),
          envelopeExpect('KEY_NO_FOUND'),
        ),
        makeItem('Missing acquirementId', pushDraft({}, { acquirementId: undefined }), envelopeExpect('PARAM_MISSING')),
        makeItem(
          'reqTime without an offset',
          pushDraft({ reqTime: '2026-11-22 10:00:00' }),
          envelopeExpect('PARAM_ILLEGAL'),
        ),
        makeItem('Bad signature', pushDraft(), envelopeExpect('INVALID_SIGNATURE'), {
          prerequest: spoilEnvelopeSignature,
        }),
        ...scenarioItems('pushNotificationUser', pushDraft(), deps),
      ],
    },
    ...paymentFolders(deps),
    {
      name: 'Control plane (/__admin)',
      description:
        'Fixtures, scenarios, clock, journal and reset of the {{session}} session (X-Mock-Session), so exploring here never disturbs other users of the sandbox.',
      item: [
        makeItem('Health', adminDraft('GET', '/health'), adminExpect()),
        makeItem('List scenarios of Apply OTT', adminDraft('GET', '/scenarios?endpoint=applyOtt'), adminExpect()),
        makeItem(
          'Arm invalid-token once for Apply OTT',
          adminDraft('POST', '/scenarios/arm', { endpoint: 'applyOtt', scenario: 'invalid-token', times: 1 }),
          adminExpect(201),
        ),
        makeItem('List armed rules', adminDraft('GET', '/scenarios/armed'), adminExpect()),
        makeItem('Apply OTT answered by the armed rule', applyOttDraft(), snapExpect('4014902')),
        makeItem('Apply OTT after the rule was used up', applyOttDraft(), snapExpect('2004900')),
        makeItem(
          'Create a customer token',
          adminDraft('POST', '/fixtures/customerTokens', {
            value: 'postman-token',
            customerId: 'cust-active',
            expiresAt: '2099-12-31T23:59:59+07:00',
          }),
          adminExpect(201),
        ),
        makeItem('List customer tokens', adminDraft('GET', '/fixtures/customerTokens'), adminExpect()),
        makeItem(
          'Delete the customer token',
          adminDraft('DELETE', '/fixtures/customerTokens/postman-token'),
          adminExpect(),
        ),
        makeItem('Read the clock', adminDraft('GET', '/clock'), adminExpect()),
        makeItem(
          'Freeze the clock',
          adminDraft('POST', '/clock/freeze', { at: '2026-11-22T10:00:00+07:00' }),
          adminExpect(),
        ),
        makeItem('Set the clock', adminDraft('POST', '/clock/set', { at: '2026-11-22T12:00:00+07:00' }), adminExpect()),
        makeItem('Advance the clock', adminDraft('POST', '/clock/advance', { minutes: 5 }), adminExpect()),
        makeItem('Resume the clock', adminDraft('POST', '/clock/resume'), adminExpect()),
        makeItem('Reset the clock', adminDraft('POST', '/clock/reset'), adminExpect()),
        makeItem('Journal of Apply OTT', adminDraft('GET', '/journal?endpoint=applyOtt'), adminExpect()),
        makeItem(
          'Count Apply OTT answered 2004900',
          adminDraft('GET', '/journal/count?endpoint=applyOtt&code=2004900'),
          adminExpect(),
        ),
        makeItem('Clear the journal', adminDraft('DELETE', '/journal'), adminExpect()),
        makeItem("DANA's public key", adminDraft('GET', '/keys/dana'), adminExpect()),
        makeItem('Registered partners', adminDraft('GET', '/keys/partners'), adminExpect()),
        makeItem('OpenAPI document', adminDraft('GET', '/openapi.json'), adminExpect()),
        makeItem('Reset the session', adminDraft('POST', '/reset'), adminExpect()),
      ],
    },
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
export function buildEnvironment(): PostmanEnvironment {
  const demo = loadDemoPartner();
  const values: Record<string, string> = {
    baseUrl: 'http://127.0.0.1:4010',
    partnerId: demo.partnerId,
    clientSecret: demo.clientSecret,
    merchantId: demo.merchantId,
    session: 'postman',
    customerToken: 'demo-token-active',
    bankCardToken: 'demo-card-active',
    journeyId: 'postman-journey',
    orderId: 'postman-order',
    b2bToken: '',
  };
  return {
    id: 'd4a5a7e0-0000-4000-8000-00000000da4a',
    name: 'dana-mock (local)',
    values: Object.entries(values).map(([key, value]) => ({ key, value, type: 'default', enabled: true })),
    _postman_variable_scope: 'environment',
  };
}
