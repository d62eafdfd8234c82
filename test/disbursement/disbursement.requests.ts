import { expect } from '@jest/globals';
import type { Sandbox } from '../../server/sandbox.js';
import { disbursementPaths } from '../../server/disbursement/disbursementExamples.js';
import { fillCase, freshReference, post, readUatCases } from '../payments/payments.requests.js';

export const paths = disbursementPaths;

/** DANA's UAT case request of `operation`/`name`, its placeholders filled with `reference`. */
export function uatRequest(operation: string, name: string, reference: string): Record<string, any> {
  const body = fillCase(readUatCases('Disbursement', operation)[name].request, { reference, notifyUrl: '' });
  // DANA's runners give every creating request a fresh partnerReferenceNo, even where the case lists none.
  if (!('originalPartnerReferenceNo' in body)) body.partnerReferenceNo = reference;
  return body;
}

/** The states a status case needs its disbursement in: made by DANA's own case requests, as its runner does. */
export const setups = {
  paidTopUp: ['TransferToDana', 'TopUpCustomerValid', paths.transferToDana],
  failedTopUp: ['TransferToDana', 'TopUpCustomerExceedAmountLimit', paths.transferToDana],
  bankTransfer: ['TransferToBank', 'DisbursementBankValidAccount', paths.transferToBank],
} as const;
export type Setup = keyof typeof setups;

/** Makes the disbursement a status case reads, through the API; returns its partnerReferenceNo. */
export async function prepare(sandbox: Sandbox, setup: Setup): Promise<string> {
  const reference = freshReference(setup);
  const [operation, name, path] = setups[setup];
  await post(sandbox.app, path, uatRequest(operation, name, reference));
  return reference;
}

/** DANA's runner's comparison (github.com/dana-id/uat-script, its Node helper assertion.ts): every expected member, "a|b" = either. */
export function expectLikeDana(expected: unknown, actual: unknown, path = 'response'): void {
  if (typeof expected === 'string' && typeof actual === 'string' && expected.includes('|')) {
    expect({ [path]: expected.split('|') }).toEqual({ [path]: expect.arrayContaining([actual]) });
    return;
  }
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    expect({ [path]: typeof actual }).toEqual({ [path]: 'object' });
    for (const [key, value] of Object.entries(expected))
      expectLikeDana(value, (actual as Record<string, unknown>)[key], `${path}.${key}`);
    return;
  }
  expect({ [path]: actual }).toEqual({ [path]: expected });
}
