/** DANA's money object: a decimal string with exactly two fraction digits, and the ISO currency (always IDR). */
export interface Money {
  value: string;
  currency: string;
}

/** "15000.00" -> 1500000 (cents), so sums and comparisons are exact. */
export function toCents(value: string): number {
  const [whole, fraction = ''] = value.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

/** 1500000 -> "15000.00". */
export function fromCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export const idr = (value: string): Money => ({ value, currency: 'IDR' });
