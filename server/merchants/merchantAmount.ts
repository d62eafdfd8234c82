import { toCents } from '../payments/money.js';

/**
 * A balance as DANA's merchant queries write it: a JSON string of the amount in the currency's
 * smallest unit and the currency, `{"amount":"250000000","currency":"IDR"}` for IDR 2,500,000.00
 * (DANA's Check Disbursement Account document; docs/merchant-management.md#balances).
 */
export const merchantAmount = (idr: string) => JSON.stringify({ amount: String(toCents(idr)), currency: 'IDR' });
