import { BATCH_LIMITS, MAX_PAGE_SIZE } from '@/lib/bigcommerce';
import type { Filter } from '@/lib/accountview';
import type { CompiledMapping } from '@/lib/mapping';
import { ARTICLE_OBJECT, articleRow, familyOf, type ArticleRow } from './articles';
import type { CatalogIndex } from './catalog-index';
import { planFamily, type FamilyPlan, type VariantPlan } from './family-plan';
import { familyData, syncFamily, type FamilyWrites } from './family-writes';
import { syncImages } from './images';
import type { Basis } from './map-article';
import type { ProductsContext, ProductSyncSummary } from './ports';
import { sendUpdates } from './product-updates';
import { fail, PRODUCT_ENTITY, PRODUCT_FAMILY_ENTITY, PRODUCT_VARIANT_ENTITY } from './record-problems';
import { retireJoinedArticles } from './retire-simple';
import { variantBatch } from './variant-batch';

/** Families read from AccountView per request: all their articles, whichever changed. */
const FAMILY_CHUNK = 25;

/**
 * Every article of the given families, by family. A family is always handled whole: the product's fields,
 * its options and which articles are gone depend on all of its articles, not only the changed one.
 */
async function readFamilies(ctx: ProductsContext, keys: readonly string[], fields: string[]): Promise<Map<string, ArticleRow[]>> {
  const filters: Filter[] = [{ field: ctx.settings.variantGroupField, operator: 'In', values: keys }];
  if (ctx.settings.articleGroups.length > 0) filters.push({ field: 'AG_CODE', operator: 'In', values: ctx.settings.articleGroups });
  const byFamily = new Map<string, ArticleRow[]>(keys.map((k) => [k, []]));
  const query = { fields, filters, sortFields: ['ART_CODE'], sortOrder: 'ascending' as const, pageSize: ctx.settings.pageSize };
  for await (const page of ctx.accountview.readPages(ARTICLE_OBJECT, query, articleRow)) {
    for (const row of page) byFamily.get(familyOf(row, ctx.settings))?.push(row);
  }
  return byFamily;
}

/**
 * Products in the store before the app whose variants carry some of a family's article codes (one
 * `sku:in` read per 250 codes): how a family product made by hand is adopted instead of duplicated.
 */
async function productsByVariantSku(ctx: ProductsContext, codes: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (let i = 0; i < codes.length; i += MAX_PAGE_SIZE) {
    const part = codes.slice(i, i + MAX_PAGE_SIZE);
    for await (const v of ctx.bigcommerce.listVariants({ 'sku:in': part, include_fields: ['sku', 'product_id', 'option_values'], limit: MAX_PAGE_SIZE })) {
      // A simple product's own SKU is not a family's variant.
      if (typeof v.product_id === 'number' && v.sku && (v.option_values?.length ?? 0) > 0) found.set(v.sku.toLowerCase(), v.product_id);
    }
  }
  return found;
}

/**
 * A new family's variants whose SKU another product already has (the merchant's own, made before the
 * app): BigCommerce would refuse the whole family's create for one of them, so each fails on its own,
 * naming the product, and the family is created with the others.
 */
async function withoutTakenSkus(ctx: ProductsContext, plan: FamilyPlan, index: CatalogIndex, summary: ProductSyncSummary): Promise<FamilyPlan> {
  const free: VariantPlan[] = [];
  for (const v of plan.variants) {
    const owner = index.find(v.fields.sku, undefined);
    if (owner === undefined) {
      free.push(v);
      continue;
    }
    await fail(
      ctx,
      v.code,
      `Product ${owner} in BigCommerce already has SKU ${v.fields.sku}, so article ${v.code} cannot become a variant of ${plan.key}.`,
      `Give product ${owner} another SKU in BigCommerce (or delete it); the next sync adds the variant.`,
      v.fields,
      PRODUCT_VARIANT_ENTITY,
    );
    summary.failed += 1;
  }
  return free.length === plan.variants.length ? plan : { ...plan, variants: free };
}

