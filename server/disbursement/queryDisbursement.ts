import type { AdmittedExchange } from '../core/endpoint.js';
import type { Outcome, SandboxDeps } from '../core/types.js';
import type { SnapCaseKey } from '../protocols/snap/snapCases.js';
import { disbursementStatusCodes, type DisbursementKind } from './Disbursement.js';
import { findDisbursement } from './disbursementBook.js';

interface StatusBody {
  originalPartnerReferenceNo?: string;
  originalReferenceNo?: string | null;
  serviceCode: string;
}

/**
 * Top-up status and transfer-to-bank status: the disbursement's state now (an in-progress transfer whose time came
 * reads Success), 404xx01 Transaction Not Found for a number the partner never used.
 */
export function queryDisbursement(
  exchange: AdmittedExchange,
  deps: SandboxDeps,
  kind: DisbursementKind,
): Outcome<SnapCaseKey> {
  const body = exchange.body as StatusBody;
  const ref = {
    partnerReferenceNo: body.originalPartnerReferenceNo || undefined,
    referenceNo: body.originalReferenceNo || undefined,
  };
  if (!ref.partnerReferenceNo && !ref.referenceNo)
    return {
      case: 'invalidMandatoryField',
      detail: 'originalPartnerReferenceNo',
      debug: 'Name the transfer by originalPartnerReferenceNo or originalReferenceNo.',
    };
  const entry = findDisbursement(deps, exchange.partner.partnerId, kind, ref, exchange.session);
  if (!entry)
    return {
      case: 'transactionNotFound',
      debug: `Partner ${exchange.partner.partnerId} has no ${kind === 'topUp' ? 'top-up' : 'bank transfer'} ${JSON.stringify(ref)}.`,
    };
  const status = disbursementStatusCodes[entry.status];
  return {
    case: 'successful',
    data: {
      originalPartnerReferenceNo: entry.partnerReferenceNo,
      originalReferenceNo: entry.referenceNo,
      originalExternalId: entry.externalId ?? '',
      serviceCode: body.serviceCode,
      amount: entry.amount,
      latestTransactionStatus: status.code,
      transactionStatusDesc: status.desc,
      additionalInfo: {},
    },
  };
}
