import type { ProductBatchUpdate } from '@/lib/bigcommerce';
import { customFieldsOf, syncCustomFields } from './custom-fields';
import type { ProductsContext, ProductSyncSummary } from './ports';
import { fail, hintFor, isRecordProblem, PRODUCT_ENTITY, PRODUCT_FAMILY_ENTITY } from './record-problems';

/** A product to update in the batch `PUT /v3/catalog/products`: a simple product's or a variant family's. */
export interface Pending {
  /** ART_CODE, or the grouping value of a family. */
  code: string;
  productId: number;
  /** The update-mode record: only `always` fields, so create-only content in BigCommerce survives. */
  record: Record<string, unknown>;
  hash: string;
  adopted: boolean;
  /** The article group's category, and the one this flow put the product in last time. */
  categoryId: number | undefined;
  previousCategoryId: number | undefined;
  /** Id-map entity; a simple product's when absent. */
  entity?: string;
  /** What the id-map keeps besides the hash; `{ categoryId }` when absent. */
  data?: Record<string, unknown>;
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

/**
 * One `PUT /v3/catalog/products` of ≤ 10; when BigCommerce refuses the batch, each product alone to find
 * the culprit. Returns the codes of the products that failed.
 */
export async function sendUpdates(ctx: ProductsContext, batch: Pending[], summary: ProductSyncSummary): Promise<string[]> {
  const categories = await currentCategories(ctx, batch);
  try {
    await ctx.bigcommerce.updateProducts(batch.map((p) => batchEntry(p, categories)));
  } catch (error) {
    if (!isRecordProblem(error)) throw error;
    if (batch.length > 1) {
      const failed: string[] = [];
      for (const pending of batch) failed.push(...(await sendUpdates(ctx, [pending], summary)));
      return failed;
    }
    const [only] = batch;
    if (!only) return [];
    await fail(ctx, only.code, error.message, hintFor(error), batchEntry(only, categories), only.entity ?? PRODUCT_ENTITY);
    summary.failed += 1;
    return [only.code];
  }
  for (const pending of batch) {
    await syncCustomFields(ctx, pending.productId, customFieldsOf(pending.record.custom_fields));
    const entity = pending.entity ?? PRODUCT_ENTITY;
    await ctx.idMap.putDone({ entity, sourceId: pending.code, targetId: String(pending.productId), contentHash: pending.hash, data: pending.data ?? { categoryId: pending.categoryId } });
    const message = pending.adopted ? `Linked to existing product ${pending.productId} and updated.` : `Updated product ${pending.productId}.`;
    const logEntity = entity === PRODUCT_FAMILY_ENTITY ? 'article-family' : 'article';
    await ctx.log.record({ entity: logEntity, sourceId: pending.code, outcome: 'updated', message, sent: batchEntry(pending, categories), targetRef: String(pending.productId), searchText: pending.code });
    if (entity === PRODUCT_ENTITY) summary.updated += 1;
    else summary.familiesUpdated += 1;
  }
  return [];
}
