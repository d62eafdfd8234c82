/**
 * What an endpoint folder declares for the generators (the Postman collection, the docs): example
 * requests and the answers they must get. Plain data, so generic builders read it and never name an endpoint.
 */

/** A request as a Postman item sends it: Postman variables such as {{partnerId}} are allowed; a header set to undefined is dropped. */
export interface ExampleRequest {
  method?: string;
  /** Path with its query string. */
  path: string;
  headers?: Record<string, string | undefined>;
  /** JSON (pretty-printed when written), or a string sent as it is. */
  body?: unknown;
}

/** The answer an example expects: its protocol's wire code, a control-plane status, or what a fault looks like. */
export type ExampleExpectation =
  { code: string } | { admin: number } | { fault: 'empty-response' | 'malformed-json' | 'connection-reset' };

/** One request of the endpoint's Postman folder. */
export interface ExampleItem {
  name: string;
  request: ExampleRequest;
  expect: ExampleExpectation;
  description?: string;
  /** Replace the signature after the collection signed it, to see the gateway refuse it (the protocol says how). */
  spoilSignature?: boolean;
  /** Extra Postman test lines (e.g. keeping a token in the environment). */
  tests?: string[];
}

/**
 * The control-plane walk of the collection, shown on this endpoint: arm `scenario` once, see it
 * answer `armedCode`, then `okCode` once it is used up.
 */
export interface ControlPlaneTour {
  scenario: string;
  armedCode: string;
  okCode: string;
}

/** The endpoint's folder of the Postman collection. */
export interface PostmanFolderSpec {
  name: string;
  description: string;
  /** The request each scripted scenario's item sends, with its X-Mock-Scenario. */
  base: ExampleRequest;
  /** The items in order; 'scenarios' marks where one item per scripted scenario goes. */
  items: (ExampleItem | 'scenarios')[];
  /** Postman environment variables the items use, with the sandbox fixtures' values. */
  variables?: Record<string, string>;
  tour?: ControlPlaneTour;
}

/** A control-plane call inside an endpoint's walk (opening a journey, moving the clock). */
/** A SNAP example request: the partner's X-PARTNER-ID (a Postman variable) and DANA's sandbox CHANNEL-ID; the collection signs it. */
export function snapExample(path: string, body: unknown): ExampleRequest {
  return { path, headers: { 'X-PARTNER-ID': '{{partnerId}}', 'CHANNEL-ID': '95221' }, body };
}

export function adminRequest(method: string, path: string, body?: unknown): ExampleRequest {
  return { method, path: `/__admin${path}`, body, headers: body === undefined ? { 'Content-Type': undefined } : {} };
}

/** The same request answered by a scripted scenario or fault. */
export function withScenario(request: ExampleRequest, scenario: string): ExampleRequest {
  return { ...request, headers: { ...request.headers, 'X-Mock-Scenario': scenario } };
}
