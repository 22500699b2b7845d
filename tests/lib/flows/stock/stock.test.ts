import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductCreate } from '@/lib/bigcommerce';
import { createIdMap } from '@/lib/db/queries/id-map';
import { describeStock, quantityOf, stockFlowSettings, syncStock, type StockContext, type StockFlowSettingsInput, type StockSummary } from '@/lib/flows/stock';
import { memoryLog, memoryStep, type MemoryLog } from '@/tests/lib/flows/orders/fakes';
import { FVR, NL_STORE, startWorld, type World } from '@/tests/lib/flows/orders/harness';

/**
 * The stock flow against both simulators over real HTTP and a real database: levels computed from
 * AccountView, only changed ones sent, in as few BigCommerce calls as the limits allow.
 */

let world: World;
let runs = 0;

/** Articles that get a simple BigCommerce product of their own, untracked, on top of the seeded catalog. */
const EXTRA = 12;
let extraCodes: string[] = [];

beforeAll(async () => {
  world = await startWorld();
  const codes = world
    .rows(FVR, 'ARTICLE')
    .map((r) => String(r.ART_CODE).trim())
    .filter((code) => !bcSkus().has(code.toLowerCase()))
    .slice(0, EXTRA);
  extraCodes = codes;
  for (const code of codes) {
    const product: ProductCreate = { name: `Artikel ${code}`, type: 'physical', weight: 1, price: 10, sku: code, inventory_tracking: 'none' };
    await world.bigcommerce(NL_STORE).createProduct(product);
  }
});

afterAll(async () => {
  await world.close();
});

function context(settings: StockFlowSettingsInput = {}, log: MemoryLog = memoryLog()): StockContext & { log: MemoryLog } {
  runs += 1;
  return {
    storeHash: NL_STORE,
    runId: `stock-${runs}`,
    trigger: 'manual',
    step: memoryStep(),
    log,
    bigcommerce: world.bigcommerce(NL_STORE),
    accountview: world.accountview(FVR),
    settings: stockFlowSettings.parse(settings),
    idMap: createIdMap(world.database.db, NL_STORE, world.database.lock),
  };
}

const store = () => {
  const found = world.bc.state.stores[NL_STORE];
  if (!found) throw new Error('no store');
  return found.data;
};

/** SKUs the storefront sells: simple products' own SKU, else their option variants'. */
function bcVariants(): Map<string, { variantId: number; productId: number }> {
  const found = new Map<string, { variantId: number; productId: number }>();
  for (const p of store().products) {
    for (const v of p.variants.length > 0 ? p.variants : [p.base_variant]) if (v.sku !== '') found.set(v.sku.toLowerCase(), { variantId: v.id, productId: p.id });
  }
  return found;
}
const bcSkus = () => new Set(bcVariants().keys());

const onHand = (sku: string) => {
  const v = bcVariants().get(sku.toLowerCase());
  return store().stock.find((s) => s.location_id === 1 && s.variant_id === v?.variantId)?.on_hand;
};

const article = (code: string) => {
  const row = world.rows(FVR, 'ARTICLE').find((r) => String(r.ART_CODE).trim() === code);
  if (!row) throw new Error(`no article ${code}`);
  return { ART_CODE: code, QTY_AVAIL: Number(row.QTY_AVAIL ?? 0), QTY_TECH: Number(row.QTY_TECH ?? 0), QTY_BESTEL: Number(row.QTY_BESTEL ?? 0) };
};

function matched(): { matched: string[]; unknown: string[] } {
  const skus = bcSkus();
  const codes = [...new Set(world.rows(FVR, 'ARTICLE').map((r) => String(r.ART_CODE).trim()))].filter((c) => c !== '');
  return { matched: codes.filter((c) => skus.has(c.toLowerCase())), unknown: codes.filter((c) => !skus.has(c.toLowerCase())) };
}

