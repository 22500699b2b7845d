import { MapperFunctionError } from './errors';

/**
 * Rounding for invoices: half away from zero (2.675 → 2.68, -2.5 → -3). JSONata's own `$round` rounds half to even,
 * which is right for statistics and wrong for amounts a ledger has to reproduce.
 */
export function roundHalfAwayFromZero(value: number | undefined, decimals = 0): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(decimals) || decimals < -15 || decimals > 15) {
    throw new MapperFunctionError('$round: the number of decimals must be a whole number between -15 and 15');
  }
  if (!Number.isFinite(value)) return value;
  // Shift by the decimal exponent instead of multiplying: 1.005 * 100 is 100.49999…, while 1.005e2 is 100.5.
  const magnitude = shift(Math.round(shift(Math.abs(value), decimals)), -decimals);
  return value < 0 && magnitude !== 0 ? -magnitude : magnitude;
}

/** Whole cents: `12.345` → `1235`. */
export function cents(value: number | undefined): number | undefined {
  const rounded = roundHalfAwayFromZero(value, 2);
  if (rounded === undefined) return undefined;
  const whole = Math.round(shift(rounded, 2));
  return whole === 0 ? 0 : whole;
}

function shift(value: number, places: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}
