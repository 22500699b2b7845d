import { BATCH_LIMITS, type Variant, type VariantBatchUpdate } from '@/lib/bigcommerce';
import type { ProductsContext, ProductSyncSummary } from './ports';
import { fail, hintFor, isRecordProblem, PRODUCT_VARIANT_ENTITY } from './record-problems';

interface Queued {
  /** The article the entry is for. */
  code: string;
  entry: VariantBatchUpdate;
  done(variant: Variant): Promise<void>;
}

/**
 * Variant writes of many families gathered into `PUT /v3/catalog/variants` calls of up to 50 (updates by
 * `id`, new variants by `product_id` + `sku` + `option_values`). When BigCommerce refuses a batch, each
 * entry is sent alone to find the culprit, which is recorded as failed; the others go through.
 */
export interface VariantBatch {
  add(code: string, entry: VariantBatchUpdate, done: (variant: Variant) => Promise<void>): Promise<void>;
  flush(): Promise<void>;
}

export function variantBatch(ctx: ProductsContext, summary: ProductSyncSummary): VariantBatch {
  let queue: Queued[] = [];

  async function send(batch: Queued[]): Promise<void> {
    let answer: Variant[];
    try {
      answer = await ctx.bigcommerce.updateVariants(batch.map((q) => q.entry));
    } catch (error) {
      if (!isRecordProblem(error)) throw error;
      if (batch.length > 1) {
        for (const one of batch) await send([one]);
        return;
      }
      const [only] = batch;
      if (only) {
        await fail(ctx, only.code, error.message, hintFor(error), only.entry, PRODUCT_VARIANT_ENTITY);
        summary.failed += 1;
      }
      return;
    }
    // BigCommerce answers in the order of the request.
    for (const [i, queued] of batch.entries()) {
      const variant = answer[i];
      if (variant) await queued.done(variant);
    }
  }

  return {
    async add(code, entry, done) {
      queue.push({ code, entry, done });
      if (queue.length >= BATCH_LIMITS.variants) await this.flush();
    },
    async flush() {
      while (queue.length > 0) {
        const batch = queue.slice(0, BATCH_LIMITS.variants);
        queue = queue.slice(BATCH_LIMITS.variants);
        await send(batch);
      }
    },
  };
}
