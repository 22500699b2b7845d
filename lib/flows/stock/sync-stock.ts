import { BATCH_LIMITS, BigCommerceApiError, MAX_PAGE_SIZE } from '@/lib/bigcommerce';
import type { IdMapEntry } from '@/lib/db/queries/id-map';
import type { StockContext, StockSummary, StockSyncOptions } from './ports';
import { quantityOf, stockFields, stockRow } from './quantity';

/**
 * AccountView → BigCommerce stock: every article's level is computed, compared with the level last sent
 * (id-map `stock`, content hash), and only the changed ones are looked up in BigCommerce and set through
 * absolute adjustments, up to 2000 items per call. A run right after another writes nothing.
 */

export const STOCK_ENTITY = 'stock';
const ADJUSTMENT_REASON = 'AccountView stock sync';
/** SKUs per `sku:in` / ids per `id:in` lookup: one full page each, and a URL well under common limits. */
const LOOKUP_CHUNK = MAX_PAGE_SIZE;
const ID_MAP_CHUNK = 1000;
/** How many SKUs a summary record names; the rest are counted. */
const NAMED_SKUS = 100;

type Tracking = 'none' | 'product' | 'variant';
interface Found {
  sku: string;
  productId: number;
  /** An option variant (product with variants) rather than a simple product's base variant. */
  option: boolean;
}

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/**
 * What was last sent: the quantity, at which location, and whether tracking was managed then. Changing
 * the location or switching "manage stock" on therefore sends every level again, as it should.
 */
const hashOf = (quantity: number, ctx: StockContext) => `${quantity}@${ctx.settings.locationId}${ctx.settings.manageStock ? '+tracked' : ''}`;

async function readLevels(ctx: StockContext): Promise<Array<[string, number]>> {
  const levels = new Map<string, number>();
  const query = { fields: stockFields(ctx.settings.calculation), pageSize: 1000 };
  for await (const page of ctx.accountview.readPages('AK1', query, stockRow)) {
    for (const row of page) if (row.ART_CODE !== '') levels.set(row.ART_CODE, quantityOf(row, ctx.settings.calculation));
  }
  return [...levels];
}

async function lastSent(ctx: StockContext, skus: readonly string[]): Promise<Map<string, IdMapEntry>> {
  const found = new Map<string, IdMapEntry>();
  for (const part of chunks(skus, ID_MAP_CHUNK)) for (const [sku, entry] of await ctx.idMap.getMany(STOCK_ENTITY, part)) found.set(sku, entry);
  return found;
}

/** The changed SKUs' variants and their products' tracking, in one `sku:in` and one `id:in` read per 250. */
async function resolve(ctx: StockContext, skus: readonly string[]): Promise<{ variants: Found[]; tracking: Record<string, Tracking> }> {
  const variants: Found[] = [];
  for (const part of chunks(skus, LOOKUP_CHUNK)) {
    for await (const v of ctx.bigcommerce.listVariants({ 'sku:in': part, include_fields: ['sku', 'product_id', 'option_values'], limit: LOOKUP_CHUNK })) {
      if (typeof v.sku === 'string' && typeof v.product_id === 'number') variants.push({ sku: v.sku, productId: v.product_id, option: (v.option_values?.length ?? 0) > 0 });
    }
  }
  const tracking: Record<string, Tracking> = {};
  for (const part of chunks([...new Set(variants.map((v) => v.productId))], LOOKUP_CHUNK)) {
    for await (const p of ctx.bigcommerce.listProducts({ 'id:in': part, include_fields: ['inventory_tracking'], limit: LOOKUP_CHUNK })) {
      if (typeof p.id === 'number') tracking[String(p.id)] = p.inventory_tracking ?? 'none';
    }
  }
  return { variants, tracking };
}

