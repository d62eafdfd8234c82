import type { KeyObject } from 'node:crypto';
import type { CompiledEndpoint, Exchange } from '../../core/endpoint.js';
import { echoedMembers } from '../../core/echoedMembers.js';
import { formatJakartaTime } from '../../core/jakartaTime.js';
import { parseJsonBody } from '../../core/parseJsonBody.js';
import type { Partner } from '../../core/partners.js';
import { commonCases, SandboxError } from '../../core/SandboxError.js';
import { validateFields } from '../../core/schemas.js';
import type { SandboxDeps, SandboxRequest, SandboxResponse } from '../../core/types.js';
import { stripBearer } from '../../domain/checkCustomerToken.js';
import type { Protocol, ProtocolDescription, ProtocolModule } from '../protocol.js';
import { isSnapCaseKey, snapCases, snapResponseCode, snapResponseMessage, type SnapCaseKey } from './snapCases.js';
import {
  describeSignatureFailure,
  signSnapRequest,
  verifySnapSignature,
  type SnapSignatureKind,
} from './snapSignature.js';

/** How one SNAP endpoint authenticates its caller. */
export interface SnapOptions {
  /** SNAP service code: the middle two digits of every responseCode. */
  serviceCode: string;
  /** A different service code for 2xx answers: DANA's consultPay succeeds with 2005700 but fails with 40000xx. */
  successServiceCode?: string;
  /** The header that names the client: X-PARTNER-ID (DANA) or X-CLIENT-KEY (BNC, access tokens). */
  clientHeader: 'x-partner-id' | 'x-client-key';
  signature: SnapSignatureKind;
  /** Requires `Authorization: Bearer <B2B access token>` issued to the same client (BNC Resend OTP). */
  b2bToken?: boolean;
  /** The endpoint's own header rules the schema cannot say, checked with the headers (before the signature); throws SandboxError. */
  checkHeaders?(headers: Record<string, string>): void;
  /** The endpoint's own request-shape rules (e.g. header and body agree), checked after the body schema, before the replay check and scenarios. */
  checkBody?(exchange: Exchange): void;
  /**
   * DANA's own wording of a case on this endpoint where its UAT cases show the gateway saying otherwise than the
   * catalogue (cancelOrder's "Success"); an outcome's own `message` still wins.
   */
  wording?: Partial<Record<SnapCaseKey, string>>;
  /** Cases this endpoint answers without naming the field (consultPay's bare "Invalid Field Format"); X-Debug-Mode still names it. */
  unnamed?: readonly SnapCaseKey[];
}

const headerNames: Record<SnapOptions['clientHeader'], string> = {
  'x-partner-id': 'X-PARTNER-ID',
  'x-client-key': 'X-CLIENT-KEY',
};

function checkClockSkew(exchange: Exchange, deps: SandboxDeps): void {
  const skew = deps.config.clockSkewSeconds;
  if (skew === undefined) return;
  const sent = Date.parse(exchange.request.headers['x-timestamp']);
  const drift = Math.abs(sent - exchange.receivedAt.getTime()) / 1000;
  if (drift > skew) {
    throw new SandboxError(
      commonCases.unauthorized,
      'Invalid Timestamp',
      `X-TIMESTAMP is ${Math.round(drift)} s from the sandbox clock (${formatJakartaTime(exchange.receivedAt)}); at most ${skew} s allowed.`,
    );
  }
}

function findPartner(exchange: Exchange, options: SnapOptions, deps: SandboxDeps): Partner {
  const id = exchange.request.headers[options.clientHeader];
  const partner = deps.partners.get(id);
  if (!partner) {
    throw new SandboxError(
      commonCases.unauthorized,
      'Unknown Client',
      `No partner is registered with ${headerNames[options.clientHeader]} "${id}". Known: ${deps.partners
        .list()
        .map((p) => p.partnerId)
        .join(', ')}.`,
    );
  }
  return partner;
}

function checkB2bToken(exchange: Exchange, partner: Partner, deps: SandboxDeps): void {
  const match = /^Bearer\s+(\S+)$/i.exec(exchange.request.headers.authorization ?? '');
  const fail = (why: string) => new SandboxError('invalidTokenB2b', undefined, why);
  if (!match)
    throw fail('Authorization must be "Bearer <accessToken>" with a B2B token from POST /v1.0/access-token/b2b.');
  const token = deps.store.get('b2bTokens', match[1], exchange.session);
  if (!token) throw fail('The B2B access token in Authorization was never issued by this sandbox (or was reset).');
  if (token.clientKey !== partner.partnerId)
    throw fail(`The B2B access token was issued to ${token.clientKey}, not to ${partner.partnerId}.`);
  if (Date.parse(token.expiresAt) <= exchange.receivedAt.getTime())
    throw fail(`The B2B access token expired at ${token.expiresAt} (sandbox clock).`);
}

