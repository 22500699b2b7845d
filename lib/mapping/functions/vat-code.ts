import { z } from 'zod';

import { countryIso2, EU_COUNTRIES } from './countries';
import { MapperFunctionError } from './errors';

/**
 * Which AccountView VAT code a sale gets. Data, not code: a store overrides it by passing its own table as the
 * `$vatTable` binding (or as the third argument of `$vatCode`). Rates are percentages written as text ("21", "5.5").
 */
export interface VatTable {
  /** Country of the AccountView administration: its rates apply to domestic sales. */
  home: string;
  /** Domestic rate → VAT code. */
  rates: Record<string, string>;
  /** 0 % sale to a business in another EU country (intra-community supply, VAT reverse-charged). */
  euReverseCharge: string;
  /** 0 % sale to outside the EU (export). */
  export: string;
  /** Per destination country, rate → code, checked first: for OSS, where the customer's country's VAT applies. */
  countries?: Record<string, Record<string, string>>;
}

/**
 * The default, for a Dutch administration with AccountView's standard codes: 21 % → "2" (high), 9 % → "1" (low),
 * 0 % → "0"; 0 % to a business elsewhere in the EU → "3" (reverse charge); 0 % outside the EU → "4" (export).
 * This is the one place these defaults are written down.
 */
export const DEFAULT_VAT_TABLE: Readonly<VatTable> = {
  home: 'NL',
  rates: { '21': '2', '9': '1', '0': '0' },
  euReverseCharge: '3',
  export: '4',
};

const code = z.string().trim().min(1);
const rateMap = z.record(z.string(), code);

export const vatTableSchema = z.object({
  home: z.string().trim().length(2).transform((s) => s.toUpperCase()),
  rates: rateMap,
  euReverseCharge: code,
  export: code,
  countries: z.record(z.string(), rateMap).optional(),
});

/** Rates computed from rounded amounts drift (20.996 %); within this many points they count as the table's rate. */
const RATE_TOLERANCE = 0.05;

export class VatCodeError extends MapperFunctionError {
  override name = 'VatCodeError';
}

const parsedTables = new WeakMap<object, VatTable>();

function parseTable(table: unknown): VatTable {
  if (table === undefined || table === null) return DEFAULT_VAT_TABLE;
  if (typeof table === 'object') {
    const cached = parsedTables.get(table);
    if (cached) return cached;
  }
  const parsed = vatTableSchema.safeParse(table);
  if (!parsed.success) {
    throw new VatCodeError(`the VAT table is not valid (${parsed.error.issues.map((i) => `${i.path.join('.') || 'table'}: ${i.message}`).join('; ')})`);
  }
  if (typeof table === 'object') parsedTables.set(table, parsed.data);
  return parsed.data;
}

function toRate(rate: number | string): number {
  const value = typeof rate === 'number' ? rate : Number(rate.trim().replace('%', ''));
  if (!Number.isFinite(value) || value < 0) throw new VatCodeError(`"${String(rate)}" is not a VAT percentage`);
  return value;
}

function codeFor(rates: Record<string, string> | undefined, rate: number): string | undefined {
  if (!rates) return undefined;
  let best: { code: string; distance: number } | undefined;
  for (const [key, value] of Object.entries(rates)) {
    const distance = Math.abs(Number(key) - rate);
    if (distance <= RATE_TOLERANCE && (!best || distance < best.distance)) best = { code: value, distance };
  }
  return best?.code;
}

/**
 * The AccountView VAT code for a sale at `ratePercent` to `country` (ISO2 or a country name; empty means domestic).
 * Order of checks: the destination's own entries; domestic rates at home; 0 % abroad as reverse charge (EU) or
 * export; a rate above 0 % abroad as the domestic rate that was charged (distance sales below the OSS threshold).
 * No match is an error that says what to add to the table, never a guessed code.
 */
export function vatCode(ratePercent: number | string | undefined, country?: string, table?: unknown): string | undefined {
  if (ratePercent === undefined) return undefined;
  const vat = parseTable(table);
  const rate = toRate(ratePercent);
  const home = vat.home.toUpperCase();
  const destination = country === undefined || country.trim() === '' ? home : countryIso2(country);
  if (!destination) throw new VatCodeError(`"${country}" is not a country we know, so no VAT code can be chosen`);

  const found =
    codeFor(vat.countries?.[destination], rate) ??
    (destination === home || rate > RATE_TOLERANCE
      ? codeFor(vat.rates, rate)
      : EU_COUNTRIES.has(destination)
        ? vat.euReverseCharge
        : vat.export);
  if (found === undefined) {
    throw new VatCodeError(
      `no AccountView VAT code for ${rate}% in ${destination}; add the rate to the VAT table in the mapping settings`,
    );
  }
  return found;
}
