import type { SandboxDeps } from '../core/types.js';
import type { Disbursement, MerchantBalance } from '../disbursement/Disbursement.js';
import { listDisbursements, saveDisbursement } from '../disbursement/disbursementBook.js';
import { readMerchantBalance, writeMerchantBalance } from '../disbursement/merchantBalance.js';
import { toCents } from '../payments/money.js';
import { ControlError } from './ControlError.js';

/**
 * Disbursement without the API: read, set and fund a partner's merchant deposit, list top-ups and bank transfers, and
 * settle an in-progress transfer now. Scoped like the rest of the control plane.
 */
export class DisbursementControl {
  constructor(
    private readonly deps: SandboxDeps,
    readonly session?: string,
  ) {}

  /** The partner's merchant deposit (the default when never set: docs/disbursement.md). */
  balance(partnerId: string): MerchantBalance {
    this.checkPartner(partnerId);
    return readMerchantBalance(this.deps, partnerId, this.session);
  }

  /** Sets the deposit to `balance` ("150000.00"). */
  setBalance(partnerId: string, balance: string): MerchantBalance {
    this.checkPartner(partnerId);
    return writeMerchantBalance(this.deps, partnerId, toCents(balance), this.session);
  }

  /** Adds `amount` to the deposit, as a partner's deposit top-up at DANA would. */
  fund(partnerId: string, amount: string): MerchantBalance {
    const held = toCents(this.balance(partnerId).balance);
    return writeMerchantBalance(this.deps, partnerId, held + toCents(amount), this.session);
  }

  /** Every top-up and bank transfer of the scope, oldest first, settled up to the sandbox clock. */
  disbursements(): Disbursement[] {
    return listDisbursements(this.deps, this.session);
  }

  /** Settles an in-progress bank transfer now (by partnerReferenceNo or referenceNo), without moving the clock. */
  settle(ref: string): Disbursement {
    const entry = this.disbursements().find((d) => d.partnerReferenceNo === ref || d.referenceNo === ref);
    if (!entry)
      throw new ControlError(
        404,
        `No disbursement "${ref}" (partnerReferenceNo or referenceNo) in ${this.scopeName()}.`,
      );
    if (entry.status !== 'PROCESSING')
      throw new ControlError(
        409,
        `Disbursement ${entry.partnerReferenceNo} is ${entry.status}; only PROCESSING transfers settle.`,
      );
    const now = this.deps.clock.now(this.session).toISOString();
    return saveDisbursement({ ...entry, status: 'SUCCESS', settleAt: now, finishedAt: now }, this.deps);
  }

  private checkPartner(partnerId: string): void {
    if (!this.deps.partners.get(partnerId))
      throw new ControlError(
        404,
        `No partner "${partnerId}"; registered: ${this.deps.partners
          .list()
          .map((p) => p.partnerId)
          .join(', ')}.`,
      );
  }

  private scopeName(): string {
    return this.session ? `session ${this.session}` : 'the global scope';
  }
}
