import type { Exchange } from '../core/endpoint.js';
import { SandboxError } from '../core/SandboxError.js';

/**
 * DANA disburses rupiah only: another currency in amount or feeAmount answers a bare "Invalid Field Format", as DANA's
 * UAT cases *InvalidFieldFormat show (the field is named under X-Debug-Mode).
 */
export function checkRupiah(exchange: Exchange): void {
  const body = exchange.body as Record<string, { currency?: string } | undefined>;
  for (const field of ['amount', 'feeAmount']) {
    const currency = body[field]?.currency;
    if (currency !== undefined && currency !== 'IDR')
      throw new SandboxError(
        'invalidFieldFormat',
        undefined,
        `${field}.currency is "${currency}"; DANA disburses IDR only.`,
      );
  }
}
