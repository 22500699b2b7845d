/**
 * Amounts are kept in integer cents so that every derived figure (ex, inc, tax) adds up to the cent,
 * which is what an accounting export checks first.
 */
export type Cents = number;

export function toCents(amount: number): Cents {
  return Math.round(amount * 100);
}

/** V2 money fields are strings with four decimals, e.g. `"12.3400"`. */
export function v2Money(cents: Cents): string {
  return (cents / 100).toFixed(4);
}

/** V3 money fields are plain numbers. */
export function v3Money(cents: Cents): number {
  return cents / 100;
}

/** Half away from zero, as BigCommerce rounds tax per line. */
export function roundHalfUp(value: number): Cents {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/** Splits a tax-inclusive amount into its tax part for a rate in percent (21 → 21 %). */
export function taxOfInclusive(inclusive: Cents, ratePercent: number): Cents {
  return roundHalfUp((inclusive * ratePercent) / (100 + ratePercent));
}

export function taxOfExclusive(exclusive: Cents, ratePercent: number): Cents {
  return roundHalfUp((exclusive * ratePercent) / 100);
}

/** Distributes `total` over `weights` proportionally; the rounding remainder goes to the largest weight. */
export function distribute(total: Cents, weights: readonly Cents[]): Cents[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  let remainder = total - shares.reduce((a, b) => a + b, 0);
  const order = weights.map((w, i) => ({ w, i })).sort((a, b) => b.w - a.w);
  for (let k = 0; remainder > 0; k = (k + 1) % order.length, remainder--) {
    const idx = order[k]?.i ?? 0;
    shares[idx] = (shares[idx] ?? 0) + 1;
  }
  return shares;
}
