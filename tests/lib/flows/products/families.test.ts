import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductCreate } from '@/lib/bigcommerce';
import { NL_STORE, startProductsWorld, type ProductsWorld } from './harness';

interface OptionView {
  id: number;
  display_name: string;
  option_values: Array<{ id: number; label: string }>;
}
interface VariantView {
  id: number;
  sku: string;
  price: number | null;
  upc: string;
  gtin: string;
  purchasing_disabled: boolean;
  option_values: Array<{ label: string; option_display_name: string }>;
}
interface FamilyView {
  id: number;
  name: string;
  sku: string;
  price: number;
  is_visible: boolean;
  description: string;
  options: OptionView[];
  variants: VariantView[];
}

/**
 * Variant families (articles sharing MAIN_ART) against both simulators and a real database, on the store
 * "fietsenwinkel" (prices entered with VAT, so 16.49 excl. 21 % VAT is 19.95). The tests run in order.
 */
describe('products flow: variant families', () => {
  let t: ProductsWorld;
  let adoptedId = 0;

  const jersey = (code: string, size: string, colour: string, fields: Record<string, string | number | boolean> = {}) =>
    t.article({ ART_CODE: code, ART_DESC1: `Wielershirt ${colour.toLowerCase()} maat ${size}`, PX_SELL: 33.02, WEIGHT: 0.2, MAIN_ART: 'WEBT-SHIRT', VAR_SIZE: size, VAR_COLOR: colour, ...fields });

  beforeAll(async () => {
    t = await startProductsWorld();
    await jersey('WEBT-SHIRT-M-ROOD', 'M', 'Rood', { EAN_CODE: '8712345100014' });
    await jersey('WEBT-SHIRT-S-ROOD', 'S', 'Rood');
    await jersey('WEBT-SHIRT-M-BLAUW', 'M', 'Blauw');
    await jersey('WEBT-SHIRT-S-BLAUW', 'S', 'Blauw', { REC_BLK: true });
    // A family with a main article: its own code is the family's, and it gives the product its fields.
    await t.article({ ART_CODE: 'WEBT-SOK', ART_DESC1: 'Fietssokken merino', PX_SELL: 12.36, WEIGHT: 0.05, MAIN_ART: 'WEBT-SOK' });
    await t.article({ ART_CODE: 'WEBT-SOK-39', ART_DESC1: 'Fietssokken merino 39-42', PX_SELL: 12.36, WEIGHT: 0.05, MAIN_ART: 'WEBT-SOK', VAR_SIZE: '39-42' });
    await t.article({ ART_CODE: 'WEBT-SOK-43', ART_DESC1: 'Fietssokken merino 43-46', PX_SELL: 12.36, WEIGHT: 0.05, MAIN_ART: 'WEBT-SOK', VAR_SIZE: '43-46' });
    // A family product the merchant made before installing the app, with the article codes as variant SKUs.
    const before = {
      name: 'Regenbroek (eigen tekst)',
      type: 'physical',
      weight: 0.3,
      price: 40,
      sku: 'WEBT-BROEK',
      description: '<p>Door de winkel geschreven.</p>',
      variants: [
        { sku: 'WEBT-BROEK-M', option_values: [{ option_display_name: 'Size', label: 'M' }] },
        { sku: 'WEBT-BROEK-L', option_values: [{ option_display_name: 'Size', label: 'L' }] },
      ],
    } as unknown as ProductCreate;
    adoptedId = (await t.world.bigcommerce(NL_STORE).createProduct(before)).id ?? 0;
    await t.article({ ART_CODE: 'WEBT-BROEK-M', ART_DESC1: 'Regenbroek maat M', PX_SELL: 37.15, WEIGHT: 0.3, MAIN_ART: 'WEBT-BROEK', VAR_SIZE: 'M' });
    await t.article({ ART_CODE: 'WEBT-BROEK-L', ART_DESC1: 'Regenbroek maat L', PX_SELL: 37.15, WEIGHT: 0.3, MAIN_ART: 'WEBT-BROEK', VAR_SIZE: 'L' });
  }, 30_000);

  afterAll(async () => {
    await t.close();
  });

  const short = (mark: number) => t.writesSince(mark).map((w) => `${w.method} ${w.path.replace(/^.*\/v3/, '/v3').replace(/\/\d+/g, '/{id}')}`);

  async function family(sku: string): Promise<FamilyView> {
    const [found] = await t.productsBySku(sku);
    if (!found?.id) throw new Error(`no product ${sku}`);
    const response = await t.world.bigcommerce(NL_STORE).request('GET', `/v3/catalog/products/${found.id}`, { query: { include: 'variants,options' } });
    return (response.body as { data: FamilyView }).data;
  }
  const variant = (view: FamilyView, sku: string) => view.variants.find((v) => v.sku === sku);
  const labels = (view: FamilyView, name: string) => view.options.find((o) => o.display_name === name)?.option_values.map((v) => v.label);

  it('creates each new family as one product with its variants in a single call, and adopts the one made before install', async () => {
    const mark = t.mark();
    const { summary, log } = await t.run();
    expect(summary.message).toContain('Variant families: 2 created, 1 updated, 0 unchanged; variants: 6 created, 2 updated.');
    const writes = short(mark);
    // Two families created (one POST each, variants inline), the adopted one: product batch + variants batch (+ its custom field).
    expect(writes.filter((w) => w === 'POST /v3/catalog/products')).toHaveLength(2);
    expect(writes.filter((w) => w === 'PUT /v3/catalog/variants')).toHaveLength(1);
    expect(writes.filter((w) => w === 'PUT /v3/catalog/products')).toHaveLength(1);
    expect(writes.filter((w) => w.includes('/options'))).toEqual([]);

    const shirt = await family('WEBT-SHIRT');
    // Named after the family's first article by code; SKU = the family.
    expect(shirt).toMatchObject({ sku: 'WEBT-SHIRT', name: 'Wielershirt blauw maat M', price: 39.95, is_visible: true });
    expect(shirt.variants.map((v) => v.sku).sort()).toEqual(['WEBT-SHIRT-M-BLAUW', 'WEBT-SHIRT-M-ROOD', 'WEBT-SHIRT-S-BLAUW', 'WEBT-SHIRT-S-ROOD']);
    expect(shirt.options.map((o) => o.display_name)).toEqual(['Size', 'Colour']);
    expect(variant(shirt, 'WEBT-SHIRT-M-ROOD')).toMatchObject({ price: 39.95, upc: '8712345100014', gtin: '8712345100014', purchasing_disabled: false });
    expect(variant(shirt, 'WEBT-SHIRT-M-ROOD')?.option_values.map((o) => `${o.option_display_name}=${o.label}`)).toEqual(['Size=M', 'Colour=Rood']);
    // Blocked: cannot be bought, but the family stays.
    expect(variant(shirt, 'WEBT-SHIRT-S-BLAUW')?.purchasing_disabled).toBe(true);
    expect(await t.productsBySku('WEBT-SHIRT-M-ROOD')).toEqual([]);

    const socks = await family('WEBT-SOK');
    expect(socks).toMatchObject({ name: 'Fietssokken merino', price: 14.96 });
    expect(socks.variants.map((v) => v.sku).sort()).toEqual(['WEBT-SOK-39', 'WEBT-SOK-43']);
    expect(socks.options.map((o) => o.display_name)).toEqual(['Size']);

    // Adopted: the same product, its description kept, its variants' prices from AccountView.
    const trousers = await family('WEBT-BROEK');
    expect(trousers.id).toBe(adoptedId);
    expect(await t.productsBySku('WEBT-BROEK')).toHaveLength(1);
    expect(trousers.description).toBe('<p>Door de winkel geschreven.</p>');
    expect(trousers.name).toBe('Regenbroek maat L');
    expect(trousers.variants.map((v) => v.price)).toEqual([44.95, 44.95]);
    expect(log.find('article-family', 'WEBT-BROEK')?.message).toMatch(/^Linked to existing product/);
  });

  it('makes no BigCommerce write on a second full run right after the first', async () => {
    const mark = t.mark();
    const avMark = t.world.av.requests.length;
    // Another setting: the mapping fingerprint changes, so every article is read again.
    const { summary } = await t.run({ fullReadEveryHours: 2 });
    const reads = t.world.av.requests.slice(avMark).filter((r) => r.businessObject === 'AK1').map((r) => JSON.stringify(r.query).toLowerCase());
    expect(reads.some((q) => q.includes('dateonorafterdate'))).toBe(false);
    expect(summary.message).toContain('Variant families: 0 created, 0 updated, 3 unchanged; variants: 0 created, 0 updated.');
    expect(t.writesSince(mark)).toEqual([]);
  });

  it('gives a family that gains a size a new option value and a new variant, in two calls', async () => {
    const before = await family('WEBT-SHIRT');
    await jersey('WEBT-SHIRT-L-ROOD', 'L', 'Rood');
    const mark = t.mark();
    const { summary } = await t.run();
    expect(summary.message).toContain('variants: 1 created, 0 updated.');
    expect(short(mark)).toEqual(['POST /v3/catalog/products/{id}/options/{id}/values', 'PUT /v3/catalog/variants']);

    const after = await family('WEBT-SHIRT');
    expect(after.id).toBe(before.id);
    // The new article sorts first, yet the product keeps the name of the article it was made from.
    expect(after.name).toBe(before.name);
    expect(labels(after, 'Size')).toEqual(['M', 'S', 'L']);
    expect(labels(after, 'Colour')).toEqual(labels(before, 'Colour'));
    expect(variant(after, 'WEBT-SHIRT-L-ROOD')?.option_values.map((o) => o.label)).toEqual(['L', 'Rood']);
    expect(variant(after, 'WEBT-SHIRT-L-ROOD')?.price).toBe(39.95);

    const again = t.mark();
    await t.run();
    expect(t.writesSince(again)).toEqual([]);
  });

  it('gives a family that gains a colour nobody had a new option value too', async () => {
    await jersey('WEBT-SHIRT-M-GROEN', 'M', 'Groen');
    const mark = t.mark();
    await t.run();
    expect(short(mark)).toEqual(['POST /v3/catalog/products/{id}/options/{id}/values', 'PUT /v3/catalog/variants']);
    expect(labels(await family('WEBT-SHIRT'), 'Colour')).toContain('Groen');
  });

  it('renames the product when the article it is named after is renamed, without a variant write', async () => {
    await t.article({ ART_CODE: 'WEBT-SHIRT-M-BLAUW', ART_DESC1: 'Wielershirt Pro blauw maat M' }, true);
    const mark = t.mark();
    const { summary } = await t.run();
    // Other families are read again only when one of their articles changed in the same second as the newest change.
    expect(summary.message).toMatch(/Variant families: 0 created, 1 updated, \d+ unchanged; variants: 0 created, 0 updated\.$/);
    expect(short(mark)).toEqual(['PUT /v3/catalog/products']);
    expect((await family('WEBT-SHIRT')).name).toBe('Wielershirt Pro blauw maat M');
  });

  it("updates only the variant when another article's price, barcode or blocking changes, through the variants batch", async () => {
    await t.article({ ART_CODE: 'WEBT-SHIRT-S-ROOD', PX_SELL: 28.89, EAN_CODE: '8712345100021' }, true);
    await t.article({ ART_CODE: 'WEBT-SHIRT-S-BLAUW', REC_BLK: false }, true);
    const mark = t.mark();
    const { summary } = await t.run();
    expect(summary.message).toContain('variants: 0 created, 2 updated.');
    expect(short(mark)).toEqual(['PUT /v3/catalog/variants']);
    const shirt = await family('WEBT-SHIRT');
    expect(variant(shirt, 'WEBT-SHIRT-S-ROOD')).toMatchObject({ price: 34.96, upc: '8712345100021', gtin: '8712345100021' });
    expect(variant(shirt, 'WEBT-SHIRT-S-BLAUW')?.purchasing_disabled).toBe(false);
  });

  it('reports an article without the family options as failed, with a hint, and keeps the rest of the family', async () => {
    await t.article({ ART_CODE: 'WEBT-SHIRT-XL', ART_DESC1: 'Wielershirt XL', PX_SELL: 33.02, WEIGHT: 0.2, MAIN_ART: 'WEBT-SHIRT', VAR_SIZE: 'XL' });
    const mark = t.mark();
    const { summary, log } = await t.run();
    expect(summary.message).toMatch(/ 1 failed\./);
    expect(log.find('article', 'WEBT-SHIRT-XL')).toMatchObject({ outcome: 'failed', hint: expect.stringContaining('option fields') as unknown });
    expect(log.find('article', 'WEBT-SHIRT-XL')?.message).toContain('Colour (VAR_COLOR)');
    expect(t.writesSince(mark)).toEqual([]);
    await t.article({ ART_CODE: 'WEBT-SHIRT-XL', VAR_COLOR: 'Rood' }, true);
    await t.run();
    expect(variant(await family('WEBT-SHIRT'), 'WEBT-SHIRT-XL')?.option_values.map((o) => o.label)).toEqual(['XL', 'Rood']);
  });

  it("reports an article whose option value changed, until the merchant deletes the old variant, which is then made anew", async () => {
    await t.article({ ART_CODE: 'WEBT-SHIRT-M-GROEN', VAR_COLOR: 'Geel' }, true);
    const { summary, log } = await t.run();
    expect(summary.message).toMatch(/ 1 failed\./);
    expect(log.find('article', 'WEBT-SHIRT-M-GROEN')).toMatchObject({ outcome: 'failed', hint: expect.stringContaining('Delete variant WEBT-SHIRT-M-GROEN') as unknown });
    const old = variant(await family('WEBT-SHIRT'), 'WEBT-SHIRT-M-GROEN');
    expect(old?.option_values.map((o) => o.label)).toEqual(['M', 'Groen']);

    const shirt = await family('WEBT-SHIRT');
    await t.world.bigcommerce(NL_STORE).request('DELETE', `/v3/catalog/products/${shirt.id}/variants/${old?.id}`);
    const mark = t.mark();
    const again = await t.run();
    expect(again.summary.message).toMatch(/ 0 failed\./);
    expect(short(mark)).toEqual(['POST /v3/catalog/products/{id}/options/{id}/values', 'PUT /v3/catalog/variants']);
    expect(variant(await family('WEBT-SHIRT'), 'WEBT-SHIRT-M-GROEN')?.option_values.map((o) => o.label)).toEqual(['M', 'Geel']);
  });

  it('isolates a new variant whose SKU another product already has, and creates the rest of the batch', async () => {
    // BEL-MESSING is a simple product in the store; its article joins the family together with a new one.
    await t.article({ ART_CODE: 'BEL-MESSING', AG_CODE: 'WEBT', MAIN_ART: 'WEBT-SHIRT', VAR_SIZE: 'XXL', VAR_COLOR: 'Rood', PX_SELL: 33.02, WEIGHT: 0.2 }, true);
    await jersey('WEBT-SHIRT-XXL-BLAUW', 'XXL', 'Blauw');
    const mark = t.mark();
    const { summary, log } = await t.run();
    expect(summary.message).toMatch(/ 1 failed\. .*variants: 1 created, 0 updated\.$/);
    expect(log.find('article', 'BEL-MESSING')).toMatchObject({ outcome: 'failed', hint: expect.stringContaining('already has this SKU') as unknown });
    // The batch of two is refused, then each is sent alone.
    expect(short(mark).filter((w) => w === 'PUT /v3/catalog/variants')).toHaveLength(3);
    const shirt = await family('WEBT-SHIRT');
    expect(variant(shirt, 'WEBT-SHIRT-XXL-BLAUW')).toBeDefined();
    expect(variant(shirt, 'BEL-MESSING')).toBeUndefined();
    // Out of the selection again, so the next tests see only their own writes.
    await t.article({ ART_CODE: 'BEL-MESSING', MAIN_ART: '', AG_CODE: 'BOEK' }, true);
  });

  it('sends a family of 55 changed variants in two variant batches (50 + 5)', async () => {
    for (let i = 1; i <= 55; i++) await t.article({ ART_CODE: `WEBT-BAND-${String(i).padStart(2, '0')}`, ART_DESC1: `Binnenband maat ${i}`, PX_SELL: 4.09, WEIGHT: 0.1, MAIN_ART: 'WEBT-BAND', VAR_SIZE: String(i) });
    const created = t.mark();
    await t.run();
    expect(short(created)).toEqual(['POST /v3/catalog/products']);
    expect((await family('WEBT-BAND')).variants).toHaveLength(55);

    for (let i = 1; i <= 55; i++) await t.article({ ART_CODE: `WEBT-BAND-${String(i).padStart(2, '0')}`, PX_SELL: 4.5 }, true);
    const mark = t.mark();
    const { summary } = await t.run();
    expect(summary.message).toContain('variants: 0 created, 55 updated.');
    const batches = t.writesSince(mark).filter((w) => w.path.endsWith('/v3/catalog/variants'));
    expect(batches).toHaveLength(2);
    expect(new Set((await family('WEBT-BAND')).variants.map((v) => v.price))).toEqual(new Set([5.45]));
  });

  it('stops selling the variant of an article that left the family, on the next full read', async () => {
    await t.article({ ART_CODE: 'WEBT-SOK-43', AG_CODE: 'BOEK' }, true);
    const mark = t.mark();
    await t.run({ fullReadEveryHours: 3 });
    expect(short(mark)).toEqual(['PUT /v3/catalog/variants']);
    const socks = await family('WEBT-SOK');
    expect(variant(socks, 'WEBT-SOK-43')?.purchasing_disabled).toBe(true);
    expect(variant(socks, 'WEBT-SOK-39')?.purchasing_disabled).toBe(false);
    const again = t.mark();
    await t.run({ fullReadEveryHours: 4 });
    expect(t.writesSince(again)).toEqual([]);
  });

  it('hides the product of a family none of whose articles is left, on a full read', async () => {
    for (const code of ['WEBT-SOK', 'WEBT-SOK-39']) await t.article({ ART_CODE: code, AG_CODE: 'BOEK' }, true);
    const { summary } = await t.run({ fullReadEveryHours: 5 });
    expect(summary.message).toContain('1 product(s) hidden');
    expect((await family('WEBT-SOK')).is_visible).toBe(false);
  });
});
