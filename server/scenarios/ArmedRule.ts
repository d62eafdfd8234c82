/** What a request must carry for an armed rule to answer it; every given field must match. */
export interface RuleMatch {
  partnerId?: string;
  /** A customer token, B2B token or bank card token anywhere the endpoint takes one. */
  token?: string;
  /** Dot paths into the parsed body and the values they must hold, e.g. {"request.body.bizType": "X"}. */
  body?: Record<string, unknown>;
  /** A named body field the endpoint declares in its `matchFields` (e.g. a journey id) and the value it must hold. */
  [field: string]: string | Record<string, unknown> | undefined;
}

/** The match members every endpoint takes; any other member is a named field of the endpoint's `matchFields`. */
export const commonMatchFields: readonly string[] = ['partnerId', 'token', 'body'];

/** A scenario armed through the control plane for the requests it matches. */
export interface ArmedRule {
  id: string;
  endpoint: string;
  scenario: string;
  match?: RuleMatch;
  /** Uses left; absent = every matching request until disarmed. */
  remaining?: number;
  session?: string;
  armedAt: string;
}
