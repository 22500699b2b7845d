import { ARTICLE_FIELDS as A, IMAGE_FIELDS } from '../assumptions';
import { createRandom } from '../random';
import type { Row, SimCompany } from '../types';
import { seedArticles } from './articles';
import { BICYCLE_SHOP, DRINKS_WHOLESALER, type GroupTemplate } from './catalogues';
import { seedDebtors } from './debtors';
import { journalRows, ledgerRows, vatRows } from './reference-data';

/**
 * A large administration for benchmarks: a wholesaler selling the bicycle shop's and the drinks
 * wholesaler's ranges at scale, with variant families of `familySize` articles sharing MAIN_ART
 * (VAR_SIZE differs, VAR_COLOR is the family's colour), article groups, VAT codes, images on some
 * articles, stock on every article, and debtors of whom some have no e-mail address.
 * The same options always give the same rows.
 */
export interface LargeAdministrationOptions {
  seed?: number;
  /** Articles in total, family articles included. */
  articles?: number;
  /** How many of them belong to a variant family (a multiple of `familySize`). */
  familyArticles?: number;
  familySize?: number;
  debtors?: number;
  /** Only every `imageEvery`-th article keeps the image the seed gave it (about a third do): uploads cost one call each. */
  imageEvery?: number;
  /** One debtor in `noEmailEvery` has no e-mail address (skipped by the customers flow). */
  noEmailEvery?: number;
}

export const LARGE_ADMINISTRATION = {
  id: '5b0c3e7a-8d24-4f19-b6a2-9e1f7c4d2a58',
  code: 'BULK',
  description: 'Groothandel Bulk B.V.',
} as const;

const COLOURS = ['Zwart', 'Wit', 'Rood', 'Blauw', 'Groen', 'Grijs', 'Geel'] as const;

/** Templates the families come from: five sizes each, no colour axis (the colour is set per family). */
const FAMILY_TEMPLATES: readonly GroupTemplate[] = [
  { ...pick(BICYCLE_SHOP, 'HELM'), variants: { sizes: ['XS', 'S', 'M', 'L', 'XL'] } },
  { ...pick(BICYCLE_SHOP, 'KLED'), variants: { sizes: ['S', 'M', 'L', 'XL', 'XXL'] } },
  { ...pick(BICYCLE_SHOP, 'SCHO'), variants: { sizes: ['40', '41', '42', '43', '44'] } },
  { ...pick(DRINKS_WHOLESALER, 'MERC'), variants: { sizes: ['S', 'M', 'L', 'XL', 'XXL'] } },
];

function pick(catalogue: readonly GroupTemplate[], code: string): GroupTemplate {
  const found = catalogue.find((g) => g.code === code);
  if (!found) throw new Error(`No article group ${code} in the catalogue`);
  return found;
}

/** Splits `total` over the templates in proportion to their own counts (largest remainder first). */
function scaled(templates: readonly GroupTemplate[], total: number): GroupTemplate[] {
  const sum = templates.reduce((n, g) => n + g.count, 0);
  const exact = templates.map((g) => (g.count / sum) * total);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; counts.reduce((n, c) => n + c, 0) < total; k++) {
    const i = order[k % order.length]?.[1] ?? 0;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return templates.map((g, i) => ({ ...g, count: counts[i] ?? 0 })).filter((g) => g.count > 0);
}

/** BigCommerce wants unique product names; a generated repeat gets a serial number, as a merchant would add. */
function uniqueNames(articles: Row[]): void {
  const seen = new Map<string, number>();
  for (const row of articles) {
    const name = String(row.ART_DESC1);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) row.ART_DESC1 = `${name.slice(0, 42)} nr. ${n}`;
  }
}

export function largeAdministration(options: LargeAdministrationOptions = {}): SimCompany {
  const { seed = 20260101, articles = 10_000, familySize = 5, debtors = 5_000, imageEvery = 10, noEmailEvery = 20 } = options;
  const familyArticles = Math.min(options.familyArticles ?? Math.round(articles / 10), articles);
  const families = Math.floor(familyArticles / familySize);
  const random = createRandom(seed);

  const plainTemplates = [...BICYCLE_SHOP, ...DRINKS_WHOLESALER].filter((g) => !g.variants);
  const plain = scaled(plainTemplates, articles - families * familySize);
  const familyGroups = scaled(FAMILY_TEMPLATES, families).map((g) => ({
    ...g,
    variants: { sizes: (g.variants?.sizes ?? []).slice(0, familySize) },
  }));
  const { groups, articles: rows } = seedArticles(random, '76543', [...plain, ...familyGroups]);

  const colourOf = new Map<string, string>();
  rows.forEach((row, i) => {
    const family = String(row[A.variantGroup] ?? '');
    if (family !== '') {
      if (!colourOf.has(family)) colourOf.set(family, COLOURS[colourOf.size % COLOURS.length] ?? 'Zwart');
      row[A.colour] = colourOf.get(family) ?? '';
    }
    if (i % imageEvery !== 0) {
      row[IMAGE_FIELDS.name] = '';
      row[IMAGE_FIELDS.data] = '';
    }
  });
  uniqueNames(rows);

  const { contacts, addresses } = seedDebtors(random, debtors);
  // Generated private addresses repeat (jan.jansen@…) far more than real ones do: a repeat gets a number.
  const emails = new Map<string, number>();
  contacts.forEach((c, i) => {
    if (i % noEmailEvery === noEmailEvery - 1) {
      c.MAIL_BUS = '';
      c.MC_MAILB = '';
      return;
    }
    const mail = String(c.MAIL_BUS);
    const n = (emails.get(mail) ?? 0) + 1;
    emails.set(mail, n);
    if (n > 1) c.MAIL_BUS = mail.replace('@', `${n}@`);
  });

  return {
    ...LARGE_ADMINISTRATION,
    tables: {
      CONTACT: contacts,
      DEL_ADDR: addresses,
      ART_GRP: groups,
      ARTICLE: rows,
      SO_HDR: [],
      SO_LINE: [],
      DAILY: journalRows(),
      DJ_PAGE: [],
      DJ_LINE: [],
      VAT: vatRows(),
      LEDGER: ledgerRows(),
    },
  };
}
