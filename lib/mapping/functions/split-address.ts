/** Dutch and Belgian street lines → street, house number and addition (AccountView ST_STREET, ST_NR, ST_EXTRA). */

export interface SplitAddress {
  street: string;
  /** Digits only; '' when the line has no house number. */
  number: string;
  /** What follows the number, without its leading separator: `A`, `bis`, `hs`, `2`, `bus 3`, `1hg`; or ''. */
  addition: string;
}

const WORD = String.raw`(?:[a-z]{1,3}|quater|huis|hoog|boven|beneden|rood|zwart|voor|achter|links|rechts|[ivx]{1,4})`;
const BOX = String.raw`(?:bus|bte|boite|boîte|box|b|app|apt|unit|flat)\.?\s?\d{1,4}[a-z]?`;
const STOREY = String.raw`(?:hg|h|hoog|verd|verdieping|et|etage|étage)`;
const FLOOR = String.raw`(?:\d{1,2}(?:e|ste|de)(?:\s?${STOREY})?|\d{1,2}\s?${STOREY})`;

/**
 * What may follow a house number. Deliberately narrow, so that a number inside a street name ("Plein 1940-1945 10")
 * is not taken for the house number: at most two parts, and a bare number only first and only after - or /.
 */
const PART = `(?:${BOX}|${FLOOR}|${WORD})`;
const ADDITION = new RegExp(
  String.raw`^(?:[-/]\d{1,3}[a-z]{0,3}(?:[\s-]+(?:${BOX}|${WORD}))?|[\s-]*${PART}(?:[\s-]+${PART})?)?$`,
  'i',
);

/** Longer than any street line; past it we do not try (and keep the work per call small). */
const MAX_LINE = 200;

const ORDINAL = /^\d+(?:e|ste|de|er|ère|eme|ème|nd|rd|st|th)$/i;

/** A digit run that starts a word: the possible starts of a house number. */
const NUMBER_START = /(^|[\s,])(\d+)/g;

export function splitAddress(line: string | undefined): SplitAddress | undefined {
  if (line === undefined) return undefined;
  const text = line.replace(/\s+/g, ' ').trim();
  if (text.length > MAX_LINE) return { street: text, number: '', addition: '' };
  const candidates = [...text.matchAll(NUMBER_START)].map((m) => {
    const start = (m.index ?? 0) + (m[1]?.length ?? 0);
    const digits = m[2] ?? '';
    return { street: cleanStreet(text.slice(0, start)), number: digits, rest: text.slice(start + digits.length) };
  });
  const usable = candidates.filter((c) => c.street !== '');

  // The first number whose tail is a recognisable addition; then the first whose tail is at least not the rest of
  // a year range ("1940-1945"); then a number written before the street ("221B Baker Street").
  const strict = usable.find((c) => ADDITION.test(c.rest));
  const loose = strict ?? usable.find((c) => !/^[-/]\d{4}/.test(c.rest));
  if (loose) return { street: loose.street, number: loose.number, addition: cleanAddition(loose.rest) };

  const leading = /^(\d+)([a-z]{0,2})[\s,]+(.*\p{L}.*)$/iu.exec(text);
  if (leading && !ORDINAL.test(`${leading[1]}${leading[2]}`)) {
    return { street: leading[3] ?? '', number: leading[1] ?? '', addition: leading[2] ?? '' };
  }
  return { street: text, number: '', addition: '' };
}

function cleanStreet(street: string): string {
  return street.replace(/[\s,]+$/, '');
}

function cleanAddition(rest: string): string {
  return rest.replace(/^[\s\-/,.]+/, '').trim();
}
