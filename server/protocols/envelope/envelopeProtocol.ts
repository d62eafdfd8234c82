import type { KeyObject } from 'node:crypto';
import type { Exchange } from '../../core/endpoint.js';
import { formatJakartaTime } from '../../core/jakartaTime.js';
import { describeExcessDepth, parseJsonBody } from '../../core/parseJsonBody.js';
import type { Partner } from '../../core/partners.js';
import { SandboxError } from '../../core/SandboxError.js';
import { validateFields } from '../../core/schemas.js';
import type { Outcome, SandboxDeps, SandboxResponse } from '../../core/types.js';
import type { Protocol, ProtocolDescription, ProtocolModule, Sealed } from '../protocol.js';
import {
  envelopeCases,
  envelopeResultMsg,
  type EnvelopeCase,
  type EnvelopeCaseKey,
  withDetail,
} from './envelopeCases.js';
import {
  describeEnvelopeSignatureFailure,
  signEnvelopeRequest,
  signEnvelopeResponse,
  signEnvelopeResponseAsync,
  verifyEnvelopeSignature,
} from './envelopeSignature.js';

/** The head every envelope request carries (DANA's pushNotificationUser document, "Request Header"; docs/protocol.md#pushnotificationuser). */
export interface EnvelopeHead {
  version: '1.0' | '2.0';
  function: string;
  clientId: string;
  reqTime: string;
  reqMsgId: string;
  clientSecret: string;
  accessToken: string;
  reserve?: string | Record<string, unknown>;
}

/** A schema-checked request envelope: what `exchange.body` holds once admitted. */
export interface Envelope<Body> {
  request: { head: EnvelopeHead; body: Body };
  signature: string;
}

export interface EnvelopeOptions<X extends string = never> {
  /** The head `function` the endpoint answers; absent only for paths no endpoint serves. */
  functionName?: string;
  /**
   * Rows of the endpoint's own document on top of the shared table (merchant management's
   * MERCHANT_NOT_EXIST, ROLE_HAS_EXIST, ...): only that endpoint returns and scripts them.
   */
  extraCases?: Record<X, EnvelopeCase>;
}

/** The rows one envelope endpoint answers with: the shared table plus its document's own. */
type Catalogue = Record<string, EnvelopeCase>;

/** Seed sample: request "1.0"; dana-node, dana-python, dana-go send "2.0" (docs/protocol.md#dana-nodes-open-api-helper). */
const versions: readonly string[] = ['1.0', '2.0'];

function findPartner(clientId: string, deps: SandboxDeps): Partner {
  const partner = deps.partners.get(clientId);
  if (partner) return partner;
  const known = deps.partners
    .list()
    .map((p) => p.partnerId)
    .join(', ');
  throw new SandboxError(
    'keyNotFound',
    'request.head.clientId',
    `No partner key is registered for clientId "${clientId}". Known: ${known}.`,
  );
}

/** The head members a response echoes, read from whatever of the request could be parsed. */
function readEcho(exchange: Exchange): Partial<Record<'version' | 'function' | 'clientId' | 'reqMsgId', string>> {
  let parsed = exchange.body;
  if (parsed === undefined) {
    // A body refused for its depth is not parsed here either: that would cost what the refusal saved.
    if (describeExcessDepth(exchange.request.rawBody)) return {};
    try {
      parsed = JSON.parse(exchange.request.rawBody);
    } catch {
      return {};
    }
  }
  const head = (parsed as { request?: { head?: Record<string, unknown> } } | null)?.request?.head;
  if (!head || typeof head !== 'object') return {};
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    version: versions.includes(head.version as string) ? (head.version as string) : undefined,
    function: text(head.function),
    clientId: text(head.clientId),
    reqMsgId: text(head.reqMsgId),
  };
}

