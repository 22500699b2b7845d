import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOrders } from '@/lib/flows/orders';
import { TAX_CLASS } from '@/tests/simulators/bigcommerce/vat';
import { FVR, NL_STORE, startProductsWorld, type ProductsWorld } from './harness';

/**
 * VAT code → tax class: a 9 % article (code 1) must be charged 9 % in the shop, or the order it is sold in
 * comes back to AccountView with the wrong VAT. The simulator charges by the product's tax class as
 * BigCommerce does (class 4 "Reduced": 9 % in the Netherlands), and the orders flow checks the rate
 * charged against the article's VAT code.
 */
describe('products flow: VAT codes become tax classes', () => {
  let t: ProductsWorld;
  const text = (v: unknown) => String(v ?? '').trim();

  beforeAll(async () => {
    t = await startProductsWorld();
    // Prices excl. VAT; the store enters prices with VAT (fietsenwinkel).
    await t.article({ ART_CODE: 'WEBT-BOEK', ART_DESC1: 'Fietsroutes Nederland', VAT_CODE: '1', PX_SELL: 18.35, WEIGHT: 0.4 });
    await t.article({ ART_CODE: 'WEBT-LAMP', ART_DESC1: 'Koplamp LED', VAT_CODE: '2', PX_SELL: 20.66, WEIGHT: 0.2 });
  }, 30_000);
  afterAll(async () => t?.close());

  async function orderOf(skus: string[]): Promise<number> {
    const products = await Promise.all(skus.map(async (sku) => (await t.productsBySku(sku))[0]!));
    return t.world.bc.orders.create(NL_STORE, { status_id: 11, products: products.map((p) => ({ product_id: p.id, quantity: 1 })) }).id;
  }

  it('without a tax class for the code, the product stays on the default class and the order is refused for its VAT', async () => {
    await t.run();
    const [book] = await t.productsBySku('WEBT-BOEK');
    expect(book).toMatchObject({ tax_class_id: TAX_CLASS.default, price: 20 });

    const id = await orderOf(['WEBT-BOEK']);
    const ctx = t.world.context(NL_STORE);
    const summary = await exportOrders(ctx, { orderIds: [id] });
    expect(summary.failed).toBe(1);
    const failure = ctx.log.find('order', String(id));
    expect(failure?.message).toContain('Article WEBT-BOEK (for WEBT-BOEK) has VAT code 1 in AccountView, but BigCommerce charged 21 %');
    expect(failure?.hint).toContain('put the product on the tax class of VAT code 1');
    expect(t.world.documents(FVR, `BC-${id}`)).toHaveLength(0);
  });

  it('a mapped code puts the product on its class, and the order then books with the article’s own VAT', async () => {
    const { summary } = await t.run({ taxClasses: { '1': TAX_CLASS.reduced } });
    expect(summary.message).toMatch(/^Products: 0 created, 1 updated, 1 unchanged, 0 failed\./);
    const [book] = await t.productsBySku('WEBT-BOEK');
    const [lamp] = await t.productsBySku('WEBT-LAMP');
    expect(book).toMatchObject({ tax_class_id: TAX_CLASS.reduced, price: 20 });
    expect(lamp).toMatchObject({ tax_class_id: TAX_CLASS.default, price: 25 });

    const id = await orderOf(['WEBT-BOEK', 'WEBT-LAMP']);
    const order = t.world.bc.orders.get(NL_STORE, id);
    // 20.00 incl. 9 % and 25.00 incl. 21 %.
    expect(order?.products.map((p) => [p.sku, Number(p.total_tax)])).toEqual([
      ['WEBT-BOEK', 1.65],
      ['WEBT-LAMP', 4.34],
    ]);
    const exported = await exportOrders(t.world.context(NL_STORE), { orderIds: [id] });
    expect(exported).toMatchObject({ created: 1, failed: 0 });
    const [doc] = t.world.documents(FVR, `BC-${id}`);
    expect(doc?.lines.map((l) => text(l.ART_CODE)).sort()).toEqual(['VERZENDKOSTEN', 'WEBT-BOEK', 'WEBT-LAMP']);
  });

  it('makes no write on the next run, and leaves alone a class the merchant set on a product whose code has none', async () => {
    const [lamp] = await t.productsBySku('WEBT-LAMP');
    await t.world.bigcommerce(NL_STORE).request('PUT', `/v3/catalog/products/${lamp!.id}`, { body: { tax_class_id: TAX_CLASS.nonTaxable } });

    const mark = t.mark();
    await t.run({ taxClasses: { '1': TAX_CLASS.reduced } });
    expect(t.writesSince(mark)).toEqual([]);

    await t.article({ ART_CODE: 'WEBT-LAMP', PX_SELL: 24.79 }, true);
    await t.run({ taxClasses: { '1': TAX_CLASS.reduced } });
    const [after] = await t.productsBySku('WEBT-LAMP');
    expect(after).toMatchObject({ tax_class_id: TAX_CLASS.nonTaxable, price: 30 });
  });
});