interface Plan {
  articles: number;
  unchanged: number;
  /** Changed levels BigCommerce can take. */
  items: Array<{ sku: string; quantity: number }>;
  /** Products whose tracking must change first: [product id, tracking]. */
  retrack: Array<[number, Tracking]>;
  unknown: string[];
  untracked: string[];
  /** The configured location does not exist: nothing can be sent. */
  locationMissing: boolean;
}

/** What this run sends: the changed levels, matched to BigCommerce's variants and their products' tracking. */
async function plan(ctx: StockContext): Promise<Plan> {
  const levels = await readLevels(ctx);
  const sent = await lastSent(
    ctx,
    levels.map(([sku]) => sku),
  );
  const changed = levels.filter(([sku, quantity]) => sent.get(sku)?.contentHash !== hashOf(quantity, ctx));
  const result: Plan = { articles: levels.length, unchanged: levels.length - changed.length, items: [], retrack: [], unknown: [], untracked: [], locationMissing: false };
  if (changed.length === 0) return result;

  const { variants, tracking } = await resolve(
    ctx,
    changed.map(([sku]) => sku),
  );
  // BigCommerce SKUs are unique ignoring case; AccountView's article code is matched the same way.
  const bySku = new Map(variants.map((v) => [v.sku.toLowerCase(), v]));
  const retrack = new Map<number, Tracking>();
  for (const [sku, quantity] of changed) {
    const found = bySku.get(sku.toLowerCase());
    if (!found) {
      result.unknown.push(sku);
      continue;
    }
    const wanted: Tracking = found.option ? 'variant' : 'product';
    const current = tracking[String(found.productId)] ?? 'none';
    if (ctx.settings.manageStock) {
      if (current !== wanted) retrack.set(found.productId, wanted);
    } else if (found.option && current === 'product') {
      // BigCommerce refuses a variant's level while its product tracks one level for all variants.
      result.untracked.push(sku);
      continue;
    }
    result.items.push({ sku, quantity });
  }
  result.retrack = [...retrack];
  if (result.items.length > 0) {
    // A location that was removed would refuse every item of every batch: one read finds out first.
    let found = false;
    for await (const location of ctx.bigcommerce.listLocations({ 'location_id:in': ctx.settings.locationId })) if (location.id === ctx.settings.locationId) found = true;
    if (!found) return { ...result, items: [], retrack: [], locationMissing: true };
  }
  return result;
}

/** BigCommerce names the refused items of an adjustment as `items.<index>`. */
function refusedItems(error: unknown): Map<number, string> | undefined {
  if (!(error instanceof BigCommerceApiError) || error.status !== 422) return undefined;
  const refused = new Map<number, string>();
  for (const [key, message] of Object.entries(error.errors)) {
    const index = /^items\.(\d+)/.exec(key)?.[1];
    if (index !== undefined) refused.set(Number(index), message);
  }
  return refused.size > 0 ? refused : undefined;
}

/** Rounds of "drop the refused items and send the rest again" before the batch counts as broken. */
const MAX_REFUSAL_ROUNDS = 10;

/**
 * Sends one batch; an item BigCommerce refuses (a variant deleted since the plan) is left out and
 * reported, so one SKU does not hold back the other 1999.
 */
async function adjust(ctx: StockContext, batch: Array<{ sku: string; quantity: number }>): Promise<Array<{ sku: string; message: string }>> {
  let items = batch;
  const refused: Array<{ sku: string; message: string }> = [];
  for (let round = 0; items.length > 0; round++) {
    try {
      await ctx.bigcommerce.adjustInventoryAbsolute({
        reason: ADJUSTMENT_REASON,
        items: items.map((item) => ({ location_id: ctx.settings.locationId, sku: item.sku, quantity: item.quantity })),
      });
      break;
    } catch (error) {
      const bad = refusedItems(error);
      if (!bad || round >= MAX_REFUSAL_ROUNDS) throw error;
      for (const [index, message] of bad) {
        const item = items[index];
        if (item) refused.push({ sku: item.sku, message });
      }
      items = items.filter((_, index) => !bad.has(index));
    }
  }
  const failed = new Set(refused.map((r) => r.sku));
  // Recorded in the same step: a retried run neither repeats this call nor forgets that it was made.
  for (const item of batch) if (!failed.has(item.sku)) await ctx.idMap.putDone({ entity: STOCK_ENTITY, sourceId: item.sku, contentHash: hashOf(item.quantity, ctx) });
  return refused;
}

