import { snapCases, snapResponseCode, type SnapCaseKey } from '../protocols/snap/snapCases.js';

/**
 * DANA's sandbox picks a failure by magic data: an amount spelling the response code without its second digit
 * (refundAmount 435815.00 -> 4035815, amount 505401.00 -> 5005401; DANA's UAT cases) or a referenced order number
 * that is the code itself (originalPartnerReferenceNo "4035705" -> 4035705). Success is never magic.
 */
export function magicCaseOfAmount(value: string, serviceCode: string): SnapCaseKey | undefined {
  const match = /^(\d{6})\.00$/.exec(value);
  if (!match) return undefined;
  return caseKeys().find((key) => {
    const code = snapResponseCode(key, serviceCode);
    return code[0] + code.slice(2) === match[1];
  });
}

export function magicCaseOfReference(reference: string, serviceCode: string): SnapCaseKey | undefined {
  if (!/^\d{7}$/.test(reference)) return undefined;
  return caseKeys().find((key) => snapResponseCode(key, serviceCode) === reference);
}

/** Codes the magic data may pick: every case but plain success and the checks that run before any data is read. */
const caseKeys = () =>
  (Object.keys(snapCases) as SnapCaseKey[]).filter(
    (key) => !['successful', 'badRequest', 'invalidFieldFormat', 'invalidMandatoryField', 'unauthorized'].includes(key),
  );
