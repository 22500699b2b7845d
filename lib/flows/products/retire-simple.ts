import { BATCH_LIMITS } from '@/lib/bigcommerce';
import type { IdMapEntry } from '@/lib/db/queries/id-map';
import { STOCK_ENTITY } from '@/lib/flows/stock';
import type { ProductsContext, ProductSyncSummary } from './ports';
import { isRecordProblem, PRODUCT_ENTITY } from './record-problems';

/** Activity-log entity of a set-aside product (the article's own record is its variant's, in the same run). */
export const RETIRED_ENTITY = 'retired-product';

/** The SKU a retired product is given, so its article's code is free for the variant (BigCommerce SKUs are unique). */
export const retiredSku = (code: string, productId: number) => `${code}-old-${productId}`.slice(0, 255);
/** Its name: product names are unique too, and the family's product usually takes the same name. */
export const retiredName = (name: string, productId: number) => `${name.slice(0, 230)} (old ${productId})`;

interface Retiring {
  code: string;
  family: string;
  productId: number;
}

/**
 * Articles this app sent as simple products that now belong to a variant family: their variant needs the
 * article's code as its SKU, which their own product still holds. The product is hidden (never deleted:
 * orders and links keep pointing at it), given `retiredSku` and `retiredName` (the family's product
 * usually takes the same name, and names are unique), and forgotten as the article's product;
 * the article's stock level is forgotten too, so the stock flow sends it to the variant.
 *
 * DECISION: only products the id-map says this app made or adopted for the article are touched; a product
 * of that SKU the merchant made is theirs, and the variant fails with a hint instead. The family's main
 * article (code = family key) is not retired: its product becomes the family's product (adopted by SKU).
 * `simple` is the id-map's product entries of the family's articles (read once per chunk of families by
 * the caller). Returns the article codes whose SKU is free now.
 */
export async function retireJoinedArticles(
  ctx: ProductsContext,
  family: string,
  variantCodes: readonly string[],
  simple: ReadonlyMap<string, IdMapEntry>,
  familyProduct: IdMapEntry | undefined,
  summary: ProductSyncSummary,
): Promise<string[]> {
  const retiring: Retiring[] = [];
  for (const code of variantCodes) {
    const entry = simple.get(code);
    const productId = Number(entry?.targetId);
    if (code === family || entry?.state !== 'done' || !entry.targetId || !Number.isInteger(productId)) continue;
    // Already the family's own product (a family adopted it): nothing to free.
    if (familyProduct?.targetId === entry.targetId) continue;
    retiring.push({ code, family, productId });
  }
  const freed: string[] = [];
  for (let i = 0; i < retiring.length; i += BATCH_LIMITS.products) freed.push(...(await retire(ctx, retiring.slice(i, i + BATCH_LIMITS.products), summary)));
  return freed;
}

/** Returns the codes whose SKU is free now. */
async function retire(ctx: ProductsContext, batch: Retiring[], summary: ProductSyncSummary): Promise<string[]> {
  const names = new Map<number, string>();
  for await (const p of ctx.bigcommerce.listProducts({ 'id:in': batch.map((r) => r.productId), include_fields: ['name'], limit: batch.length })) {
    if (typeof p.id === 'number' && typeof p.name === 'string') names.set(p.id, p.name);
  }
  const body = batch.map((r) => ({
    id: r.productId,
    sku: retiredSku(r.code, r.productId),
    ...(names.has(r.productId) ? { name: retiredName(names.get(r.productId)!, r.productId) } : {}),
    is_visible: false,
  }));
  try {
    await ctx.bigcommerce.updateProducts(body);
  } catch (error) {
    if (!isRecordProblem(error)) throw error;
    if (batch.length > 1) {
      const freed: string[] = [];
      for (const one of batch) freed.push(...(await retire(ctx, [one], summary)));
      return freed;
    }
    const [only] = batch;
    if (only && error.status === 404) {
      // Deleted in BigCommerce meanwhile: the SKU is free already.
      await ctx.idMap.remove(PRODUCT_ENTITY, only.code);
      await ctx.idMap.remove(STOCK_ENTITY, only.code);
      return [only.code];
    }
    if (only) {
      await ctx.log.record({
        entity: RETIRED_ENTITY,
        sourceId: only.code,
        outcome: 'failed',
        message: `Article ${only.code} joined variant family ${only.family}, but its own product ${only.productId} could not be set aside: ${error.message}`,
        hint: `Give product ${only.productId} another SKU and name in BigCommerce (or delete it); the next sync makes the article a variant of ${only.family}.`,
        sent: body,
        targetRef: String(only.productId),
        searchText: `${only.code} ${only.family}`,
      });
      summary.failed += 1;
    }
    return [];
  }
  for (const r of batch) {
    await ctx.idMap.remove(PRODUCT_ENTITY, r.code);
    await ctx.idMap.remove(STOCK_ENTITY, r.code);
    await ctx.log.record({
      entity: RETIRED_ENTITY,
      sourceId: r.code,
      outcome: 'updated',
      message: `Article ${r.code} joined variant family ${r.family}: its own product ${r.productId} is hidden, renamed with "(old ${r.productId})" and its SKU is now ${retiredSku(r.code, r.productId)}, so the article can be a variant of ${r.family}.`,
      hint: `Product ${r.productId} is kept for its orders and links; delete it in BigCommerce when you no longer need it.`,
      targetRef: String(r.productId),
      searchText: `${r.code} ${r.family}`,
    });
    summary.retired += 1;
  }
  return batch.map((r) => r.code);
}
