import type { ValidateFunction } from 'ajv';
import type { PostmanFolderSpec } from './examples.js';
import type { Protocol } from '../protocols/protocol.js';
import type { Partner } from './partners.js';
import type { Outcome, SandboxDeps, SandboxRequest } from './types.js';

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

/**
 * An endpoint as declared in server/endpoints/<id>/. `K` is its protocol's catalogue keys: `handle`
 * may return no other case (declare it with defineEndpoint, which infers `K` from the protocol).
 */
export interface EndpointDefinition<K extends string = string> {
  id: string;
  method: 'POST' | 'GET';
  /** The first is canonical; others are aliases (e.g. a bank's own path for the same service). */
  paths: readonly string[];
  /** One line for the docs' endpoint table and the OpenAPI document. */
  summary: string;
  protocol: Protocol<K>;
  /**
   * Named body fields an armed rule may match on, and the dot path of each in the parsed body
   * (e.g. `{ journeyId: 'journeyId' }`): `match: { journeyId: "j-1" }` then picks requests of that journey.
   */
  matchFields?: Readonly<Record<string, string>>;
  /** Dot paths of body fields that carry a token (armed rules' `match.token`), besides the protocol's own. */
  tokenFields?: readonly string[];
  /**
   * Top-level body members DANA repeats in every answer of this endpoint, the gateway's own refusals
   * (bad signature, bad or missing field) included: bank account inquiry repeats `partnerReferenceNo`.
   */
  echoFields?: readonly string[];
  /** The endpoint's folder of the Postman collection: its example requests and the answers they get. */
  postman?: PostmanFolderSpec;
  handle(exchange: AdmittedExchange, deps: SandboxDeps): Outcome<NoInfer<K>> | Promise<Outcome<NoInfer<K>>>;
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

/** Declares an endpoint whose outcomes are checked against its protocol's catalogue at compile time. */
export function defineEndpoint<K extends string>(definition: EndpointDefinition<K>): EndpointDefinition {
  return definition;
}
