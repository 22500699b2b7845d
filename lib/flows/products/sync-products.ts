import { z } from 'zod';
import { avNumber } from '@/lib/accountview';
import { BATCH_LIMITS, type ProductCreate } from '@/lib/bigcommerce';
import type { IdMapEntry } from '@/lib/db/queries/id-map';
import { compileMapping, mergeMapping, type CompiledMapping, type FieldMode, type RecordMapping } from '@/lib/mapping';
import { productMapping } from '@/lib/mapping/defaults/products';
import { ARTICLE_OBJECT, articleQuery, articleRow, familyOf, fieldsFor, type ArticleRow } from './articles';
import { loadCatalogIndex, type CatalogIndex } from './catalog-index';
import { contentHash } from './content-hash';
import { syncCategories } from './categories';
import { hideGone } from './hide-gone';
import { syncImages } from './images';
import { categoryOf, mapArticle, type Basis } from './map-article';
import { syncFamilies } from './families';
import { fail, hintFor, isRecordProblem, PRODUCT_ENTITY, PRODUCT_FAMILY_ENTITY } from './record-problems';
import type { ProductsContext, ProductSyncSummary } from './ports';
import { sendUpdates, type Pending } from './product-updates';

/** What the id-map keeps per product besides the hash. */
const productData = z.object({ categoryId: z.number().optional() }).catch({});

const vatRow = z.looseObject({ VAT_CODE: z.union([z.string(), z.number()]).transform((v) => String(v).trim()), VAT_PCT: avNumber.nullish() });

/** The store's price basis and currency, and the percentage of each AccountView VAT code (read once per run). */
async function readBasis(ctx: ProductsContext): Promise<{ ok: true; basis: Basis } | { ok: false; message: string }> {
  const store = await ctx.step.run('store-information', async () => {
    const info = await ctx.bigcommerce.getStoreInformation();
    const flag = info.is_price_entered_with_tax;
    return { pricesIncludeVat: flag === true, currency: (info.currency ?? '').toUpperCase() };
  });
  if (store.currency !== '' && store.currency !== ctx.settings.currency) {
    return {
      ok: false,
      message: `The store's default currency is ${store.currency}, AccountView's prices are in ${ctx.settings.currency}; no products were sent. Change the products currency setting if that is intended.`,
    };
  }
  const fromTable = await ctx.step.run('vat-codes', async () => {
    const rows = await ctx.accountview.readAll('VA1', { pageSize: 1000 }, vatRow);
    return Object.fromEntries(rows.flatMap((r) => (typeof r.VAT_PCT === 'number' ? [[r.VAT_CODE, r.VAT_PCT] as const] : [])));
  });
  return { ok: true, basis: { pricesIncludeVat: store.pricesIncludeVat, vatRates: { ...ctx.settings.vatRates, ...fromTable }, categories: new Map() } };
}

/**
 * Articles → BigCommerce products: reads changed articles page by page, matches each to a product
 * (id-map, then SKU, then EAN), creates what is new and updates what changed in batches of 10.
 * Articles of a variant family (`variantGroupField`) become variants of one product per family
 * (families.ts). A product or variant whose mapped content equals what was last sent costs no write.
 */
export async function syncProducts(ctx: ProductsContext, options: { since: Date | undefined }): Promise<ProductSyncSummary & { stopped?: string }> {
  // A full read (no `since`) sees every article, so what it does not see is gone.
  const seen = options.since ? undefined : new Set<string>();
  const summary: ProductSyncSummary = {
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    hidden: 0,
    retired: 0,
    variantArticles: 0,
    familiesCreated: 0,
    familiesUpdated: 0,
    familiesUnchanged: 0,
    variantsCreated: 0,
    variantsUpdated: 0,
    categoriesCreated: 0,
    categoriesRenamed: 0,
    newestChange: undefined,
  };
  const merged = withModes(mergeMapping(productMapping, ctx.mapping ?? {}), ctx.settings.fieldModes);
  const compiled = compileMapping(merged);
  const basis = await readBasis(ctx);
  if (!basis.ok) return { ...summary, stopped: basis.message };
  if (ctx.settings.categories) {
    const categories = await syncCategories(ctx);
    basis.basis.categories = categories.byGroup;
    summary.categoriesCreated = categories.created;
    summary.categoriesRenamed = categories.renamed;
  }

  let index: CatalogIndex | undefined;
  const catalog = async () => (index ??= await loadCatalogIndex(ctx));
  const fields = fieldsFor(merged, ctx.settings);
  const query = articleQuery(ctx.settings, fields, options.since);
  // Families are handled after the simple products, each read whole (see families.ts); only their keys are kept.
  const families = new Set<string>();

  for await (const page of ctx.accountview.readPages(ARTICLE_OBJECT, query, articleRow)) {
    const known = await ctx.idMap.getMany(PRODUCT_ENTITY, page.map((r) => r.ART_CODE));
    const updates: Pending[] = [];
    const simple: ArticleRow[] = [];
    for (const row of page) {
      noteChange(summary, row);
      seen?.add(row.ART_CODE);
      const family = familyOf(row, ctx.settings);
      if (family !== '') {
        summary.variantArticles += 1;
        families.add(family);
        continue;
      }
      simple.push(row);
      const outcome = await handleArticle(ctx, compiled, basis.basis, row, known.get(row.ART_CODE), catalog);
      if (outcome.kind === 'update') updates.push(outcome.pending);
      else summary[outcome.kind] += 1;
    }
    for (let i = 0; i < updates.length; i += BATCH_LIMITS.products) {
      await sendUpdates(ctx, updates.slice(i, i + BATCH_LIMITS.products), summary);
    }
    // After the products, so new ones have an id to hang their image on.
    await syncImages(ctx, simple, options.since !== undefined);
  }
  await syncFamilies(ctx, compiled, basis.basis, [...families].sort(), fields, catalog, summary, options.since);
  if (seen && ctx.settings.hideGone) {
    await hideGone(ctx, seen, summary);
    await hideGone(ctx, families, summary, PRODUCT_FAMILY_ENTITY);
  }
  return summary;
}

