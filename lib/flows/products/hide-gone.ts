import { BATCH_LIMITS } from '@/lib/bigcommerce';
import type { IdMapEntry } from '@/lib/db/queries/id-map';
import type { ProductsContext, ProductSyncSummary } from './ports';
import { fail, isRecordProblem, PRODUCT_ENTITY, PRODUCT_FAMILY_ENTITY } from './record-problems';

/**
 * The content hash of a product hidden because its article is gone: never equal to a mapped record's,
 * so an article that comes back is written again (and shown, if not blocked).
 */
export const GONE_HASH = 'gone';

/**
 * Hides (never deletes) the products of articles a full read did not see: deleted in AccountView or
 * moved out of the selected article groups. Orders and reports keep pointing at the product. With
 * `PRODUCT_FAMILY_ENTITY`, the same for a variant family none of whose articles is left.
 */
export async function hideGone(ctx: ProductsContext, seen: ReadonlySet<string>, summary: ProductSyncSummary, entity: string = PRODUCT_ENTITY): Promise<void> {
  const entries = await ctx.idMap.listByPrefix(entity, '');
  const gone = entries.filter((e) => e.state === 'done' && e.targetId && e.contentHash !== GONE_HASH && !seen.has(e.sourceId));
  for (let i = 0; i < gone.length; i += BATCH_LIMITS.products) await hide(ctx, gone.slice(i, i + BATCH_LIMITS.products), summary, entity);
}

async function hide(ctx: ProductsContext, batch: IdMapEntry[], summary: ProductSyncSummary, entity: string): Promise<void> {
  const body = batch.map((e) => ({ id: Number(e.targetId), is_visible: false }));
  try {
    await ctx.bigcommerce.updateProducts(body);
  } catch (error) {
    if (!isRecordProblem(error)) throw error;
    if (batch.length > 1) {
      for (const entry of batch) await hide(ctx, [entry], summary, entity);
      return;
    }
    const [only] = batch;
    if (only) {
      await fail(ctx, only.sourceId, error.message, 'The article is gone from AccountView, but its product could not be hidden; hide or delete it in BigCommerce.', body, entity);
      summary.failed += 1;
    }
    return;
  }
  for (const entry of batch) {
    // A family keeps its data (members), so the variants of articles that come back are found again.
    await ctx.idMap.putDone({ entity, sourceId: entry.sourceId, targetId: entry.targetId, contentHash: GONE_HASH, data: entry.data ?? undefined });
    await ctx.log.record({
      entity: entity === PRODUCT_FAMILY_ENTITY ? 'article-family' : 'article',
      sourceId: entry.sourceId,
      outcome: 'updated',
      message: `Hid product ${entry.targetId ?? ''}: the article is gone from AccountView (or from the selected article groups).`,
      targetRef: entry.targetId ?? undefined,
      searchText: entry.sourceId,
    });
    summary.hidden += 1;
  }
}
