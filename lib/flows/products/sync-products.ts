import { z } from 'zod';
import { avNumber } from '@/lib/accountview';
import { BATCH_LIMITS, type ProductBatchUpdate, type ProductCreate } from '@/lib/bigcommerce';
import type { IdMapEntry } from '@/lib/db/queries/id-map';
import { compileMapping, mergeMapping, MappingError, type CompiledMapping, type FieldMode, type RecordMapping } from '@/lib/mapping';
import { productMapping } from '@/lib/mapping/defaults/products';
import { ARTICLE_OBJECT, articleQuery, articleRow, fieldsFor, inVariantFamily, mappingInput, type ArticleRow } from './articles';
import { loadCatalogIndex, type CatalogIndex } from './catalog-index';
import { contentHash } from './content-hash';
import { syncCategories } from './categories';
import { customFieldsOf, syncCustomFields } from './custom-fields';
import { hideGone } from './hide-gone';
import { syncImages } from './images';
import { fail, hintFor, isRecordProblem, PRODUCT_ENTITY } from './record-problems';
import type { ProductsContext, ProductSyncSummary } from './ports';

interface Pending {
  code: string;
  productId: number;
  /** The update-mode record: only `always` fields, so create-only content in BigCommerce survives. */
  record: Record<string, unknown>;
  hash: string;
  adopted: boolean;
  /** The article group's category, and the one this flow put the product in last time. */
  categoryId: number | undefined;
  previousCategoryId: number | undefined;
}

interface Basis {
  pricesIncludeVat: boolean;
  vatRates: Record<string, number>;
  /** AG_CODE → category id; empty when categories are off. */
  categories: Map<string, number>;
}

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
 * A product whose mapped content equals what was last sent costs no write.
 */
