import type { AdmittedExchange } from '../core/endpoint.js';
import { fingerprint } from '../core/fingerprint.js';
import { formatJakartaTime } from '../core/jakartaTime.js';
import type { Outcome, SandboxDeps } from '../core/types.js';
import { idr, toCents, type Money } from '../payments/money.js';
import type { SnapCaseKey } from '../protocols/snap/snapCases.js';
import { decideBankTransfer } from './decideBankTransfer.js';
import type { Disbursement } from './Disbursement.js';
import { findDisbursement, newReferenceNo, saveDisbursement } from './disbursementBook.js';
import { disbursementTerms } from './magicData.js';
import { drawMerchantBalance } from './merchantBalance.js';
import { keepRefusal, replayRefusal } from './refusalOf.js';

interface TransferBody {
  partnerReferenceNo: string;
  customerNumber: string;
  beneficiaryAccountNumber: string;
  beneficiaryBankCode: string;
  amount: Money;
  additionalInfo: { needNotify?: boolean | null };
}

/** What DANA answers for a transfer it holds: its refusal again, Request In Progress, or Success. */
function answerTransfer(entry: Disbursement): Outcome<SnapCaseKey> {
  if (entry.refusal) return replayRefusal(entry.refusal, entry.partnerReferenceNo);
  const processing = entry.status === 'PROCESSING';
  return {
    case: processing ? 'inProgress' : 'successful',
    data: {
      referenceNo: entry.referenceNo,
      partnerReferenceNo: entry.partnerReferenceNo,
      transactionDate: formatJakartaTime(new Date(entry.createdAt)),
      additionalInfo: {},
    },
  };
}

/**
 * Transfer to bank: the merchant's deposit pays amount (+ the sandbox fee) to DANA's test account. With
 * additionalInfo.needNotify true DANA answers 2024300 Request In Progress (UAT DisbursementBankValidAccountInProgress)
 * and the transfer settles settleAfterSeconds later on the sandbox clock; otherwise it is done at once (2004300).
 * A partnerReferenceNo already used answers as before for the same request, 4044318 Inconsistent Request for another.
 */
export function transferToBankAccount(exchange: AdmittedExchange, deps: SandboxDeps): Outcome<SnapCaseKey> {
  const body = exchange.body as TransferBody;
  const { partner, session } = exchange;
  const print = fingerprint(body);
  const ref = { partnerReferenceNo: body.partnerReferenceNo };
  const existing = findDisbursement(deps, partner.partnerId, 'bankTransfer', ref, session);
  if (existing) {
    if (existing.requestFingerprint !== print)
      return {
        case: 'inconsistentRequest',
        debug: `partnerReferenceNo "${body.partnerReferenceNo}" was used at ${existing.createdAt} for another transfer (${existing.referenceNo}).`,
      };
    // A repeat reads the transfer's state now: a settled transfer answers Success.
    return answerTransfer(existing);
  }
  const fee = idr(disbursementTerms.bankTransferFee);
  const costCents = toCents(body.amount.value) + toCents(fee.value);
  const refusal = decideBankTransfer(deps, {
    partnerId: partner.partnerId,
    customerNumber: body.customerNumber,
    accountNumber: body.beneficiaryAccountNumber,
    bankCode: body.beneficiaryBankCode,
    costCents,
    session,
  });
  const now = exchange.receivedAt;
  const entry: Disbursement = {
    kind: 'bankTransfer',
    referenceNo: newReferenceNo(deps, now),
    partnerReferenceNo: body.partnerReferenceNo,
    partnerId: partner.partnerId,
    amount: body.amount,
    feeAmount: fee,
    customerNumber: body.customerNumber,
    beneficiaryAccountNumber: body.beneficiaryAccountNumber,
    beneficiaryBankCode: body.beneficiaryBankCode,
    status: 'FAILED',
    createdAt: now.toISOString(),
    externalId: exchange.externalId,
    requestFingerprint: print,
    session,
  };
  if (refusal) {
    saveDisbursement({ ...entry, finishedAt: entry.createdAt, refusal: keepRefusal(refusal) }, deps);
    return refusal;
  }
  drawMerchantBalance(deps, partner.partnerId, costCents, session);
  const settled = body.additionalInfo.needNotify
    ? {
        status: 'PROCESSING' as const,
        settleAt: new Date(now.getTime() + disbursementTerms.settleAfterSeconds * 1000).toISOString(),
      }
    : { status: 'SUCCESS' as const, finishedAt: entry.createdAt };
  return answerTransfer(saveDisbursement({ ...entry, ...settled }, deps));
}
