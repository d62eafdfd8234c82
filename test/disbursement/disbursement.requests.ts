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
