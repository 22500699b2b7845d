import type { Cents } from './order-source';
import type { VatTable } from '@/lib/mapping';
import { vatRatesFor } from './settings';

/**
 * BigCommerce gives each line's tax as an amount, not a rate. The rate is recovered by trying the rates
 * the merchant's VAT table knows for the country: the one that reproduces BigCommerce's tax to the cent
 * (either way of rounding) wins; otherwise the nearest one within half a percent point.
 */
export function detectRate(table: VatTable, country: string, amount: { ex: Cents; inc: Cents; tax: Cents }): number | undefined {
  const { ex, inc, tax } = amount;
  if (tax === 0) return 0;
  if (ex === 0 && inc === 0) return 0;
  const candidates = vatRatesFor(table, country).filter((r) => r > 0);
  const exact = candidates.filter((r) => {
    const fromEx = roundHalfAway((ex * r) / 100);
    const fromInc = roundHalfAway((inc * r) / (100 + r));
    return Math.abs(fromEx - tax) <= 1 || Math.abs(fromInc - tax) <= 1;
  });
  const observed = ex !== 0 ? (tax / ex) * 100 : (tax / (inc - tax)) * 100;
  const pool = exact.length > 0 ? exact : candidates.filter((r) => Math.abs(r - observed) <= 0.5);
  if (pool.length === 0) return undefined;
  return pool.reduce((best, r) => (Math.abs(r - observed) < Math.abs(best - observed) ? r : best));
}

/** What a line charged, as a percentage for a message: "19 %", "20.5 %". */
export function observedRate(amount: { ex: Cents; tax: Cents }): string {
  if (amount.ex === 0) return '?';
  const rate = Math.round((amount.tax / amount.ex) * 1000) / 10;
  return `${rate} %`;
}

/** Half away from zero, on cents. */
export function roundHalfAway(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value) + 1e-9);
}

/** Splits a tax-inclusive amount at `rate` percent. */
export function splitInclusive(inc: Cents, rate: number): { ex: Cents; inc: Cents; tax: Cents } {
  const tax = roundHalfAway((inc * rate) / (100 + rate));
  return { ex: inc - tax, inc, tax };
}

/** Splits a tax-exclusive amount at `rate` percent. */
export function splitExclusive(ex: Cents, rate: number): { ex: Cents; inc: Cents; tax: Cents } {
  const tax = roundHalfAway((ex * rate) / 100);
  return { ex, inc: ex + tax, tax };
}
