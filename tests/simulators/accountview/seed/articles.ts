import { ARTICLE_FIELDS as A, FREE_STOCK_INCLUDES_PURCHASE_ORDERS, IMAGE_FIELDS, PRICES_EXCLUDE_VAT, VAT_CODES } from '../assumptions';
import type { Random } from '../random';
import type { Row } from '../types';
import type { GroupTemplate, VatRate } from './catalogues';
import { ean13 } from './check-digits';
import { officeHours } from './wall-clock';

const VAT: Record<VatRate, { code: string; rate: number }> = {
  high: { code: VAT_CODES.high, rate: 0.21 },
  low: { code: VAT_CODES.low, rate: 0.09 },
  none: { code: VAT_CODES.none, rate: 0 },
};

/** A 1×1 transparent PNG: enough for an image sync to have real bytes to move. */
const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const round2 = (n: number) => Math.round(n * 100) / 100;

interface Context {
  random: Random;
  eanPrefix: string;
  articles: Row[];
}

function shelfPrice(random: Random, [min, max]: readonly [number, number]): number {
  const base = min + random.next() * (max - min);
  const endings = base < 10 ? [0.49, 0.95, 0.99] : [0.95, 0.99, 0.5, 0];
  return Math.max(min, Math.floor(base) + random.pick(endings));
}

function stock(random: Random, expensive: boolean): Row {
  const tech = random.chance(0.12) ? 0 : expensive ? random.int(1, 12) : random.int(1, 150);
  const reserved = tech > 0 && random.chance(0.25) ? random.int(1, Math.min(tech, 6)) : 0;
  const ordered = random.chance(0.2) ? random.int(5, 50) : 0;
  return { QTY_TECH: tech, [A.reserved]: reserved, QTY_AVAIL: tech - reserved, QTY_BESTEL: ordered, QTY_FREE2: tech - reserved + (FREE_STOCK_INCLUDES_PURCHASE_ORDERS ? ordered : 0) };
}

function article(ctx: Context, group: GroupTemplate, fields: { code: string; desc1: string; desc2: string; price: number; family?: string; size?: string; colour?: string; hasEan: boolean }): Row {
  const { random } = ctx;
  const vat = VAT[group.vat];
  // Shelf prices end in .95 incl. VAT; AccountView holds them excluding VAT (PRICES_EXCLUDE_VAT).
  const excl = PRICES_EXCLUDE_VAT ? round2(fields.price / (1 + vat.rate)) : fields.price;
  const n = ctx.articles.length + 1;
  const row: Row = {
    ART_CODE: fields.code,
    ART_DESC1: fields.desc1.slice(0, 50),
    [A.description2]: fields.desc2.slice(0, 50),
    AG_CODE: group.code,
    [A.variantGroup]: fields.family ?? '',
    [A.size]: fields.size ?? '',
    [A.colour]: fields.colour ?? '',
    [A.ean]: fields.hasEan ? ean13(`87${ctx.eanPrefix}${String(n).padStart(5, '0')}`) : '',
    [A.unit]: group.unit ?? 'ST',
    PX_SELL: excl,
    COST_PX: round2(excl * (0.45 + random.next() * 0.25)),
    [A.vatCode]: vat.code,
    ...stock(random, fields.price > 500),
    [A.weight]: Math.round((group.weight[0] + random.next() * (group.weight[1] - group.weight[0])) * 1000) / 1000,
    [A.blocked]: random.chance(0.03),
    [IMAGE_FIELDS.name]: '',
    [IMAGE_FIELDS.data]: '',
    CNG_DATE: officeHours(random, '2023-01-02', 880),
    REC_ID: n,
  };
  if (random.chance(0.35)) {
    row[IMAGE_FIELDS.name] = `${fields.code.toLowerCase()}.png`;
    row[IMAGE_FIELDS.data] = TINY_PNG;
  }
  return row;
}

function plainGroup(ctx: Context, group: GroupTemplate): void {
  const { brands, items, specs } = group;
  for (let i = 0; i < group.count; i++) {
    const brand = brands[i % brands.length] ?? '';
    const item = items[Math.floor(i / brands.length) % items.length] ?? '';
    const spec = specs[(i + Math.floor(i / (brands.length * items.length))) % specs.length] ?? '';
    ctx.articles.push(
      article(ctx, group, {
        code: `${group.code}-${String(i + 1).padStart(4, '0')}`,
        desc1: `${brand} ${item} ${spec}`,
        desc2: ctx.random.chance(0.3) ? group.description : '',
        price: shelfPrice(ctx.random, group.price),
        hasEan: ctx.random.chance(0.92),
      }),
    );
  }
}

/** Two or three different colours per family, or one colourless variant axis. */
function colourPalette(random: Random, colours: readonly string[] | undefined): (string | undefined)[] {
  if (!colours) return [undefined];
  const start = random.int(0, colours.length - 1);
  return Array.from({ length: random.int(2, 3) }, (_, k) => colours[(start + k * 2) % colours.length]);
}

function variantGroup(ctx: Context, group: GroupTemplate, variants: NonNullable<GroupTemplate['variants']>): void {
  const { random } = ctx;
  for (let f = 0; f < group.count; f++) {
    const family = `${group.code}-${String(f + 1).padStart(4, '0')}`;
    const model = `${group.brands[f % group.brands.length] ?? ''} ${group.items[f % group.items.length] ?? ''} ${group.specs[f % group.specs.length] ?? ''}`;
    const price = shelfPrice(random, group.price);
    const palette = colourPalette(random, variants.colours);
    for (const colour of palette) {
      for (const size of variants.sizes) {
        const suffix = colour ? `-${size}-${colour.slice(0, 3).toUpperCase()}` : `-${size}`;
        ctx.articles.push(
          article(ctx, group, {
            code: `${family}${suffix}`,
            desc1: `${model}${colour ? ` ${colour.toLowerCase()}` : ''} maat ${size}`,
            desc2: colour ? `Maat ${size}, kleur ${colour.toLowerCase()}` : `Maat ${size}`,
            price,
            family,
            size,
            colour,
            hasEan: true,
          }),
        );
      }
    }
  }
}

/** Article groups and their articles, deterministic for a given generator state. */
export function seedArticles(random: Random, eanPrefix: string, groups: readonly GroupTemplate[]): { groups: Row[]; articles: Row[] } {
  const ctx: Context = { random, eanPrefix, articles: [] };
  for (const group of groups) {
    if (group.variants) variantGroup(ctx, group, group.variants);
    else plainGroup(ctx, group);
  }
  const groupRows = groups.map((g, i) => ({ AG_CODE: g.code, AG_DESC: g.description, CNG_DATE: '2023-01-02T09:00:00', REC_ID: i + 1 }));
  return { groups: groupRows, articles: ctx.articles };
}