/** Renders any outcome as a response envelope, before signing: HTTP 200 whatever the result (docs/protocol.md#envelope-http-status); resultInfo carries S/F/U. */
function envelopeOf(
  outcome: Outcome,
  exchange: Exchange,
  deps: SandboxDeps,
  options: EnvelopeOptions<string>,
): { member: { head: object; body: object }; headers: Record<string, string>; code: string } {
  const catalogue: Catalogue = { ...envelopeCases, ...options.extraCases };
  const key = Object.hasOwn(catalogue, outcome.case) ? outcome.case : 'systemError';
  if (key !== outcome.case)
    deps.logger.error('outcome has no envelope case', { case: outcome.case, exchange: exchange.id });
  const row = catalogue[key];
  const echo = readEcho(exchange);
  const head = {
    version: echo.version ?? '2.0',
    function: echo.function ?? options.functionName,
    clientId: echo.clientId,
    respTime: formatJakartaTime(deps.clock.now(exchange.session)),
    reqMsgId: echo.reqMsgId,
    reserve: '{}',
  };
  const resultInfo = {
    resultStatus: row.resultStatus,
    resultCodeId: row.resultCodeId,
    resultCode: row.resultCode,
    resultMsg: withDetail(row.resultMsg, outcome.detail),
  };
  const body: Record<string, unknown> = { resultInfo, ...outcome.data };
  if (exchange.debug && row.resultStatus !== 'S')
    body.additionalInfo = {
      ...(body.additionalInfo as object | undefined),
      debugMessage: outcome.debug ?? resultInfo.resultMsg,
    };
  return {
    member: { head, body },
    headers: { 'content-type': 'application/json', ...outcome.headers },
    code: row.resultCode,
  };
}

/** The envelope signed with the sandbox's DANA key, on this thread. */
function sealEnvelope(
  outcome: Outcome,
  exchange: Exchange,
  deps: SandboxDeps,
  options: EnvelopeOptions<string>,
): Sealed {
  const { member, headers, code } = envelopeOf(outcome, exchange, deps, options);
  return { response: { status: 200, headers, body: signEnvelopeResponse(member, deps.dana.privateKey) }, code };
}

/** The same bytes as sealEnvelope, signed on libuv's thread pool: each answer's RSA signature is the cost of a push. */
async function sealEnvelopeAsync(
  outcome: Outcome,
  exchange: Exchange,
  deps: SandboxDeps,
  options: EnvelopeOptions<string>,
): Promise<Sealed> {
  const { member, headers, code } = envelopeOf(outcome, exchange, deps, options);
  return {
    response: { status: 200, headers, body: await signEnvelopeResponseAsync(member, deps.dana.privateKey) },
    code,
  };
}

// Well-formed Base64 of an RSA-2048 signature's size, so the gateway's answer shows the full diagnostic.
const spoiledSignature = Buffer.alloc(256, 'signed with another key ').toString('base64');

function describeEnvelope(options: EnvelopeOptions<string>): ProtocolDescription {
  return {
    tag: 'Open API envelope',
    tagDescription: 'Open API envelope endpoints: {request: {head, body}, signature}.',
    binding: `function \`${options.functionName ?? '(none)'}\``,
    postmanCheck: (code) => [
      `pm.test('HTTP 200 with resultCode ${code}', function () {`,
      '  pm.response.to.have.status(200);',
      `  pm.expect(pm.response.json().response.body.resultInfo.resultCode).to.eql('${code}');`,
      '});',
    ],
    spoilSignature: [
      '// After the collection signed it: replace the signature to see the gateway refuse it.',
      `pm.request.body.update(pm.request.body.raw.replace(/"signature":"[^"]*"/, '"signature":"${spoiledSignature}"'));`,
    ],
    // The envelope answers every outcome, failures included, with HTTP 200: response.body.resultInfo carries it.
    openApiStatusNote: 'Every outcome is HTTP 200: response.body.resultInfo carries it.',
    // The signature is a member of the body (`signature`), which OpenAPI security schemes cannot name.
    openApiSecurity: [],
  };
}