function declaresExternalId(endpoint: CompiledEndpoint): boolean {
  const schema = endpoint.validators.headers?.schema as { properties?: Record<string, unknown> } | undefined;
  return schema?.properties?.['x-external-id'] !== undefined;
}

// Well-formed Base64 of an RSA-2048 signature's size, so the gateway's answer shows the full
// signature diagnostic (string to sign, body hash, key) rather than an encoding complaint.
export const spoiledSignature = Buffer.alloc(256, 'signed with another key ').toString('base64');

const b2bTokenScheme = {
  name: 'b2bAccessToken',
  scheme: {
    type: 'http',
    scheme: 'bearer',
    description:
      'A SNAP B2B access token from POST /v1.0/access-token/b2b (service 73), issued to the same X-CLIENT-KEY.',
  },
};

/** X-SIGNATURE as OpenAPI can say it: a header the client computes (docs/protocol.md#snap-signatures). */
const signatureScheme = (options: SnapOptions) => ({
  name: options.signature === 'accessToken' ? 'snapAccessTokenSignature' : 'snapAsymmetricSignature',
  scheme: {
    type: 'apiKey',
    in: 'header',
    name: 'X-SIGNATURE',
    description:
      options.signature === 'accessToken'
        ? 'Base64 RSA-SHA256 (PKCS#1 v1.5) of `X-CLIENT-KEY|X-TIMESTAMP`, signed with the partner private key.'
        : 'Base64 RSA-SHA256 (PKCS#1 v1.5) of `METHOD:relativeUrl:lowercase(hex(sha256(minified body))):X-TIMESTAMP`, signed with the partner private key.',
  },
});

const signatureNames: Record<SnapSignatureKind, string> = {
  asymmetric: 'asymmetric signature',
  accessToken: '`X-CLIENT-KEY|X-TIMESTAMP` signature',
};

/** How the endpoint authenticates its caller, for the docs: "B2B token + asymmetric signature, `X-CLIENT-KEY`". */
const describeAuthentication = (options: SnapOptions) =>
  `${options.b2bToken ? 'B2B token + ' : ''}${signatureNames[options.signature]}, \`${headerNames[options.clientHeader]}\``;

function describeSnap(options: SnapOptions): ProtocolDescription {
  return {
    tag: 'SNAP',
    tagDescription: 'SNAP endpoints: signed headers, JSON body, responseCode.',
    binding: `service ${options.successServiceCode ? `${options.successServiceCode} (failures ${options.serviceCode})` : options.serviceCode}, ${describeAuthentication(options)}`,
    postmanCheck: (code) => [
      `pm.test('HTTP ${Number(code.slice(0, 3))} with responseCode ${code}', function () {`,
      `  pm.response.to.have.status(${Number(code.slice(0, 3))});`,
      `  pm.expect(pm.response.json().responseCode).to.eql('${code}');`,
      '});',
    ],
    spoilSignature: [
      '// After the collection signed it: replace X-SIGNATURE to see the gateway refuse it.',
      `pm.request.headers.upsert({ key: 'X-SIGNATURE', value: '${spoiledSignature}' });`,
    ],
    // SNAP carries its outcome in responseCode, whose first three digits are the HTTP status.
    openApiStatusNote: 'The HTTP status is the first three digits of responseCode.',
    openApiSecurity: [...(options.b2bToken ? [b2bTokenScheme] : []), signatureScheme(options)],
  };
}

const bearer = (value: string | undefined) => value?.replace(/^Bearer\s+/i, '');

