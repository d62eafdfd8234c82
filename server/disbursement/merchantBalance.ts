import type { Outcome, SandboxDeps } from '../core/types.js';
import { fromCents, toCents } from '../payments/money.js';
import type { SnapCaseKey } from '../protocols/snap/snapCases.js';
import type { MerchantBalance } from './Disbursement.js';
import { disbursementTerms } from './magicData.js';

/** A partner's merchant deposit in the scope (a session sees its own over the global one), or the default. */
export function readMerchantBalance(deps: SandboxDeps, partnerId: string, session?: string): MerchantBalance {
  return (
    deps.store.get('merchantBalances', partnerId, session) ?? {
      partnerId,
      balance: disbursementTerms.defaultMerchantBalance,
      updatedAt: deps.clock.now(session).toISOString(),
    }
  );
}

/** Sets a partner's merchant deposit to `cents`. */
export function writeMerchantBalance(
  deps: SandboxDeps,
  partnerId: string,
  cents: number,
  session?: string,
): MerchantBalance {
  const entry = { partnerId, balance: fromCents(cents), updatedAt: deps.clock.now(session).toISOString() };
  deps.store.put('merchantBalances', partnerId, entry, session);
  return entry;
}

/** Takes `cents` from the partner's deposit; false (and nothing taken) when it holds less. */
export function drawMerchantBalance(deps: SandboxDeps, partnerId: string, cents: number, session?: string): boolean {
  const held = toCents(readMerchantBalance(deps, partnerId, session).balance);
  if (held < cents) return false;
  writeMerchantBalance(deps, partnerId, held - cents, session);
  return true;
}

/** DANA's Insufficient Fund when the partner's deposit holds less than `costCents`; undefined when it covers it. */
export function checkMerchantFunds(
  deps: SandboxDeps,
  partnerId: string,
  costCents: number,
  session?: string,
): Outcome<SnapCaseKey> | undefined {
  const held = toCents(readMerchantBalance(deps, partnerId, session).balance);
  if (held >= costCents) return undefined;
  return {
    case: 'insufficientFunds',
    debug: `Partner ${partnerId}'s merchant balance is ${fromCents(held)}; this needs ${fromCents(costCents)} (POST /__admin/merchant-balances/${partnerId}/fund adds funds).`,
  };
}