/** Runs the flow and returns its summary with the BigCommerce calls it made. */
async function run(ctx: StockContext, batchSize?: number): Promise<StockSummary & { writes: { method: string; path: string }[] }> {
  const before = world.bc.requests.length;
  const summary = await syncStock(ctx, batchSize === undefined ? {} : { batchSize });
  const writes = world.bc.requests.slice(before).filter((r) => r.method !== 'GET');
  return { ...summary, writes: writes.map((r) => ({ method: r.method, path: r.path })) };
}

const ADJUST = `/stores/${NL_STORE}/v3/inventory/adjustments/absolute`;
const PRODUCTS = `/stores/${NL_STORE}/v3/catalog/products`;

async function moveStock(code: string, tech: number) {
  await world.accountview(FVR).update('AK1', { fields: { ART_CODE: code, QTY_TECH: tech } });
}

describe('stock sync', () => {
  it('sets every matched SKU on the first run, counts unknown SKUs once, and switches tracking on where it differs', async () => {
    const { matched: skus, unknown } = matched();
    expect(skus.length).toBeGreaterThanOrEqual(EXTRA);
    expect(unknown.length).toBeGreaterThan(0);
    const wanted = (p: { variants: unknown[] }) => (p.variants.length > 0 ? 'variant' : 'product');
    const skuSet = new Set(skus.map((s) => s.toLowerCase()));
    const retrack = store().products.filter((p) => p.inventory_tracking !== wanted(p) && [p.base_variant, ...p.variants].some((v) => skuSet.has(v.sku.toLowerCase()))).length;
    expect(retrack).toBeGreaterThanOrEqual(EXTRA);
    const ctx = context();
    const summary = await run(ctx);

    expect(summary.sent).toBe(skus.length);
    expect(summary.unknown).toBe(unknown.length);
    expect(summary.writes.filter((w) => w.path === ADJUST)).toHaveLength(1);
    for (const sku of skus) expect(onHand(sku)).toBe(quantityOf(article(sku), 'available'));
    // One record for every unknown SKU together, not one per SKU.
    expect(ctx.log.records.filter((r) => r.sourceId === 'unknown-skus')).toHaveLength(1);
    expect(ctx.log.records).toHaveLength(1);
    // Only products whose tracking differs (the new ones and any untracked seed product), 10 per call.
    expect(summary.trackingSet).toBe(retrack);
    expect(summary.writes.filter((w) => w.path === PRODUCTS)).toHaveLength(Math.ceil(retrack / 10));
    for (const p of store().products) if ([p.base_variant, ...p.variants].some((v) => skuSet.has(v.sku.toLowerCase()))) expect(p.inventory_tracking).toBe(wanted(p));
  });

  it('makes no BigCommerce write on a second run right after', async () => {
    const summary = await run(context());
    expect(summary.writes).toEqual([]);
    expect(summary.sent).toBe(0);
    expect(summary.unchanged).toBe(matched().matched.length);
  });

  it('sends exactly the 3 SKUs whose stock moved, in one call', async () => {
    const moved = matched().matched.slice(0, 3);
    for (const [i, sku] of moved.entries()) await moveStock(sku, 200 + i);
    const summary = await run(context());
    expect(summary.sent).toBe(3);
    expect(summary.writes).toEqual([{ method: 'PUT', path: ADJUST }]);
    for (const sku of moved) expect(onHand(sku)).toBe(quantityOf(article(sku), 'available'));
  });

  it('splits adjustments into batches of the given size', async () => {
    const moved = matched().matched.slice(3, 8);
    for (const sku of moved) await moveStock(sku, 77);
    const summary = await run(context(), 2);
    expect(summary.sent).toBe(5);
    expect(summary.adjustmentCalls).toBe(3);
    expect(summary.writes.filter((w) => w.path === ADJUST)).toHaveLength(3);
  });

  it('sends each planned batch once when a run is retried after a crash', async () => {
    const moved = matched().matched.slice(8, 13);
    for (const sku of moved) await moveStock(sku, 55);
    const step = memoryStep();
    step.crashAt('adjust-2');
    const ctx = { ...context(), step };
    await expect(run(ctx, 2)).rejects.toThrow('crashed');
    step.retry();
    const retried = await run(ctx, 2);
    // Batch 1 was sent before the crash; the retry sends batches 2 and 3 of the same plan.
    expect(retried.writes.filter((w) => w.path === ADJUST)).toHaveLength(2);
    for (const sku of moved) expect(onHand(sku)).toBe(quantityOf(article(sku), 'available'));
    expect((await run(context())).writes).toEqual([]);
  });

  it('leaves out an item BigCommerce refuses and sends the rest of the batch', async () => {
    const [gone, kept] = extraCodes.slice(-2);
    if (!gone || !kept) throw new Error('too few SKUs');
    await moveStock(gone, 66);
    await moveStock(kept, 67);
    const ctx = context();
    const real = ctx.bigcommerce;
    // The product is deleted between the plan and the adjustment, as a merchant might do.
    const racing: StockContext = {
      ...ctx,
      bigcommerce: {
        ...real,
        adjustInventoryAbsolute: (adjustment) => {
          store().products = store().products.filter((p) => p.sku !== gone);
          return real.adjustInventoryAbsolute(adjustment);
        },
      },
    };
    const summary = await run(racing);
    expect(summary).toMatchObject({ sent: 1, refused: 1 });
    expect(summary.writes.filter((w) => w.path === ADJUST)).toHaveLength(2);
    expect(onHand(kept)).toBe(quantityOf(article(kept), 'available'));
    expect(ctx.log.find('stock', gone)?.outcome).toBe('failed');
  });

  it('sends nothing to a location that does not exist, and says so', async () => {
    await moveStock(matched().matched[0] ?? '', 5);
    const ctx = context({ locationId: 99 });
    const summary = await run(ctx);
    expect(summary.locationMissing).toBe(true);
    expect(summary.writes).toEqual([]);
    expect(ctx.log.find('stock', 'location-99')?.outcome).toBe('failed');
  });

  it('counts the levels that get no row of their own', () => {
    const summary = { articles: 100, sent: 3, unchanged: 90, unknown: 5, untracked: 0, refused: 0, trackingSet: 0, adjustmentCalls: 1, locationMissing: false };
    // The unknown SKUs share one record, which counts itself.
    expect(describeStock(summary).counts).toEqual({ updated: 3, skipped: 94 });
  });

  it('computes the other calculations', () => {
    const row = { ART_CODE: 'X', QTY_TECH: 10, QTY_AVAIL: 7.5, QTY_BESTEL: 20 };
    expect(quantityOf(row, 'available')).toBe(7);
    expect(quantityOf(row, 'technical')).toBe(10);
    expect(quantityOf(row, 'available-plus-ordered')).toBe(27);
    expect(quantityOf({ ...row, QTY_AVAIL: -3 }, 'available')).toBe(0);
  });

  it('without manage stock, leaves tracking alone and skips variants of a product tracked per product', async () => {
    const helmet = store().products.find((p) => p.variants.some((v) => v.sku === 'HELM-URBAN-S'));
    if (!helmet) throw new Error('no helmet');
    helmet.inventory_tracking = 'product';
    await moveStock('HELM-URBAN-S', 31);
    await moveStock('BEL-MESSING', 32);

    const off = context({ manageStock: false });
    const summary = await run(off);
    // Switching the flag resends every level once (the hash holds it); HELM-URBAN-S/M cannot be taken.
    expect(summary.untracked).toBe(2);
    expect(summary.writes.every((w) => w.path === ADJUST)).toBe(true);
    expect(helmet.inventory_tracking).toBe('product');
    expect(onHand('BEL-MESSING')).toBe(quantityOf(article('BEL-MESSING'), 'available'));
    expect(off.log.find('stock', 'untracked-skus')?.message).toContain('HELM-URBAN-S');

    const on = await run(context({ manageStock: true }));
    expect(on.trackingSet).toBe(1);
    expect(on.writes.filter((w) => w.path === PRODUCTS)).toHaveLength(1);
    expect(helmet.inventory_tracking).toBe('variant');
    expect(onHand('HELM-URBAN-S')).toBe(quantityOf(article('HELM-URBAN-S'), 'available'));
  });
});
