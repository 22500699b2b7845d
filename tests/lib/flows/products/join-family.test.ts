import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncStock, type StockContext } from '@/lib/flows/stock';
import { NL_STORE, startProductsWorld, stockContext, type ProductsWorld } from './harness';

/**
 * A merchant who first synced articles as simple products and then groups them into a variant family
 * (fills in MAIN_ART): the articles' own products are set aside (hidden, renamed, SKU freed, never
 * deleted) so the articles become the family's variants, and their stock goes to the variants. Products
 * of the merchant's own that hold an article's SKU are never touched.
 */
describe('products flow: simple products whose articles join a variant family', () => {
  let t: ProductsWorld;
  let runs = 0;
  const sizes = ['M', 'L', 'XL'] as const;
  const code = (size: string) => `WEBT-JAS-${size}`;

  beforeAll(async () => {
    t = await startProductsWorld();
    for (const [i, size] of sizes.entries()) {
      await t.article({ ART_CODE: code(size), ART_DESC1: `Regenjas maat ${size}`, PX_SELL: 61.98, WEIGHT: 0.6, VAR_SIZE: size, QTY_TECH: 5 + i, QTY_RES: 0, QTY_AVAIL: 5 + i });
    }
    // A product of the merchant's own with an article's SKU is not the app's to set aside.
    await t.world.bigcommerce(NL_STORE).request('POST', '/v3/catalog/products', { body: { name: 'Regenjas XXL (eigen)', type: 'physical', sku: code('XXL'), price: 75, weight: 0.6 } });
  }, 30_000);
  afterAll(async () => t?.close());

  const nextStockContext = (): StockContext => stockContext(t, `join-family-stock-${(runs += 1)}`);
  const products = () => t.world.bc.state.stores[NL_STORE]?.data.products ?? [];
  const onHand = (variantId: number | undefined) => t.world.bc.state.stores[NL_STORE]?.data.stock.find((s) => s.location_id === 1 && s.variant_id === variantId)?.on_hand;

  it('first: three simple products with their stock', async () => {
    const { summary } = await t.run();
    expect(summary.message).toMatch(/^Products: 3 created, 0 updated, 0 unchanged, 0 failed\./);
    expect((await syncStock(nextStockContext())).refused).toBe(0);
    for (const size of sizes) expect(products().filter((p) => p.sku === code(size))).toHaveLength(1);
  });

  it('then grouped into a family: their products are set aside and the articles become its variants, stock included', async () => {
    const before = new Map(sizes.map((size) => [size, products().find((p) => p.sku === code(size))!.id]));
    for (const size of sizes) await t.article({ ART_CODE: code(size), MAIN_ART: 'WEBT-JAS' }, true);

    const { summary, log } = await t.run();
    expect(summary.message).toContain('3 product(s) hidden and their SKU freed because their article joined a variant family.');
    expect(summary.message).toMatch(/ 0 failed\. .*Variant families: 1 created/);
    const family = products().find((p) => p.sku === 'WEBT-JAS');
    expect(family?.variants.map((v) => v.sku).sort()).toEqual(sizes.map(code).sort());
    for (const size of sizes) {
      const id = before.get(size)!;
      // Hidden and renamed, never deleted: its orders and links keep working.
      expect(products().find((p) => p.id === id)).toMatchObject({ sku: `${code(size)}-old-${id}`, name: `Regenjas maat ${size} (old ${id})`, is_visible: false });
      expect(log.find('retired-product', code(size))?.message).toBe(
        `Article ${code(size)} joined variant family WEBT-JAS: its own product ${id} is hidden, renamed with "(old ${id})" and its SKU is now ${code(size)}-old-${id}, so the article can be a variant of WEBT-JAS.`,
      );
    }

    // The stock of the articles goes to their variants, though their levels did not move.
    expect((await syncStock(nextStockContext())).refused).toBe(0);
    for (const [i, size] of sizes.entries()) expect(onHand(family?.variants.find((v) => v.sku === code(size))?.id), size).toBe(5 + i);

    const mark = t.mark();
    await t.run();
    expect(t.writesSince(mark)).toEqual([]);
  });

  it("leaves alone a product of the merchant's own that has a joining article's SKU: that variant fails with the hint", async () => {
    await t.article({ ART_CODE: code('XXL'), ART_DESC1: 'Regenjas maat XXL', PX_SELL: 61.98, WEIGHT: 0.6, VAR_SIZE: 'XXL', MAIN_ART: 'WEBT-JAS' });
    const { summary, log } = await t.run();
    expect(summary.message).toMatch(/ 1 failed\./);
    expect(summary.message).not.toContain('SKU freed');
    expect(log.find('article', code('XXL'))).toMatchObject({ outcome: 'failed', hint: expect.stringContaining('already has this SKU') as unknown });
    expect(products().find((p) => p.sku === code('XXL'))).toMatchObject({ name: 'Regenjas XXL (eigen)', is_visible: true });
  });

  it("creates a new family without the articles whose SKU is a product of the merchant's own, and adds them once it is free", async () => {
    const shop = t.world.bigcommerce(NL_STORE);
    const own = await shop.request('POST', '/v3/catalog/products', { body: { name: 'Sokken 43 (eigen)', type: 'physical', sku: 'WEBT-SOK-43', price: 9, weight: 0.1 } });
    const ownId = (own.body as { data: { id: number } }).data.id;
    for (const size of ['41', '42', '43']) {
      await t.article({ ART_CODE: `WEBT-SOK-${size}`, ART_DESC1: `Fietssokken maat ${size}`, PX_SELL: 8.26, WEIGHT: 0.1, MAIN_ART: 'WEBT-SOK', VAR_SIZE: size });
    }
    const { summary, log } = await t.run();
    expect(summary.message).toMatch(/ 2 failed\. .*Variant families: 1 created/);
    const family = products().find((p) => p.sku === 'WEBT-SOK');
    expect(family?.variants.map((v) => v.sku).sort()).toEqual(['WEBT-SOK-41', 'WEBT-SOK-42']);
    expect(log.find('article', 'WEBT-SOK-43')).toMatchObject({
      outcome: 'failed',
      message: `Product ${ownId} in BigCommerce already has SKU WEBT-SOK-43, so article WEBT-SOK-43 cannot become a variant of WEBT-SOK.`,
    });
    expect(products().find((p) => p.id === ownId)).toMatchObject({ sku: 'WEBT-SOK-43', name: 'Sokken 43 (eigen)', is_visible: true });

    await shop.request('PUT', `/v3/catalog/products/${ownId}`, { body: { sku: 'SOK-43-EIGEN' } });
    const { summary: again } = await t.run();
    expect(again.message).toMatch(/ 1 failed\./);
    expect(products().find((p) => p.sku === 'WEBT-SOK')?.variants.map((v) => v.sku).sort()).toEqual(['WEBT-SOK-41', 'WEBT-SOK-42', 'WEBT-SOK-43']);
  });
});
