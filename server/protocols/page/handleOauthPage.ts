import type { SandboxDeps, SandboxRequest, SandboxResponse } from '../../core/types.js';
import { issueAuthCode } from '../../domain/issueAuthCode.js';
import type { Customer } from '../../store/entities.js';
import {
  oauthPagePaths,
  OauthQueryError,
  parseOauthQuery,
  sessionParameter,
  type OauthMode,
  type OauthRequest,
} from './oauthQuery.js';
import type { PageErrorKey } from './pageTexts.js';
import { renderErrorPage, renderOauthPage, type OauthStep, type PageContext } from './renderOauthPage.js';

/** The OAuth page a path names, if it is one. */
export function oauthModeOf(path: string): OauthMode | undefined {
  return (Object.keys(oauthPagePaths) as OauthMode[]).find((mode) => oauthPagePaths[mode] === path);
}

const htmlHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** 083811223355, +6283811223355, 6283811223355 and 83811223355 are the same DANA number. */
export function normalizePhone(input: string): string {
  const digits = input.replace(/[\s\-+()]/g, '');
  if (digits.startsWith('62')) return `0${digits.slice(2)}`;
  return digits.startsWith('8') ? `0${digits}` : digits;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** The query's X-Mock-Session, else the cookie the page set, else the header, else an isolated partner's own session. */
function sessionOf(oauth: OauthRequest, request: SandboxRequest): string | undefined {
  return (
    oauth.session ??
    readCookie(request.headers.cookie, sessionParameter) ??
    request.headers['x-mock-session'] ??
    (oauth.partner.isolated ? oauth.partner.partnerId : undefined)
  );
}

type Login = { customer: Customer } | { error: PageErrorKey };

/** The phone step's checks, repeated by every later step since the form carries the number. */
function findCustomer(phone: string, deps: SandboxDeps, session: string | undefined): Login {
  const number = normalizePhone(phone);
  if (!/^0[0-9]{8,14}$/.test(number)) return { error: 'invalidPhone' };
  const customer = deps.store.list('customers', session).find((c) => normalizePhone(c.phone) === number);
  if (!customer?.pin) return { error: 'unknownPhone' };
  if (customer.status === 'FROZEN') return { error: 'frozenAccount' };
  return { customer };
}

/** What the posted step leads to: the next step to draw, or the redirect with the auth code. */
function advance(
  oauth: OauthRequest,
  form: URLSearchParams,
  deps: SandboxDeps,
  session: string | undefined,
): OauthStep | { redirect: string; debug: string } {
  const step = form.get('step');
  const phone = (step === 'phone' ? form.get('phoneNumber') : form.get('phone')) ?? '';
  const login = findCustomer(phone, deps, session);
  if ('error' in login) return { step: 'phone', phone, error: login.error };
  const known = normalizePhone(phone);
  if (step === 'phone' || form.get('consent') !== 'agree')
    return { step: 'consent', phone: known, scopes: oauth.scopes };
  if (step === 'consent') return { step: 'pin', phone: known };
  const pin = form.get('pin') ?? '';
  if (!/^[0-9]{6}$/.test(pin)) return { step: 'pin', phone: known, error: 'pinFormat' };
  if (pin !== login.customer.pin) return { step: 'pin', phone: known, error: 'wrongPin' };
  const code = issueAuthCode(
    deps.store,
    deps.ids,
    { customerId: login.customer.id, partnerId: oauth.partner.partnerId, scopes: oauth.scopes },
    deps.clock.now(session),
    session,
  );
  const target = new URL(oauth.redirectUrl);
  target.searchParams.set('authCode', code.value);
  target.searchParams.set('state', oauth.state);
  return { redirect: target.toString(), debug: `Auth code for ${login.customer.id}, valid until ${code.expiresAt}.` };
}

/** The page's outcome for the journal: the step drawn or its error, the redirect, or the refusal. */
function journalCode(result: OauthStep | { redirect: string } | { refused: string }): string {
  if ('redirect' in result) return 'AUTH_CODE_ISSUED';
  if ('refused' in result) return 'INVALID_REQUEST';
  return result.step === 'consent' || !result.error ? result.step.toUpperCase() : result.error;
}

/** A PIN never goes into the journal. */
const redactPin = (body: string) => body.replace(/(^|&)pin=[^&]*/, '$1pin=******');

/**
 * DANA's OAuth (binding) page: GET draws the phone step; each step posts back to the same URL, so the
 * OAuth query is checked again every time: phone -> consent -> PIN -> 303 to redirectUrl with authCode
 * and state. Consent comes before the PIN as on DANA's page, whose UAT automation clicks the consent
 * button (button.btn-continue.fs-unmask) after the phone and then only types the PIN and waits for the redirect.
 */
export function handleOauthPage(mode: OauthMode, request: SandboxRequest, deps: SandboxDeps): SandboxResponse {
  let oauth: OauthRequest;
  let session: string | undefined;
  let response: SandboxResponse;
  let result: OauthStep | { redirect: string; debug: string } | { refused: string };
  try {
    if (request.method !== 'GET' && request.method !== 'POST')
      throw new OauthQueryError(`${oauthPagePaths[mode]} answers GET and POST, not ${request.method}.`);
    oauth = parseOauthQuery(mode, request.search, deps.partners);
    session = sessionOf(oauth, request);
    result =
      request.method === 'GET'
        ? { step: 'phone', phone: oauth.mobile }
        : advance(oauth, new URLSearchParams(request.rawBody), deps, session);
    const headers: Record<string, string> = { ...htmlHeaders };
    if (oauth.session)
      headers['set-cookie'] =
        `${sessionParameter}=${encodeURIComponent(oauth.session)}; Path=/; HttpOnly; SameSite=Lax`;
    const context: PageContext = {
      lang: oauth.lang,
      partnerName: oauth.partner.name ?? oauth.partner.partnerId,
      action: `${request.path}${request.search}`,
    };
    response =
      'redirect' in result
        ? { status: 303, headers: { ...headers, location: result.redirect }, body: '' }
        : { status: 200, headers, body: renderOauthPage(context, result) };
  } catch (error) {
    if (!(error instanceof OauthQueryError)) throw error;
    result = { refused: error.message };
    const lang = new URLSearchParams(request.search).get('lang') === 'en' ? 'en' : 'id';
    const wrongMethod = request.method !== 'GET' && request.method !== 'POST';
    response = {
      status: wrongMethod ? 405 : 400,
      headers: wrongMethod ? { ...htmlHeaders, allow: 'GET, POST' } : { ...htmlHeaders },
      body: renderErrorPage(lang, error.message),
    };
  }
  const now = deps.clock.now(session);
  deps.journal.record({
    id: deps.ids.uuid(),
    at: now.toISOString(),
    session,
    endpoint: 'oauthPage',
    partnerId: new URLSearchParams(request.search).get('partnerId') ?? undefined,
    code: journalCode(result),
    verdicts: { page: mode },
    debug: 'refused' in result ? result.refused : 'redirect' in result ? result.debug : undefined,
    request: { ...request, rawBody: redactPin(request.rawBody) },
    response,
  });
  return response;
}
