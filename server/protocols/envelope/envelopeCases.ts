import { commonCases } from '../../core/SandboxError.js';

/** One row of an Open API result table: what goes into `response.body.resultInfo`. */
export interface EnvelopeCase {
  /** S = success, F = failure, U = unknown (the outcome is not known: retry or query). */
  resultStatus: 'S' | 'F' | 'U';
  resultCodeId: string;
  resultCode: string;
  resultMsg: string;
}

const c = (
  resultStatus: EnvelopeCase['resultStatus'],
  resultCodeId: string,
  resultCode: string,
  resultMsg: string,
): EnvelopeCase => ({ resultStatus, resultCodeId, resultCode, resultMsg });

/**
 * The result table of DANA's pushNotificationUser document (docs/protocol.md#pushnotificationuser), keyed by the names endpoints and scenario
 * packs use. Messages are the seed's text; where the seed is odd: SUCCESS says "success" as in its
 * response sample (its table says "Success"), PARAM_MISSING drops the seed's typo "not missing",
 * PARAM_ILLEGAL keeps only the first sentence, and KEY_NO_FOUND keeps the seed's spelling.
 */
export const envelopeRows = {
  successful: c('S', '00000000', 'SUCCESS', 'success'),
  systemError: c('U', '00000900', 'SYSTEM_ERROR', 'SYSTEM_ERROR'),
  paramIllegal: c('F', '00000004', 'PARAM_ILLEGAL', 'Illegal parameters'),
  paramMissing: c('F', '00000002', 'PARAM_MISSING', 'One or more mandatory parameters is/are missing'),
  invalidSignature: c('F', '00000007', 'INVALID_SIGNATURE', 'Signature is invalid'),
  keyNotFound: c('F', '00000008', 'KEY_NO_FOUND', 'Key is not found'),
  noInterfaceDef: c('F', '00000013', 'NO_INTERFACE_DEF', 'API is not defined'),
  invalidApi: c('F', '00000014', 'INVALID_API', 'The called API is invalid or not active'),
  msgParseError: c('F', '00000015', 'MSG_PARSE_ERROR', 'Message parsed error'),
  oauthFailed: c('F', '00000016', 'OAUTH_FAILED', 'oAuth authentication failed'),
  functionNotMatch: c('F', '00000017', 'FUNCTION_NOT_MATCH', 'Function parameter does not match API'),
  redirectUrlIllegal: c('F', '10000006', 'REDIRECT_URL_ILLEGAL', 'Redirect Url not valid'),
  merchantNotMatch: c('F', '10000005', 'MERCHANT_NOT_MATCH', 'Merchant ID differ from requestor'),
  invalidTransId: c('F', '10000003', 'INVALID_TRANS_ID', 'Trans ID not found'),
  moreThanOnceInvoke: c('F', '10000002', 'MORE_THAN_ONCE_INVOKE', 'Already invoke'),
  notSupportedMerchant: c('F', '50100001', 'NOT_SUPPORTED_MERCHANT', 'Merchant config not found'),
} as const satisfies Record<string, EnvelopeCase>;

/**
 * The rows DANA's merchant-management documents add to that table (docs/merchant-management.md#result-codes):
 * Create Shop and Create Division (12015201-12015206; ROLE_HAS_EXIST says "shop has existed" or
 * "division has existed"), Update Shop (SHOP_NOT_EXIST and PARENT_ID_NOT_EXIST under the generic ids
 * 00000004 and 00000900, as DANA lists them) and Update Division (12015980, 12015984). Only the
 * merchant-management endpoints answer them (`envelopeProtocol({ extraCases })`).
 */
export const merchantManagementRows = {
  merchantNotExist: c('F', '12015201', 'MERCHANT_NOT_EXIST', 'merchant not exist'),
  merchantStatusError: c('F', '12015202', 'MERCHANT_STATUS_ERROR', 'merchant status is not normal'),
  parentDivisionNotExist: c('F', '12015203', 'DIVISION_NOT_EXIST', 'parent division not exist'),
  parentDivisionStatusError: c('F', '12015204', 'DIVISION_STATUS_ERROR', 'parent division status is not normal'),
  parentDivisionTypeIllegal: c('F', '12015205', 'PARENT_DIVISION_TYPE_ILLEGAL', 'parent division type is not correct'),
  shopHasExisted: c('F', '12015206', 'ROLE_HAS_EXIST', 'shop has existed'),
  divisionHasExisted: c('F', '12015206', 'ROLE_HAS_EXIST', 'division has existed'),
  shopNotExist: c('F', '00000004', 'SHOP_NOT_EXIST', 'shop not exist'),
  parentIdNotExist: c('F', '00000900', 'PARENT_ID_NOT_EXIST', 'parent id not exist'),
  divisionNotExist: c('F', '12015980', 'DIVISION_NOT_EXIST', 'division not exist'),
  divisionNotAvailable: c('F', '12015984', 'DIVISION_NOT_AVAILABLE', 'division not available for update'),
} as const satisfies Record<string, EnvelopeCase>;

/** The protocol-neutral keys that shared stages throw, rendered as the closest row. */
const commonRows = {
  [commonCases.badRequest]: envelopeRows.msgParseError,
  [commonCases.invalidMandatoryField]: envelopeRows.paramMissing,
  [commonCases.invalidFieldFormat]: envelopeRows.paramIllegal,
  [commonCases.unauthorized]: envelopeRows.oauthFailed,
  [commonCases.notFound]: envelopeRows.noInterfaceDef,
  [commonCases.methodNotAllowed]: envelopeRows.invalidApi,
  [commonCases.conflict]: envelopeRows.moreThanOnceInvoke,
  [commonCases.generalError]: envelopeRows.systemError,
} as const satisfies Record<keyof typeof commonCases, EnvelopeCase>;

export const envelopeCases = { ...envelopeRows, ...commonRows } as const;

export type EnvelopeCaseKey = keyof typeof envelopeCases;

export function isEnvelopeCaseKey(key: string): key is EnvelopeCaseKey {
  return Object.hasOwn(envelopeCases, key);
}

/** The catalogue message, then the request field at fault (or the reason): "Illegal parameters: request.head.reqTime". */
export function envelopeResultMsg(key: EnvelopeCaseKey, detail?: string): string {
  return withDetail(envelopeCases[key].resultMsg, detail);
}

/** A row's message, then the field at fault or the reason, if any. */
export const withDetail = (resultMsg: string, detail?: string) => (detail ? `${resultMsg}: ${detail}` : resultMsg);
