import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NL_STORE, startProductsWorld, type ProductsWorld } from './harness';

/** A 1×1 PNG, and the same picture with one byte more: other bytes, so another hash. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const OTHER_PNG = Buffer.concat([Buffer.from(PNG, 'base64'), Buffer.from([0])]).toString('base64');

/** Product images from AccountView (IMG_MEDIUM / IMG_M_DATA), uploaded as files; the tests run in order. */
describe('products flow: images', () => {
  let t: ProductsWorld;

  beforeAll(async () => {
    t = await startProductsWorld();
    await t.article({ ART_CODE: 'WEBT-IMG1', ART_DESC1: 'Fietsbel chroom', PX_SELL: 6.57, WEIGHT: 0.08, IMG_MEDIUM: 'fietsbel-chroom.png', IMG_M_DATA: PNG });
    await t.article({ ART_CODE: 'WEBT-IMG2', ART_DESC1: 'Fietsbel zonder foto', PX_SELL: 6.57, WEIGHT: 0.08 });
  }, 30_000);

  afterAll(async () => {
    await t.close();
  });

  const imageWrites = (mark: number) => t.writesSince(mark).filter((w) => /\/v3\/catalog\/products\/\d+\/images/.test(w.path));

  async function imagesOf(sku: string): Promise<Array<{ id: number; is_thumbnail?: boolean }>> {
    const [product] = await t.productsBySku(sku);
    const found: Array<{ id: number; is_thumbnail?: boolean }> = [];
    for await (const image of t.world.bigcommerce(NL_STORE).listV3<{ id: number; is_thumbnail?: boolean }>(`/v3/catalog/products/${product?.id}/images`)) found.push(image);
    return found;
  }

  it('uploads the image of a new article once, reading the image data apart and only for that article', async () => {
    const mark = t.mark();
    const avMark = t.world.av.requests.length;
    const { log } = await t.run();
    expect(imageWrites(mark).map((w) => w.method)).toEqual(['POST']);
    const images = await imagesOf('WEBT-IMG1');
    expect(images).toHaveLength(1);
    expect(images[0]?.is_thumbnail).toBe(true);
    expect(await imagesOf('WEBT-IMG2')).toEqual([]);
    expect(log.find('article-image', 'WEBT-IMG1')).toMatchObject({ outcome: 'created', targetRef: String(images[0]?.id) });

    const reads = t.world.av.requests.slice(avMark).filter((r) => r.businessObject === 'AK1').map((r) => JSON.stringify(r.query));
    const withData = reads.filter((q) => q.includes('IMG_M_DATA'));
    expect(withData).toHaveLength(1);
    expect(withData[0]).toContain('WEBT-IMG1');
    expect(withData[0]).not.toContain('WEBT-IMG2');
    expect(reads.some((q) => q.includes('IMG_MEDIUM') && !q.includes('IMG_M_DATA'))).toBe(true);
  });

  it('uploads nothing on the next run when the image bytes are unchanged', async () => {
    const mark = t.mark();
    const { log } = await t.run();
    expect(imageWrites(mark)).toEqual([]);
    expect(log.find('article-image', 'WEBT-IMG1')).toBeUndefined();
    expect(await imagesOf('WEBT-IMG1')).toHaveLength(1);
  });

  it('replaces the image when its bytes change in AccountView: one upload, one delete, one image left', async () => {
    const [before] = await imagesOf('WEBT-IMG1');
    await t.article({ ART_CODE: 'WEBT-IMG1', IMG_M_DATA: OTHER_PNG }, true);
    const mark = t.mark();
    const { log } = await t.run();
    const writes = imageWrites(mark);
    expect(writes.map((w) => w.method)).toEqual(['POST', 'DELETE']);
    expect(writes[1]?.path).toMatch(new RegExp(`/images/${before?.id}$`));
    const after = await imagesOf('WEBT-IMG1');
    expect(after).toHaveLength(1);
    expect(after[0]?.id).not.toBe(before?.id);
    expect(log.find('article-image', 'WEBT-IMG1')).toMatchObject({ outcome: 'updated', targetRef: String(after[0]?.id) });

    const again = t.mark();
    await t.run();
    expect(imageWrites(again)).toEqual([]);
  });

  it('does not read the image data again on a full read when the image is known and its name unchanged', async () => {
    const mark = t.mark();
    const avMark = t.world.av.requests.length;
    // Another setting: a full read.
    await t.run({ fullReadEveryHours: 1 });
    const reads = t.world.av.requests.slice(avMark).filter((r) => r.businessObject === 'AK1').map((r) => JSON.stringify(r.query).toLowerCase());
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.some((q) => q.includes('dateonorafterdate'))).toBe(false);
    expect(reads.some((q) => q.includes('img_m_data'))).toBe(false);
    expect(imageWrites(mark)).toEqual([]);
    expect(await imagesOf('WEBT-IMG1')).toHaveLength(1);
  });

  it("removes the image this app put on the product once it is removed in AccountView, and leaves the merchant's own", async () => {
    const [product] = await t.productsBySku('WEBT-IMG1');
    const ours = await imagesOf('WEBT-IMG1');
    expect(ours).toHaveLength(1);
    const own = await t.world.bigcommerce(NL_STORE).createProductImage(product?.id ?? 0, { image_url: 'https://cdn.example.com/fietsbel-sfeer.jpg', is_thumbnail: false });
    await t.article({ ART_CODE: 'WEBT-IMG1', IMG_MEDIUM: '', IMG_M_DATA: '' }, true);

    const mark = t.mark();
    const { log } = await t.run();
    const writes = imageWrites(mark);
    expect(writes.map((w) => w.method)).toEqual(['DELETE']);
    expect(writes[0]?.path).toMatch(new RegExp(`/images/${ours[0]?.id}$`));
    expect((await imagesOf('WEBT-IMG1')).map((i) => i.id)).toEqual([own.id]);
    expect(log.find('article-image', 'WEBT-IMG1')?.message).toMatch(/^Removed image/);

    // Forgotten: neither an incremental nor a full read deletes anything again.
    const again = t.mark();
    await t.run();
    await t.run({ fullReadEveryHours: 2 });
    expect(imageWrites(again)).toEqual([]);
    expect((await imagesOf('WEBT-IMG1')).map((i) => i.id)).toEqual([own.id]);
  });

  it("puts the image of the article a family's product is made from on that product, once", async () => {
    await t.article({ ART_CODE: 'WEBT-IMGF-1', ART_DESC1: 'Fietstas zwart', PX_SELL: 24.75, WEIGHT: 0.9, MAIN_ART: 'WEBT-IMGF', VAR_COLOR: 'Zwart', IMG_MEDIUM: 'fietstas.png', IMG_M_DATA: PNG });
    await t.article({ ART_CODE: 'WEBT-IMGF-2', ART_DESC1: 'Fietstas grijs', PX_SELL: 24.75, WEIGHT: 0.9, MAIN_ART: 'WEBT-IMGF', VAR_COLOR: 'Grijs', IMG_MEDIUM: 'fietstas-grijs.png', IMG_M_DATA: OTHER_PNG });
    const mark = t.mark();
    const { log } = await t.run();
    expect(imageWrites(mark).map((w) => w.method)).toEqual(['POST']);
    const images = await imagesOf('WEBT-IMGF');
    expect(images).toHaveLength(1);
    expect(log.find('article-image', 'WEBT-IMGF-1')).toMatchObject({ outcome: 'created', targetRef: String(images[0]?.id) });

    const again = t.mark();
    await t.run();
    await t.run({ fullReadEveryHours: 3 });
    expect(t.writesSince(again)).toEqual([]);
  });
});