/** Variant families → one product each, with options and variants kept in step (see family-plan.ts). */
export async function syncFamilies(
  ctx: ProductsContext,
  compiled: CompiledMapping,
  basis: Basis,
  keys: readonly string[],
  fields: string[],
  catalog: () => Promise<CatalogIndex>,
  summary: ProductSyncSummary,
  since: Date | undefined,
): Promise<void> {
  const writes: FamilyWrites = { batch: variantBatch(ctx, summary), updates: [], summary, catalog };
  const flushUpdates = async (all: boolean) => {
    while (writes.updates.length >= (all ? 1 : BATCH_LIMITS.products)) {
      await sendUpdates(ctx, writes.updates.splice(0, BATCH_LIMITS.products), summary);
    }
  };
  for (let i = 0; i < keys.length; i += FAMILY_CHUNK) {
    const chunk = keys.slice(i, i + FAMILY_CHUNK);
    const rows = await readFamilies(ctx, chunk, fields);
    const families = await ctx.idMap.getMany(PRODUCT_FAMILY_ENTITY, chunk);
    const previousMembers = [...families.values()].flatMap((e) => familyData.parse(e.data ?? {}).members);
    const codes = [...new Set([...[...rows.values()].flat().map((r) => r.ART_CODE), ...previousMembers])];
    const variants = await ctx.idMap.getMany(PRODUCT_VARIANT_ENTITY, codes);
    // Articles that were simple products before they joined their family (retire-simple.ts).
    const simple = await ctx.idMap.getMany(PRODUCT_ENTITY, codes);
    const unknown = chunk.filter((k) => families.get(k)?.state !== 'done');
    const byVariantSku = unknown.length > 0 ? await productsByVariantSku(ctx, unknown.flatMap((k) => (rows.get(k) ?? []).map((r) => r.ART_CODE))) : new Map<string, number>();

    // The image of the article a family's product is made from goes on that product.
    const images = new Map<string, number>();
    const sources: ArticleRow[] = [];
    for (const key of chunk) {
      const members = rows.get(key) ?? [];
      if (members.length === 0) continue;
      const plan = await planFamily(ctx, compiled, basis, key, members, familyData.parse(families.get(key)?.data ?? {}).source);
      const problems = 'failed' in plan ? plan.failed : plan.problems;
      for (const problem of problems) {
        await fail(ctx, problem.code, problem.message, problem.hint, undefined, PRODUCT_VARIANT_ENTITY);
        summary.failed += 1;
      }
      if ('failed' in plan) continue;
      const freed = await retireJoinedArticles(ctx, key, plan.variants.map((v) => v.code), simple, families.get(key), summary);
      let adoptable: number | undefined;
      let toSync = plan;
      if (families.get(key)?.state !== 'done') {
        const index = await catalog();
        for (const code of freed) index.forget(code);
        adoptable = index.find(key, undefined) ?? members.map((r) => byVariantSku.get(r.ART_CODE.toLowerCase())).find((id) => id !== undefined);
        if (adoptable === undefined) toSync = await withoutTakenSkus(ctx, plan, index, summary);
      }
      const productId = await syncFamily(ctx, writes, toSync, families.get(key), variants, adoptable);
      await flushUpdates(false);
      const source = members.find((r) => r.ART_CODE === plan.source);
      if (productId !== undefined && source) {
        images.set(source.ART_CODE, productId);
        sources.push(source);
      }
    }
    // As for simple products: on an incremental run only articles changed since the checkpoint may have a new image.
    const changed = (row: ArticleRow) => since !== undefined && (typeof row.CNG_DATE === 'string' ? new Date(row.CNG_DATE) : row.CNG_DATE ?? new Date(0)) >= since;
    await syncImages(ctx, sources.filter(changed), true, images);
    await syncImages(ctx, sources.filter((r) => !changed(r)), false, images);
  }
  await flushUpdates(true);
  await writes.batch.flush();
}
