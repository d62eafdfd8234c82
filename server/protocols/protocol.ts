import type { KeyObject } from 'node:crypto';
import type { CompiledEndpoint, Exchange } from '../core/endpoint.js';
import type { Outcome, SandboxDeps, SandboxRequest, SandboxResponse } from '../core/types.js';

/** The sealed response and its wire result code (SNAP responseCode or envelope resultCode). */
export interface Sealed {
  response: SandboxResponse;
  code: string;
}

/** A request as a partner is about to send it, for the /__admin signing helper. */
export interface RequestDraft {
  method: string;
  /** Path with its query string: SNAP's relative URL. */
  path: string;
  /** The body text exactly as it will be sent. */
  body: string;
}

/** Who signs and with what fresh values: the helper's partner key, the sandbox clock, a new id. */
export interface SigningContext {
  partnerId: string;
  privateKey: KeyObject;
  /** X-TIMESTAMP to use (+07:00, from the sandbox clock). */
  timestamp: string;
  /** A fresh X-EXTERNAL-ID. */
  externalId: string;
}

/** What the signing helper hands back: headers to set and the exact body to send. */
export interface SignedRequest {
  headers: Record<string, string>;
  body: string;
  /** The text that was signed: SNAP's string to sign, or the envelope's `request` member. */
  signedText: string;
}

/** How the generators (OpenAPI document, Postman collection, docs' endpoint table) describe a protocol. */
export interface ProtocolDescription {
  /** The OpenAPI tag of its endpoints and the docs' protocol column. */
  tag: string;
  tagDescription: string;
  /** What binds one endpoint within the protocol, for the docs (e.g. "service 49"). */
  binding: string;
  /** Postman test lines asserting that the answer carries `code`, with the HTTP status it implies. */
  postmanCheck(code: string): string[];
  /** Postman pre-request lines that replace the signature after the collection signed it. */
  spoilSignature: string[];
  /** How the protocol maps its outcomes to HTTP statuses, for the OpenAPI document's responses. */
  openApiStatusNote: string;
  /** The OpenAPI security schemes an endpoint requires, all together (a bearer token, a signature header); none for a signed body. */
  openApiSecurity: { name: string; scheme: Record<string, unknown> }[];
}

/** The schema files an endpoint keeps in schemas/<id>/. */
export type SchemaKind = 'headers' | 'request' | 'response';

/**
 * A wire protocol: its checks in the gateway's order, its catalogue and its envelope. `K` is its
 * catalogue's case keys: an endpoint's outcomes are checked against them at compile time.
 */
export interface Protocol<K extends string = string> {
  name: string;
  /** Catalogue keys this protocol can render (scenario packs are checked against them). */
  caseKeys: readonly K[];
  /** The schemas/<id>/ files an endpoint of this protocol needs. */
  schemaKinds: readonly SchemaKind[];
  /** Requires `Authorization: Bearer <B2B access token>` (for documents such as the OpenAPI one). */
  requiresB2bToken?: boolean;
  describe: ProtocolDescription;
  /** The client a request names, read cheaply before any check (it picks an isolated partner's session). */
  peekClientId(request: SandboxRequest): string | undefined;
  /** Every token the request carries where the protocol takes one (armed rules' match.token). */
  tokensOf(exchange: Exchange): unknown[];
  /** Runs the protocol's checks in order; throws SandboxError at the first failure. */
  admitRequest(exchange: Exchange & { endpoint: CompiledEndpoint }, deps: SandboxDeps): Promise<void> | void;
  /** Renders any outcome in the protocol's envelope, signed where the protocol signs. */
  sealResponse(outcome: Outcome, exchange: Exchange, deps: SandboxDeps): Sealed;
  /** Signs a draft the way a partner's client must (the sandbox-only signing helper); throws on a draft it cannot sign. */
  signRequest(draft: RequestDraft, context: SigningContext): SignedRequest;
  /** The general error for `path`, built from nothing that could have failed (no store, no sandbox clock). */
  lastResort(path: string, danaKey?: KeyObject): SandboxResponse;
}

/** One protocol as the registry (server/protocols/index.ts) lists it. */
export interface ProtocolModule {
  /** Answers requests on paths no endpoint serves. */
  unrouted: Protocol;
  /**
   * Whether an unserved path belongs to this protocol's namespace (DANA's Open API under /v1/); a
   * path no module claims is answered by the first module of the registry.
   */
  claimsUnroutedPath?(path: string): boolean;
}
