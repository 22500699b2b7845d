import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quantityOf, syncStock, type StockContext } from '@/lib/flows/stock';
import { FVR, NL_STORE, startProductsWorld, stockContext, type ProductsWorld } from '@/tests/lib/flows/products/harness';

/**
 * Stock for the variants of a family the products flow made: each article's level goes to its own
 * variant SKU (the product tracks inventory by variant), and only moved levels are sent again.
 */
describe('stock of variant families', () => {
  let t: ProductsWorld;
  let runs = 0;

  beforeAll(async () => {
    t = await startProductsWorld();
    for (const [size, tech] of [['S', 4], ['M', 9], ['L', 0]] as const) {
      await t.article({ ART_CODE: `WEBT-BROEK-${size}`, ART_DESC1: `Fietsbroek maat ${size}`, PX_SELL: 41.28, WEIGHT: 0.3, MAIN_ART: 'WEBT-BROEK', VAR_SIZE: size, QTY_TECH: tech, QTY_RES: 1, QTY_AVAIL: Math.max(0, tech - 1) });
    }
    await t.run();
  }, 30_000);
  afterAll(async () => {
    await t.close();
  });

  const context = (): StockContext => stockContext(t, `variant-stock-${(runs += 1)}`);
  const product = () => t.world.bc.state.stores[NL_STORE]?.data.products.find((p) => p.sku === 'WEBT-BROEK');
  const onHand = (sku: string) => {
    const variant = product()?.variants.find((v) => v.sku === sku);
    return t.world.bc.state.stores[NL_STORE]?.data.stock.find((s) => s.location_id === 1 && s.variant_id === variant?.id)?.on_hand;
  };
  const article = (code: string) => {
    const row = t.world.rows(FVR, 'ARTICLE').find((r) => String(r.ART_CODE).trim() === code);
    return { ART_CODE: code, QTY_AVAIL: Number(row?.QTY_AVAIL ?? 0), QTY_TECH: Number(row?.QTY_TECH ?? 0), QTY_BESTEL: Number(row?.QTY_BESTEL ?? 0) };
  };
  const adjustments = (mark: number) =>
    t.world.bc.requests.slice(mark).filter((r) => r.method === 'PUT' && r.path.endsWith('/v3/inventory/adjustments/absolute'));

  it("sets each variant's level from its own article and tracks the family's product by variant", async () => {
    expect(product()?.variants).toHaveLength(3);
    const summary = await syncStock(context());
    expect(summary.refused).toBe(0);
    expect(product()?.inventory_tracking).toBe('variant');
    for (const size of ['S', 'M', 'L']) {
      const code = `WEBT-BROEK-${size}`;
      expect(onHand(code)).toBe(quantityOf(article(code), 'available'));
    }
    expect([onHand('WEBT-BROEK-S'), onHand('WEBT-BROEK-M'), onHand('WEBT-BROEK-L')]).toEqual([3, 8, 0]);
  });

  it('sends only the variant whose stock moved', async () => {
    await t.world.accountview(FVR).update('AK1', { fields: { ART_CODE: 'WEBT-BROEK-M', QTY_TECH: 20, QTY_RES: 0, QTY_AVAIL: 20 } });
    const mark = t.mark();
    const summary = await syncStock(context());
    expect(summary.sent).toBe(1);
    const sent = adjustments(mark);
    expect(sent).toHaveLength(1);
    expect(onHand('WEBT-BROEK-M')).toBe(20);
    expect(onHand('WEBT-BROEK-S')).toBe(3);
  });
});