/** Jakarta time from the real clock: the sandbox clock may be what failed. */
const jakartaNow = () => `${new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;

/** SYSTEM_ERROR built from nothing that could have failed: signed if DANA's key is at hand. */
function lastResort(danaKey?: KeyObject): SandboxResponse {
  const resultInfo = {
    resultStatus: 'U',
    resultCodeId: '00000900',
    resultCode: 'SYSTEM_ERROR',
    resultMsg: envelopeResultMsg('systemError'),
  };
  const response = { head: { version: '2.0', respTime: jakartaNow(), reserve: '{}' }, body: { resultInfo } };
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: danaKey ? signEnvelopeResponse(response, danaKey) : JSON.stringify({ response, signature: '' }),
  };
}

/** DANA's Open API envelope protocol, bound to the `function` one endpoint answers. */
export function envelopeProtocol<X extends string = never>(options: EnvelopeOptions<X>): Protocol<EnvelopeCaseKey | X> {
  return {
    name: 'envelope',
    caseKeys: [...Object.keys(envelopeCases), ...Object.keys(options.extraCases ?? {})] as (EnvelopeCaseKey | X)[],
    caseMembers: ['resultInfo'],
    schemaKinds: ['request', 'response'],
    describe: describeEnvelope(options),

    peekClientId: (request) => /"clientId"\s*:\s*"([^"\\]*)"/.exec(request.rawBody)?.[1],

    tokensOf: (exchange) => [(exchange.body as Envelope<unknown> | undefined)?.request?.head?.accessToken],

    /**
     * JSON (MSG_PARSE_ERROR) -> envelope schema (PARAM_MISSING / PARAM_ILLEGAL naming the field) ->
     * clientId (KEY_NO_FOUND) -> signature over the raw `request` member (INVALID_SIGNATURE) ->
     * function (FUNCTION_NOT_MATCH) -> clientSecret (OAUTH_FAILED). The accessToken is the endpoint's.
     */
    async admitRequest(exchange, deps) {
      const parsed = parseJsonBody(exchange.request.rawBody);
      validateFields(exchange.endpoint.validators.request, parsed, exchange.verdicts, 'envelope');
      const envelope = parsed as Envelope<unknown>;
      const { head } = envelope.request;
      const partner = (exchange.partner = findPartner(head.clientId, deps));
      const verdict = await verifyEnvelopeSignature(
        exchange.request.rawBody,
        envelope.request,
        envelope.signature,
        partner,
      );
      exchange.verdicts.signature = verdict;
      if (!verdict.valid)
        throw new SandboxError('invalidSignature', 'signature', describeEnvelopeSignatureFailure(verdict));
      if (options.functionName !== undefined && head.function !== options.functionName) {
        throw new SandboxError(
          'functionNotMatch',
          'request.head.function',
          `${exchange.request.path} answers function "${options.functionName}", not "${head.function}".`,
        );
      }
      if (partner.clientSecret === undefined || head.clientSecret !== partner.clientSecret) {
        const why =
          partner.clientSecret === undefined
            ? `Partner ${partner.partnerId} was registered without a clientSecret.`
            : `request.head.clientSecret is not the clientSecret of partner ${partner.partnerId}.`;
        throw new SandboxError('oauthFailed', 'request.head.clientSecret', why);
      }
      exchange.body = envelope;
    },

    sealResponse: (outcome, exchange, deps) => sealEnvelope(outcome, exchange, deps, options),

    sealResponseAsync: (outcome, exchange, deps) => sealEnvelopeAsync(outcome, exchange, deps, options),

    signRequest: signEnvelopeRequest,

    lastResort: (_path, danaKey) => lastResort(danaKey),
  };
}

/** The envelope in the protocol registry: unserved paths under /v1/, DANA's Open API namespace (DANA's pushNotificationUser document), are its. */
export const envelopeModule: ProtocolModule = {
  // No endpoint is bound, so FUNCTION_NOT_MATCH never applies; unknown paths render NO_INTERFACE_DEF.
  unrouted: envelopeProtocol({}),
  claimsUnroutedPath: (path) => path.startsWith('/v1/'),
};
