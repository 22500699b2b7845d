import type { VariantBatchUpdate } from '@/lib/bigcommerce';
import type { CompiledMapping } from '@/lib/mapping';
import type { ArticleRow } from './articles';
import { contentHash } from './content-hash';
import { categoryOf, mapArticle, type Basis } from './map-article';
import type { ProductsContext } from './ports';

/**
 * What a variant family should look like in BigCommerce, worked out from all its articles.
 *
 * DECISION — what the family's product takes:
 * - SKU: the grouping value (MAIN_ART), so the product is found again by it (and adopted by it).
 * - Name, descriptions, price, weight, category, custom fields: the family's MAIN article (the article
 *   whose ART_CODE is the grouping value) when there is one, else the family's first article by ART_CODE
 *   — and then that same article for as long as it stays in the family (kept in the id-map), so an article
 *   added later that sorts first does not rename the product; through the same mapping and the same create-only/keep-updated choices as a simple product. The main
 *   article, when there is one, is the product itself and not a variant.
 * - Visibility: shown while at least one variant can be bought (with "hide blocked" on), else hidden.
 * - The product's own EAN/GTIN stays empty: barcodes belong to the variants.
 * Each other article is a variant: its SKU, EAN (upc and gtin), price and weight from the mapping, and
 * "purchasing disabled" when blocked (or gone from AccountView); its option values from the article
 * columns in `variantOptions`, under the names the merchant gave them.
 */

export interface OptionLabel {
  /** The option's name on the storefront (`display_name`). */
  name: string;
  label: string;
}

/** The variant fields this app owns; everything else on a variant is the merchant's. */
export type VariantFields = Pick<VariantBatchUpdate, 'sku' | 'price' | 'weight' | 'upc' | 'gtin' | 'purchasing_disabled'>;

export interface VariantPlan {
  code: string;
  fields: VariantFields & { sku: string };
  options: OptionLabel[];
  hash: string;
}

export interface FamilyProblem {
  code: string;
  message: string;
  hint: string;
}

export interface FamilyPlan {
  key: string;
  /** The article the product's fields come from. */
  source: string;
  /** Update-mode product record (only `always` fields) and its hash; create-mode record for a new product. */
  update: Record<string, unknown>;
  create: Record<string, unknown>;
  hash: string;
  categoryId: number | undefined;
  /** Every article of the family read now (including ones that failed). */
  members: string[];
  variants: VariantPlan[];
  problems: FamilyProblem[];
}

/** Fields that describe a variant, not the family's product. */
const VARIANT_ONLY = ['sku', 'upc', 'gtin', 'is_visible'] as const;

function variantFields(record: Record<string, unknown>, code: string): VariantFields & { sku: string } {
  const fields: VariantFields & { sku: string } = { sku: typeof record.sku === 'string' && record.sku !== '' ? record.sku : code };
  if (typeof record.price === 'number') fields.price = record.price;
  if (typeof record.weight === 'number') fields.weight = record.weight;
  if (typeof record.upc === 'string') fields.upc = record.upc;
  if (typeof record.gtin === 'string') fields.gtin = record.gtin;
  fields.purchasing_disabled = record.is_visible === false;
  return fields;
}

function productFields(record: Record<string, unknown>, key: string, visible: boolean): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...record, sku: key };
  for (const name of VARIANT_ONLY) if (name !== 'sku') delete fields[name];
  if ('is_visible' in record) fields.is_visible = visible;
  return fields;
}

const labelOf = (row: ArticleRow, field: string): string => {
  const value = row[field];
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
};

/** The plan of one family; `rows` are all its articles, sorted by ART_CODE. */
export async function planFamily(
  ctx: ProductsContext,
  compiled: CompiledMapping,
  basis: Basis,
  key: string,
  rows: readonly ArticleRow[],
  previousSource: string | undefined,
): Promise<FamilyPlan | { failed: FamilyProblem[] }> {
  const main = rows.find((r) => r.ART_CODE.toLowerCase() === key.toLowerCase());
  const source = main ?? rows.find((r) => r.ART_CODE === previousSource) ?? rows[0];
  if (!source) return { failed: [] };
  const members = rows.filter((r) => r !== main);
  const problems: FamilyProblem[] = [];

  // The options this family uses: those any of its articles fills in, in the merchant's order.
  const used = ctx.settings.variantOptions.filter((o) => members.some((r) => labelOf(r, o.field) !== ''));
  const variants: VariantPlan[] = [];
  const combinations = new Set<string>();
  for (const row of members) {
    const missing = used.filter((o) => labelOf(row, o.field) === '');
    if (used.length === 0 || missing.length > 0) {
      const names = (used.length === 0 ? ctx.settings.variantOptions : missing).map((o) => `${o.name} (${o.field})`).join(', ');
      problems.push({
        code: row.ART_CODE,
        message: `The article is in variant family ${key} but has no ${names || 'option fields'}, so it cannot be told apart from the family's other variants.`,
        hint: 'Fill in the option fields of the article in AccountView, or check the variant options in the products settings.',
      });
      continue;
    }
    const options = used.map((o) => ({ name: o.name, label: labelOf(row, o.field).slice(0, 255) }));
    const combination = options.map((o) => o.label.toLowerCase()).join('\u0000');
    if (combinations.has(combination)) {
      problems.push({
        code: row.ART_CODE,
        message: `Another article of variant family ${key} has the same ${options.map((o) => `${o.name} "${o.label}"`).join(' and ')}.`,
        hint: 'Give each article of the family its own combination of option values in AccountView.',
      });
      continue;
    }
    const mapped = await mapArticle(ctx, compiled, basis, row, 'update');
    if (!mapped.ok) {
      problems.push({ code: row.ART_CODE, message: mapped.message, hint: mapped.hint });
      continue;
    }
    combinations.add(combination);
    const fields = variantFields(mapped.record, row.ART_CODE);
    variants.push({ code: row.ART_CODE, fields, options, hash: contentHash({ fields, options }) });
  }

  const update = await mapArticle(ctx, compiled, basis, source, 'update');
  const create = update.ok ? await mapArticle(ctx, compiled, basis, source, 'create') : update;
  if (!update.ok || !create.ok) {
    const problem = update.ok ? create : update;
    if (problem.ok) return { failed: problems };
    // Without the product's fields no variant can be sent: the whole family waits.
    return { failed: [...problems, ...variants.map((v) => ({ code: v.code, message: `Variant family ${key}: ${problem.message}`, hint: problem.hint }))] };
  }
  const visible = !ctx.settings.hideBlocked || variants.some((v) => !v.fields.purchasing_disabled);
  const categoryId = categoryOf(basis, source);
  const productUpdate = productFields(update.record, key, visible);
  return {
    key,
    source: source.ART_CODE,
    update: productUpdate,
    create: productFields(create.record, key, visible),
    hash: contentHash({ record: productUpdate, categoryId, options: used.map((o) => o.name) }),
    categoryId,
    members: rows.map((r) => r.ART_CODE),
    variants,
    problems,
  };
}
