import type { KeyObject } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import type { Partner } from './partners.js';
import type { Outcome, SandboxDeps, SandboxRequest, SandboxResponse } from './types.js';

/** One request on its way through the pipeline; each stage fills in what it learned. */
export interface Exchange {
  id: string;
  request: SandboxRequest;
  /** The X-Mock-Session the request belongs to; undefined = the global scope. */
  session?: string;
  receivedAt: Date;
  /** X-Debug-Mode was `true` or `1`. */
  debug: boolean;
  endpoint?: CompiledEndpoint;
  partner?: Partner;
  /** The parsed, schema-checked body. */
  body?: unknown;
  /** SNAP's X-EXTERNAL-ID, for the replay check. */
  externalId?: string;
  /** The scripted scenario that answered, if any. */
  scenario?: string;
  /** What each check concluded (schema errors, signature diagnostics), for the journal. */
  verdicts: Record<string, unknown>;
}

/** An exchange that passed the protocol's checks: partner and body are known. */
export type AdmittedExchange = Exchange & { endpoint: CompiledEndpoint; partner: Partner; body: unknown };

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

/** A wire protocol: its checks in the gateway's order, its catalogue and its envelope. */
export interface Protocol {
  name: 'snap' | 'envelope';
  /** Catalogue keys this protocol can render (scenario packs are checked against them). */
  caseKeys: readonly string[];
  /** Requires `Authorization: Bearer <B2B access token>` (for documents such as the OpenAPI one). */
  requiresB2bToken?: boolean;
  /** Runs the protocol's checks in order; throws SandboxError at the first failure. */
  admitRequest(exchange: Exchange & { endpoint: CompiledEndpoint }, deps: SandboxDeps): Promise<void> | void;
  /** Renders any outcome in the protocol's envelope, signed where the protocol signs. */
  sealResponse(outcome: Outcome, exchange: Exchange, deps: SandboxDeps): Sealed;
  /** Signs a draft the way a partner's client must (the sandbox-only signing helper); throws on a draft it cannot sign. */
  signRequest(draft: RequestDraft, context: SigningContext): SignedRequest;
}

/** An endpoint as declared in server/endpoints/: one file each. */
export interface EndpointDefinition {
  id: string;
  method: 'POST' | 'GET';
  /** The first is canonical; others are aliases (e.g. a bank's own path for the same service). */
  paths: readonly string[];
  protocol: Protocol;
  handle(exchange: AdmittedExchange, deps: SandboxDeps): Outcome | Promise<Outcome>;
  /**
   * Where the endpoint's schemas/<id>/ and scenarios/<id>.json live when not in the sandbox's own
   * schemasDir and scenariosDir (an endpoint declared outside the package, e.g. a test's).
   */
  homes?: EndpointHomes;
}

/** The folders that hold an endpoint's `<id>/` schema folder and `<id>.json` scenario pack. */
export interface EndpointHomes {
  schemasDir?: string;
  scenariosDir?: string;
}

/** Validators compiled once at start-up from schemas/<id>/*.json. */
export interface EndpointValidators {
  headers?: ValidateFunction;
  request: ValidateFunction;
  response: ValidateFunction;
}

export type CompiledEndpoint = EndpointDefinition & { validators: EndpointValidators };
