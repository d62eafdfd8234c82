import type { Partner, PartnerRegistry } from '../../core/partners.js';
import { verifyRsaSha256 } from '../../core/rsa.js';
import { isSessionName, sessionNameRule } from '../../core/sessionName.js';

/** DANA's two binding pages: the SNAP-BI OAuth page (API mode) and the deep-link binding page (DEEPLINK mode). */
export const oauthPagePaths = { api: '/v1.0/get-auth-code', deeplink: '/n/link/binding' } as const;
export type OauthMode = keyof typeof oauthPagePaths;

/** The control parameter that carries X-Mock-Session through the browser (also read from a cookie of that name). */
export const sessionParameter = 'X-Mock-Session';

/** The scopes dana-node's WidgetUtils.generateScopes offers in the sandbox. */
export const knownScopes = ['CASHIER', 'AGREEMENT_PAY', 'QUERY_BALANCE', 'DEFAULT_BASIC_PROFILE', 'MINI_DANA'] as const;

/** The keys of dana-node's Oauth2UrlDataSeamlessData, plus those its DEEPLINK mode adds. */
const seamlessKeys = new Set([
  'bizScenario',
  'mobileNumber',
  'verifiedTime',
  'externalUid',
  'deviceId',
  'skipRegisterConsult',
  'mobile',
  'reqTime',
  'reqMsgId',
]);

/** What WidgetUtils.generateOauthUrl (dana-node 1.5.11) puts in each mode's query. */
const parameters: Record<OauthMode, { required: readonly string[]; optional: readonly string[] }> = {
  api: {
    required: ['partnerId', 'scopes', 'externalId', 'channelId', 'redirectUrl', 'timestamp', 'state'],
    optional: ['isSnapBI', 'merchantId', 'subMerchantId', 'lang', 'allowRegistration', 'seamlessData', 'seamlessSign'],
  },
  deeplink: {
    required: ['partnerId', 'scopes', 'terminalType', 'externalId', 'requestId', 'redirectUrl', 'state'],
    optional: ['seamlessData', 'seamlessSign'],
  },
};

const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** An OAuth page request whose query passed every check. */
export interface OauthRequest {
  mode: OauthMode;
  partner: Partner;
  scopes: string[];
  redirectUrl: string;
  state: string;
  lang: 'id' | 'en';
  /** The phone number the partner pre-filled through seamlessData (mobileNumber, or DEEPLINK's mobile). */
  mobile?: string;
  /** X-Mock-Session named in the query, if any. */
  session?: string;
}

/** Thrown for a query the page cannot serve; the message names the parameter. */
export class OauthQueryError extends Error {}

function fail(message: string): never {
  throw new OauthQueryError(message);
}

function checkLength(query: URLSearchParams, name: string, max: number): void {
  const value = query.get(name);
  if (value !== null && (value.length === 0 || value.length > max))
    fail(`${name} must be 1 to ${max} characters long (it is ${value.length}).`);
}

function checkEnum(query: URLSearchParams, name: string, allowed: readonly string[]): void {
  const value = query.get(name);
  if (value !== null && !allowed.includes(value))
    fail(`${name} must be one of ${allowed.join(', ')} (it is "${value}").`);
}

function readRedirectUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:' || url.protocol === 'http:') return value;
  } catch {
    // reported below
  }
  return fail(`redirectUrl must be an absolute http(s) URL (it is "${value}").`);
}

function readScopes(value: string): string[] {
  const scopes = value.split(',');
  const unknown = scopes.filter((s) => !(knownScopes as readonly string[]).includes(s));
  if (unknown.length > 0)
    fail(`scopes names unknown scopes ${unknown.map((s) => `"${s}"`).join(', ')}; known: ${knownScopes.join(', ')}.`);
  return scopes;
}

/** seamlessData is JSON of known keys; seamlessSign (when sent) is the partner's RSA-SHA256 signature over it, URL-encoded once more. */
function readSeamlessData(query: URLSearchParams, partner: Partner): Record<string, unknown> | undefined {
  const text = query.get('seamlessData');
  if (text === null) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('seamlessData must be a JSON object (it is not valid JSON).');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('seamlessData must be a JSON object.');
  const unknown = Object.keys(data).filter((key) => !seamlessKeys.has(key));
  if (unknown.length > 0) fail(`seamlessData has unknown keys ${unknown.join(', ')}.`);
  const sign = query.get('seamlessSign');
  if (sign !== null) {
    let signature = sign;
    try {
      signature = decodeURIComponent(sign);
    } catch {
      // verified as sent
    }
    if (!verifyRsaSha256(text, signature, partner.publicKey))
      fail(`seamlessSign does not verify over seamlessData with partner ${partner.partnerId}'s public key.`);
  }
  return data as Record<string, unknown>;
}

/** Checks an OAuth page query the way generateOauthUrl builds it; throws OauthQueryError naming the bad parameter. */
export function parseOauthQuery(mode: OauthMode, search: string, partners: PartnerRegistry): OauthRequest {
  const query = new URLSearchParams(search);
  const { required, optional } = parameters[mode];
  for (const name of new Set(query.keys())) {
    if (name === sessionParameter) continue;
    if (!required.includes(name) && !optional.includes(name))
      fail(`Unknown parameter "${name}"; ${oauthPagePaths[mode]} takes ${[...required, ...optional].join(', ')}.`);
    if (query.getAll(name).length > 1) fail(`${name} is given more than once.`);
  }
  const missing = required.filter((name) => !query.get(name));
  if (missing.length > 0) fail(`Missing parameter ${missing.join(', ')}.`);
  const partner = partners.get(query.get('partnerId')!);
  if (!partner) fail(`partnerId "${query.get('partnerId')}" is not a registered partner.`);
  [
    ['externalId', 64],
    ['channelId', 64],
    ['state', 256],
    ['requestId', 64],
    ['merchantId', 64],
    ['subMerchantId', 32],
  ].forEach(([name, max]) => checkLength(query, name as string, max as number));
  const timestamp = query.get('timestamp');
  if (timestamp !== null && (!timestampPattern.test(timestamp) || Number.isNaN(Date.parse(timestamp))))
    fail(`timestamp must be ISO-8601 with an offset, e.g. 2026-11-22T10:00:00+07:00 (it is "${timestamp}").`);
  const merchantId = query.get('merchantId');
  if (merchantId !== null && partner.merchantId && merchantId !== partner.merchantId)
    fail(`merchantId "${merchantId}" is not partner ${partner.partnerId}'s merchant (${partner.merchantId}).`);
  checkEnum(query, 'isSnapBI', ['true', 'false']);
  checkEnum(query, 'lang', ['id', 'en']);
  checkEnum(query, 'allowRegistration', ['true', 'false']);
  checkEnum(query, 'terminalType', ['WEB', 'APP', 'WAP', 'SYSTEM']);
  const session = query.get(sessionParameter) ?? undefined;
  if (session !== undefined && !isSessionName(session))
    fail(`${sessionParameter} must be ${sessionNameRule} (it is "${session}").`);
  const seamless = readSeamlessData(query, partner);
  const mobile = seamless?.mobileNumber ?? seamless?.mobile;
  return {
    mode,
    partner,
    scopes: readScopes(query.get('scopes')!),
    redirectUrl: readRedirectUrl(query.get('redirectUrl')!),
    state: query.get('state')!,
    lang: query.get('lang') === 'en' ? 'en' : 'id',
    mobile: typeof mobile === 'string' ? mobile : undefined,
    session,
  };
}
