/** Full names → first and last name, keeping Dutch, Flemish, German, French and Iberian particles with the last name. */

export interface SplitName {
  first: string;
  last: string;
}

/** Tussenvoegsels and their cousins; "van der" is two of these in a row. */
const PARTICLES = new Set([
  'van', 'de', 'der', 'den', 'het', "'t", 't', 'te', 'ter', 'ten', 'in', 'op', 'uit', 'aan', 'bij', 'onder', 'over',
  'voor', 'tot', "d'", 'da', 'das', 'di', 'do', 'dos', 'du', 'des', 'del', 'della', 'la', 'le', 'les', "l'", 'von',
  'vom', 'zu', 'zum', 'zur', 'am', 'im', 'y', 'st.', 'sint',
]);

function isParticle(word: string): boolean {
  return PARTICLES.has(word.toLowerCase().replace(/’/g, "'"));
}

/**
 * "Jan van der Berg" → { first: "Jan", last: "van der Berg" }; "Berg, Jan van der" (ledger order) gives the same.
 * A single word is a last name. The first word counts as a particle only when written in lower case or followed by
 * another particle ("van Dijk", "Van der Berg" have no first name), because "Van" and "De" are first names too.
 */
export function nameSplit(full: string | undefined): SplitName | undefined {
  if (full === undefined) return undefined;
  const text = full.replace(/\s+/g, ' ').trim();
  const comma = text.indexOf(',');
  if (comma > 0) {
    // Ledger order: "Berg, Jan van der" — particles trail the first names.
    const surname = text.slice(0, comma).trim();
    const rest = text.slice(comma + 1).trim().split(' ').filter(Boolean);
    let cut = rest.length;
    while (cut > 0 && isParticle(rest[cut - 1] ?? '')) cut--;
    return { first: rest.slice(0, cut).join(' '), last: [...rest.slice(cut), surname].join(' ') };
  }
  const words = text.split(' ').filter(Boolean);
  if (words.length <= 1) return { first: '', last: words[0] ?? '' };
  let start = words.length - 1;
  while (start > 1 && isParticle(words[start - 1] ?? '')) start--;
  const head = words[0] ?? '';
  if (start === 1 && isParticle(head) && (head === head.toLowerCase() || isParticle(words[1] ?? ''))) start = 0;
  return { first: words.slice(0, start).join(' '), last: words.slice(start).join(' ') };
}
