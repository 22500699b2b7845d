/** Standard and reduced VAT in the countries the seed stores sell to. */
const RATES: Record<string, { standard: number; reduced: number }> = {
  NL: { standard: 21, reduced: 9 },
  BE: { standard: 21, reduced: 6 },
  DE: { standard: 19, reduced: 7 },
};

/** Tax class ids as a Low Countries merchant sets them up: 0 default (standard), 1 non-taxable, 2 shipping, 4 reduced. */
export const TAX_CLASS = { default: 0, nonTaxable: 1, shipping: 2, reduced: 4 } as const;

export function vatRate(countryCode: string, taxClassId: number): number {
  const rates = RATES[countryCode] ?? { standard: 21, reduced: 9 };
  if (taxClassId === TAX_CLASS.nonTaxable) return 0;
  return taxClassId === TAX_CLASS.reduced ? rates.reduced : rates.standard;
}

const COUNTRY_NAMES: Record<string, string> = {
  NL: 'Netherlands',
  BE: 'Belgium',
  DE: 'Germany',
  FR: 'France',
  LU: 'Luxembourg',
  GB: 'United Kingdom',
  US: 'United States',
};

/** BigCommerce spells countries in English, whatever the store language. */
export function countryName(iso2: string): string {
  return COUNTRY_NAMES[iso2.toUpperCase()] ?? iso2.toUpperCase();
}