export async function syncStock(ctx: StockContext, options: StockSyncOptions = {}): Promise<StockSummary> {
  const batchSize = Math.min(options.batchSize ?? BATCH_LIMITS.inventoryItems, BATCH_LIMITS.inventoryItems);
  // One step: a retried run must send the batches it planned, not re-plan them around what it already sent.
  const { items, retrack, unknown, untracked, articles, unchanged, locationMissing } = await ctx.step.run('plan', () => plan(ctx));
  const summary: StockSummary = { articles, sent: 0, unchanged, unknown: unknown.length, untracked: untracked.length, refused: 0, trackingSet: 0, adjustmentCalls: 0, locationMissing };
  if (locationMissing) {
    await ctx.log.record({
      entity: STOCK_ENTITY,
      sourceId: `location-${ctx.settings.locationId}`,
      outcome: 'failed',
      message: `BigCommerce has no inventory location ${ctx.settings.locationId}; no stock was sent.`,
      hint: 'Choose an existing location in the stock settings (1 is the default location).',
    });
    return summary;
  }

  let trackBatch = 0;
  for (const part of chunks(retrack, BATCH_LIMITS.products)) {
    trackBatch += 1;
    await ctx.step.run(`track-products-${trackBatch}`, async () => {
      await ctx.bigcommerce.updateProducts(part.map(([id, inventoryTracking]) => ({ id, inventory_tracking: inventoryTracking })));
    });
    summary.trackingSet += part.length;
  }

  let adjustBatch = 0;
  for (const part of chunks(items, batchSize)) {
    adjustBatch += 1;
    const refused = await ctx.step.run(`adjust-${adjustBatch}`, () => adjust(ctx, part));
    summary.sent += part.length - refused.length;
    summary.refused += refused.length;
    summary.adjustmentCalls += 1;
    for (const { sku, message } of refused) {
      await ctx.log.record({
        entity: STOCK_ENTITY,
        sourceId: sku,
        outcome: 'failed',
        message: `BigCommerce refused the stock level of ${sku}: ${message}`,
        hint: 'Check the product or variant with this SKU in BigCommerce; the level is sent again on the next run.',
        searchText: sku,
      });
    }
  }

  if (unknown.length > 0) {
    await ctx.log.record({
      entity: STOCK_ENTITY,
      sourceId: 'unknown-skus',
      outcome: 'skipped',
      message: `${unknown.length} AccountView article(s) have no product or variant with that SKU in BigCommerce: ${named(unknown)}.`,
      hint: 'Give the product or variant in BigCommerce the AccountView article code as SKU; its stock follows on the next run.',
      source: { skus: unknown.slice(0, NAMED_SKUS) },
      searchText: unknown.slice(0, NAMED_SKUS).join(' '),
    });
  }
  if (untracked.length > 0) {
    await ctx.log.record({
      entity: STOCK_ENTITY,
      sourceId: 'untracked-skus',
      outcome: 'skipped',
      message: `${untracked.length} variant(s) were not sent because their product tracks stock per product: ${named(untracked)}.`,
      hint: 'Set "Track inventory" to "by variant" on these products in BigCommerce, or switch on "Manage stock" in the stock settings.',
      source: { skus: untracked.slice(0, NAMED_SKUS) },
      searchText: untracked.slice(0, NAMED_SKUS).join(' '),
    });
  }
  return summary;
}

function named(skus: readonly string[]): string {
  const shown = skus.slice(0, 10).join(', ');
  return skus.length > 10 ? `${shown} and ${skus.length - 10} more` : shown;
}
