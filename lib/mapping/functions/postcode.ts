import { countryIso2 } from './countries';

const NL = /^(?:NL-?)?([1-9]\d{3})([A-Z]{2})$/;
const BE = /^(?:B-?|BE-?)?(\d{4})$/;

/**
 * `1234ab` → `1234 AB` for the Netherlands (also when no country is given: no other country writes four digits
 * and two letters); Belgian codes keep their four digits; everything else is trimmed. A code that does not fit its
 * country's pattern is returned trimmed rather than refused, because a typo in a postcode must not stop an order.
 */
export function formatPostcode(code: string | undefined, country?: string): string | undefined {
  if (code === undefined) return undefined;
  const trimmed = code.trim().replace(/\s+/g, ' ');
  const compact = trimmed.replace(/\s/g, '').toUpperCase();
  const iso = country === undefined || country.trim() === '' ? undefined : (countryIso2(country) ?? country.trim().toUpperCase());
  if (iso === undefined || iso === 'NL') {
    const nl = NL.exec(compact);
    if (nl) return `${nl[1]} ${nl[2]}`;
  }
  if (iso === 'BE') {
    const be = BE.exec(compact);
    if (be?.[1]) return be[1];
  }
  return trimmed;
}
