import type { Money } from '../payments/money.js';
import type { Instant } from '../store/entities.js';

/** A transfer to a customer's DANA balance (top-up, SNAP 38) or to a bank account (SNAP 43). */
export type DisbursementKind = 'topUp' | 'bankTransfer';

/** PROCESSING: a bank transfer DANA answered "Request In Progress" for; it settles at settleAt on the sandbox clock. */
export type DisbursementStatus = 'SUCCESS' | 'PROCESSING' | 'FAILED';

/** A refusal kept with its record, so a repeat of the same request gets the same answer. */
export interface DisbursementRefusal {
  case: string;
  message?: string;
  detail?: string;
  data?: Record<string, unknown>;
}

/** One disbursement as DANA holds it. Stored under disbursementKey(partnerId, kind, partnerReferenceNo). */
export interface Disbursement {
  kind: DisbursementKind;
  /** DANA's id (the SDK's referenceNo / originalReferenceNo). */
  referenceNo: string;
  partnerReferenceNo: string;
  partnerId: string;
  amount: Money;
  feeAmount: Money;
  /** The payee: a DANA customer (top-up) or the merchant's customer number (bank transfer), as sent. */
  customerNumber: string;
  /** The DANA customer the top-up credited. */
  customerId?: string;
  beneficiaryAccountNumber?: string;
  beneficiaryBankCode?: string;
  status: DisbursementStatus;
  createdAt: Instant;
  /** When a PROCESSING transfer becomes SUCCESS (sandbox clock). */
  settleAt?: Instant;
  finishedAt?: Instant;
  externalId?: string;
  /** The request as parsed, to tell a repeat from an inconsistent reuse of its partnerReferenceNo. */
  requestFingerprint: string;
  /** Why a FAILED disbursement was refused (replayed to a repeat of the request). */
  refusal?: DisbursementRefusal;
  /** The session (X-Mock-Session) it lives in; undefined = the global scope. */
  session?: string;
}

/** The funds a partner disburses from (its DANA merchant deposit). Stored under the partner's X-PARTNER-ID. */
export interface MerchantBalance {
  partnerId: string;
  balance: string;
  /** When the control plane or a disbursement last changed it; absent for a fixture never touched. */
  updatedAt?: Instant;
}

/** partnerReferenceNo is unique per partner and per service, as on DANA. */
export const disbursementKey = (partnerId: string, kind: DisbursementKind, partnerReferenceNo: string) =>
  JSON.stringify([partnerId, kind, partnerReferenceNo]);

/** DANA's latestTransactionStatus codes and descriptions (SDK enum 00-07; UAT cases InquiryTopUpStatusValid*). */
export const disbursementStatusCodes: Record<DisbursementStatus, { code: string; desc: string }> = {
  SUCCESS: { code: '00', desc: 'Success' },
  PROCESSING: { code: '03', desc: 'Pending' },
  FAILED: { code: '06', desc: 'Failed' },
};