export async function syncProducts(ctx: ProductsContext, options: { since: Date | undefined }): Promise<ProductSyncSummary & { stopped?: string }> {
  // A full read (no `since`) sees every article, so what it does not see is gone.
  const seen = options.since ? undefined : new Set<string>();
  const summary: ProductSyncSummary = { created: 0, updated: 0, unchanged: 0, failed: 0, hidden: 0, variantArticles: 0, categoriesCreated: 0, categoriesRenamed: 0, newestChange: undefined };
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
  const query = articleQuery(ctx.settings, fieldsFor(merged, ctx.settings), options.since);

  for await (const page of ctx.accountview.readPages(ARTICLE_OBJECT, query, articleRow)) {
    const known = await ctx.idMap.getMany(PRODUCT_ENTITY, page.map((r) => r.ART_CODE));
    if (summary.variantArticles === 0 && page.some((r) => inVariantFamily(r, ctx.settings))) {
      ctx.log.info('articles of variant families are left out: variant families are not synced yet', { field: ctx.settings.variantGroupField });
    }
    const updates: Pending[] = [];
    for (const row of page) {
      noteChange(summary, row);
      seen?.add(row.ART_CODE);
      if (inVariantFamily(row, ctx.settings)) {
        summary.variantArticles += 1;
        continue;
      }
      const outcome = await handleArticle(ctx, compiled, basis.basis, row, known.get(row.ART_CODE), catalog);
      if (outcome.kind === 'update') updates.push(outcome.pending);
      else summary[outcome.kind] += 1;
    }
    for (let i = 0; i < updates.length; i += BATCH_LIMITS.products) {
      await sendUpdates(ctx, updates.slice(i, i + BATCH_LIMITS.products), summary);
    }
    // After the products, so new ones have an id to hang their image on.
    await syncImages(ctx, page.filter((r) => !inVariantFamily(r, ctx.settings)), options.since !== undefined);
  }
  if (seen && ctx.settings.hideGone) await hideGone(ctx, seen, summary);
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
  const input = mappingInput(row);
  const vatRate = basis.vatRates[row.VAT_CODE ?? ''];
  if (vatRate === undefined && basis.pricesIncludeVat) {
    // A guessed rate would put a wrong price in the shop.
    return fail(ctx, code, `The VAT code "${row.VAT_CODE ?? ''}" has no known percentage, so the price including VAT cannot be worked out.`, 'Add the code to the VAT rates in the products settings, or give the article another VAT code in AccountView.', row);
  }
  const bindings = {
    pricesIncludeVat: basis.pricesIncludeVat,
    vatRate: vatRate ?? 0,
    defaultWeight: ctx.settings.defaultWeight,
    hideBlocked: ctx.settings.hideBlocked,
  };
  let update: Record<string, unknown>;
  try {
    update = (await compiled.evaluate(input, bindings, { mode: 'update' })).record;
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    return fail(ctx, code, `The mapping of "${error.target}" failed: ${error.reason}`, 'Fix the article in AccountView or the products mapping for this field.', row);
  }
  const categoryId = basis.categories.get(String(row.AG_CODE ?? '').trim());
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
    const created = (await compiled.evaluate(input, bindings, { mode: 'create' })).record;
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

function batchEntry(pending: Pending, categories?: Map<number, number[]>): ProductBatchUpdate {
  // Custom fields go through their own endpoints (see custom-fields.ts).
  const { custom_fields: _ignored, ...fields } = pending.record;
  const current = categories?.get(pending.productId);
  if (!current || 'categories' in fields) return { id: pending.productId, ...fields } as ProductBatchUpdate;
  // The merchant's own categories stay; only the one this flow chose last time is swapped.
  const kept = current.filter((c) => c !== pending.previousCategoryId && c !== pending.categoryId);
  return { id: pending.productId, ...fields, categories: pending.categoryId === undefined ? kept : [...kept, pending.categoryId] } as ProductBatchUpdate;
}

/** Current categories of the products in a batch whose group category changed (one GET per batch). */
async function currentCategories(ctx: ProductsContext, batch: Pending[]): Promise<Map<number, number[]>> {
  const ids = batch.filter((p) => p.categoryId !== p.previousCategoryId).map((p) => p.productId);
  const found = new Map<number, number[]>();
  if (ids.length === 0) return found;
  for await (const product of ctx.bigcommerce.listProducts({ 'id:in': ids, include_fields: ['categories'] })) {
    if (typeof product.id === 'number') found.set(product.id, product.categories ?? []);
  }
  return found;
}

/** One `PUT /v3/catalog/products` of ≤ 10; when BigCommerce refuses the batch, each product alone to find the culprit. */
async function sendUpdates(ctx: ProductsContext, batch: Pending[], summary: ProductSyncSummary): Promise<void> {
  const categories = await currentCategories(ctx, batch);
  try {
    await ctx.bigcommerce.updateProducts(batch.map((p) => batchEntry(p, categories)));
  } catch (error) {
    if (!isRecordProblem(error)) throw error;
    if (batch.length > 1) {
      for (const pending of batch) await sendUpdates(ctx, [pending], summary);
      return;
    }
    const [only] = batch;
    if (only) {
      await fail(ctx, only.code, error.message, hintFor(error), batchEntry(only, categories));
      summary.failed += 1;
    }
    return;
  }
  for (const pending of batch) {
    await syncCustomFields(ctx, pending.productId, customFieldsOf(pending.record.custom_fields));
    await ctx.idMap.putDone({ entity: PRODUCT_ENTITY, sourceId: pending.code, targetId: String(pending.productId), contentHash: pending.hash, data: { categoryId: pending.categoryId } });
    const message = pending.adopted ? `Linked to existing product ${pending.productId} and updated.` : `Updated product ${pending.productId}.`;
    await ctx.log.record({ entity: 'article', sourceId: pending.code, outcome: 'updated', message, sent: batchEntry(pending, categories), targetRef: String(pending.productId), searchText: pending.code });
    summary.updated += 1;
  }
}
