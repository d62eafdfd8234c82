import type { SandboxDeps } from '../core/types.js';
import { disbursementKey, type Disbursement, type DisbursementKind } from './Disbursement.js';

/** How a status inquiry names a disbursement: by the partner's number, DANA's number, or both. */
export interface DisbursementRef {
  partnerReferenceNo?: string;
  referenceNo?: string;
}

export function saveDisbursement(entry: Disbursement, deps: SandboxDeps): Disbursement {
  deps.store.put(
    'disbursements',
    disbursementKey(entry.partnerId, entry.kind, entry.partnerReferenceNo),
    entry,
    entry.session,
  );
  return entry;
}

/** An in-progress transfer whose settleAt the sandbox clock passed is SUCCESS from then on. */
export function settleDisbursement(entry: Disbursement, deps: SandboxDeps): Disbursement {
  if (entry.status !== 'PROCESSING' || !entry.settleAt) return entry;
  if (deps.clock.now(entry.session).getTime() < Date.parse(entry.settleAt)) return entry;
  return saveDisbursement({ ...entry, status: 'SUCCESS', finishedAt: entry.settleAt }, deps);
}

/** The partner's disbursement of one kind, by partnerReferenceNo (else referenceNo), settled up to the sandbox clock. */
export function findDisbursement(
  deps: SandboxDeps,
  partnerId: string,
  kind: DisbursementKind,
  ref: DisbursementRef,
  session?: string,
): Disbursement | undefined {
  const byPartnerNo = ref.partnerReferenceNo
    ? deps.store.get('disbursements', disbursementKey(partnerId, kind, ref.partnerReferenceNo), session)
    : undefined;
  const entry =
    byPartnerNo ??
    (ref.referenceNo
      ? deps.store
          .list('disbursements', session)
          .find((d) => d.partnerId === partnerId && d.kind === kind && d.referenceNo === ref.referenceNo)
      : undefined);
  return entry && settleDisbursement(entry, deps);
}

/** Every disbursement of the scope, oldest first, settled up to the sandbox clock (control plane). */
export function listDisbursements(deps: SandboxDeps, session?: string): Disbursement[] {
  return deps.store
    .list('disbursements', session)
    .map((d) => settleDisbursement(d, deps))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** DANA's id for a new disbursement: its date, then random hex (as DANA's referenceNo looks). */
export const newReferenceNo = (deps: SandboxDeps, at: Date) =>
  `${at.toISOString().slice(0, 10).replaceAll('-', '')}2011${deps.ids.hex(8)}`;
