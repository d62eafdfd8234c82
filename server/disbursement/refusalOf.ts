import type { Outcome } from '../core/types.js';
import type { SnapCaseKey } from '../protocols/snap/snapCases.js';
import type { DisbursementRefusal } from './Disbursement.js';
import type { MagicRule } from './magicData.js';

/** A magic rule as the answer DANA gives, with the members it adds (data) and the reason under X-Debug-Mode. */
export function refusalOf(rule: MagicRule, data?: Record<string, unknown>): Outcome<SnapCaseKey> {
  return {
    case: rule.case,
    ...(rule.message && { message: rule.message }),
    ...(data && { data }),
    debug: `${rule.why[0].toUpperCase()}${rule.why.slice(1)}.`,
  };
}

/** What a refused disbursement keeps, to answer a repeat of its request the same way. */
export const keepRefusal = (outcome: Outcome<SnapCaseKey>): DisbursementRefusal => ({
  case: outcome.case,
  ...(outcome.message && { message: outcome.message }),
  ...(outcome.detail && { detail: outcome.detail }),
  ...(outcome.data && { data: outcome.data }),
});

/** The kept refusal as an answer again. */
export const replayRefusal = (refusal: DisbursementRefusal, partnerReferenceNo: string): Outcome<SnapCaseKey> => ({
  ...(refusal as Outcome<SnapCaseKey>),
  debug: `partnerReferenceNo ${partnerReferenceNo} was refused before; the same request gets the same answer.`,
});