/** Jakarta time from the real clock: the sandbox clock may be what failed. */
const jakartaNow = () => `${new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;

/** SNAP's general error as this protocol renders it (its service code, X-TIMESTAMP), from the real clock only. */
function lastResort(protocol: Protocol, path: string): SandboxResponse {
  try {
    // sealResponse reads only the clock (and the logger for an unknown case): give it real time.
    const deps = { clock: { now: () => new Date() }, logger: { error() {} } } as unknown as SandboxDeps;
    const exchange = {
      id: 'last-resort',
      request: { method: 'POST', path, search: '', headers: {}, rawBody: '' },
      receivedAt: new Date(),
      debug: false,
      verdicts: {},
    };
    return protocol.sealResponse({ case: 'generalError' }, exchange, deps).response;
  } catch {
    return {
      status: 500,
      headers: { 'content-type': 'application/json', 'x-timestamp': jakartaNow() },
      body: JSON.stringify({ responseCode: '5000000', responseMessage: snapResponseMessage('generalError') }),
    };
  }
}

/** A SNAP protocol module bound to one endpoint's service code and authentication. */
export function snapProtocol(options: SnapOptions): Protocol<SnapCaseKey> {
  const protocol: Protocol<SnapCaseKey> = {
    name: 'snap',
    caseKeys: Object.keys(snapCases) as SnapCaseKey[],
    schemaKinds: ['headers', 'request', 'response'],
    caseMembers: ['responseCode', 'responseMessage'],
    describe: describeSnap(options),

    peekClientId: ({ headers }: SandboxRequest) => headers['x-partner-id'] ?? headers['x-client-key'],

    tokensOf: ({ request: { headers } }) => [bearer(headers['authorization-customer']), bearer(headers.authorization)],

    /** Headers (schema, then checkHeaders) -> clock skew -> client -> B2B token -> signature -> JSON -> body (schema, then checkBody), one error each (docs/protocol.md#snap-check-order). */
    async admitRequest(exchange, deps) {
      const { headers, method, path, search, rawBody } = exchange.request;
      const endpoint: CompiledEndpoint = exchange.endpoint;
      // Media types are case-insensitive (RFC 9110 8.3.1): Application/JSON is JSON. Authorization-Customer's
      // 1-512 is the customer token's length (docs/protocol.md#apply-ott: the same token as additionalInfo.accessToken,
      // 1-512), so its `Bearer ` prefix is not counted.
      const checked = {
        ...headers,
        'content-type': headers['content-type']?.toLowerCase(),
        ...(headers['authorization-customer'] !== undefined && {
          'authorization-customer': stripBearer(headers['authorization-customer']),
        }),
      };
      if (endpoint.validators.headers)
        validateFields(endpoint.validators.headers, checked, exchange.verdicts, 'headers');
      options.checkHeaders?.(headers);
      checkClockSkew(exchange, deps);
      const partner = (exchange.partner = findPartner(exchange, options, deps));
      if (options.b2bToken) checkB2bToken(exchange, partner, deps);
      const verdict = await verifySnapSignature(
        {
          kind: options.signature,
          method,
          relativeUrl: path + search,
          rawBody,
          timestamp: headers['x-timestamp'],
          clientKey: headers[options.clientHeader],
          signature: headers['x-signature'],
        },
        partner,
      );
      exchange.verdicts.signature = verdict;
      if (!verdict.valid)
        throw new SandboxError(commonCases.unauthorized, 'Invalid Signature', describeSignatureFailure(verdict));
      exchange.body = parseJsonBody(rawBody);
      validateFields(endpoint.validators.request, exchange.body, exchange.verdicts, 'body');
      options.checkBody?.(exchange);
      // The replay check covers endpoints whose headers include X-EXTERNAL-ID; an access-token request carries none.
      if (declaresExternalId(endpoint)) exchange.externalId = headers['x-external-id'];
    },

    sealResponse(outcome, exchange, deps) {
      const key = isSnapCaseKey(outcome.case) ? outcome.case : 'generalError';
      if (key !== outcome.case)
        deps.logger.error('outcome has no SNAP case', { case: outcome.case, exchange: exchange.id });
      const service =
        options.successServiceCode && snapCases[key].status < 300 ? options.successServiceCode : options.serviceCode;
      const responseCode = snapResponseCode(key, service);
      const detail = options.unnamed?.includes(key) ? undefined : outcome.detail;
      const responseMessage = snapResponseMessage(key, detail, outcome.message ?? options.wording?.[key]);
      const body: Record<string, unknown> = {
        responseCode,
        responseMessage,
        ...echoedMembers(exchange),
        ...outcome.data,
      };
      if (exchange.debug && snapCases[key].status >= 400) {
        body.additionalInfo = {
          ...(body.additionalInfo as object | undefined),
          debugMessage: outcome.debug ?? responseMessage,
        };
      }
      const headers = {
        'content-type': 'application/json',
        'x-timestamp': formatJakartaTime(deps.clock.now(exchange.session)),
        ...outcome.headers,
      };
      return { response: { status: snapCases[key].status, headers, body: JSON.stringify(body) }, code: responseCode };
    },

    signRequest: (draft, context) =>
      signSnapRequest(options.signature, headerNames[options.clientHeader], draft, context),

    lastResort: (path: string, _danaKey?: KeyObject) => lastResort(protocol, path),
  };
  return protocol;
}

/** Answers requests that match no endpoint: SNAP's envelope with service code 00. */
export const unroutedProtocol = snapProtocol({
  serviceCode: '00',
  clientHeader: 'x-partner-id',
  signature: 'asymmetric',
});

/** SNAP in the protocol registry: it answers every path no other protocol claims. */
export const snapModule: ProtocolModule = { unrouted: unroutedProtocol };