/** The merchant's "set on create only" / "keep updated" choices laid over the mapping. */
function withModes(mapping: RecordMapping, modes: Readonly<Record<string, FieldMode>>): RecordMapping {
  return { ...mapping, fields: mapping.fields.map((f) => (modes[f.target] ? { ...f, mode: modes[f.target] } : f)) };
}

function noteChange(summary: ProductSyncSummary, row: ArticleRow): void {
  const changed = row.CNG_DATE instanceof Date ? row.CNG_DATE.toISOString() : undefined;
  if (changed && (!summary.newestChange || changed > summary.newestChange)) summary.newestChange = changed;
}

type ArticleOutcome = { kind: 'created' | 'unchanged' | 'failed' } | { kind: 'update'; pending: Pending };

async function handleArticle(
  ctx: ProductsContext,
  compiled: CompiledMapping,
  basis: Basis,
  row: ArticleRow,
  entry: IdMapEntry | undefined,
  catalog: () => Promise<CatalogIndex>,
): Promise<ArticleOutcome> {
  const code = row.ART_CODE;
  const mapped = await mapArticle(ctx, compiled, basis, row, 'update');
  if (!mapped.ok) return fail(ctx, code, mapped.message, mapped.hint, row);
  const update = mapped.record;
  const categoryId = categoryOf(basis, row);
  const hash = contentHash({ record: update, categoryId });
  const productId = entry?.state === 'done' && entry.targetId ? Number(entry.targetId) : undefined;
  const previousCategoryId = productData.parse(entry?.data ?? {}).categoryId;
  if (productId !== undefined) {
    if (entry?.contentHash === hash) return { kind: 'unchanged' };
    return { kind: 'update', pending: { code, productId, record: update, hash, adopted: false, categoryId, previousCategoryId } };
  }

  const existing = (await catalog()).find(code, row.EAN_CODE);
  if (existing !== undefined) return { kind: 'update', pending: { code, productId: existing, record: update, hash, adopted: true, categoryId, previousCategoryId: undefined } };

  return ctx.idMap.lock(`product:${code}`, async () => {
    const createMapped = await mapArticle(ctx, compiled, basis, row, 'create');
    if (!createMapped.ok) return fail(ctx, code, createMapped.message, createMapped.hint, row);
    const created = createMapped.record;
    const body = { type: 'physical', ...(categoryId === undefined ? {} : { categories: [categoryId] }), ...created } as ProductCreate;
    try {
      const product = await ctx.bigcommerce.createProduct(body);
      const id = product.id;
      if (typeof id !== 'number') throw new Error(`BigCommerce created ${code} without an id`);
      (await catalog()).add(id, code, row.EAN_CODE);
      await ctx.idMap.putDone({ entity: PRODUCT_ENTITY, sourceId: code, targetId: String(id), contentHash: hash, data: { categoryId } });
      await ctx.log.record({ entity: 'article', sourceId: code, outcome: 'created', message: `Created product ${id}.`, sent: body, targetRef: String(id), searchText: code });
      return { kind: 'created' as const };
    } catch (error) {
      if (!isRecordProblem(error)) throw error;
      return fail(ctx, code, error.message, hintFor(error), body);
    }
  });
}
