import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installApp, SPECS_AVAILABLE, startTestSimulator, testApi, type BigCommerceSimulator, type TestApi } from './bigcommerce';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers are inspected field by field.
type Json = any;

const NL = 'abc123def';

let sim: BigCommerceSimulator;
let api: TestApi;

beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.stop());
beforeEach(async () => {
  sim.reset();
  api = testApi(sim, NL, await installApp(sim, NL));
});

type Product = Record<string, Json> & { id: number; sku: string; name: string };
interface List<T> {
  data: T[];
  meta: { pagination: { total: number; count: number; per_page: number; current_page: number; total_pages: number; links: Record<string, string> } };
}

const newProduct = (overrides: Record<string, unknown> = {}) => ({ name: 'Spatbordset 28"', type: 'physical', weight: 0.8, price: 24.95, sku: 'SPATBORD-28', ...overrides });

describe('GET /v3/catalog/products', () => {
  it('lists with meta.pagination and paging links', async () => {
    const all = await api.get<List<Product>>('/v3/catalog/products');
    expect(all.status).toBe(200);
    expect(all.body.data).toHaveLength(8);
    expect(all.body.meta.pagination).toEqual({ total: 8, count: 8, per_page: 50, current_page: 1, total_pages: 1, links: { current: '?page=1&limit=50' } });
    const page = await api.get<List<Product>>('/v3/catalog/products', { limit: 3, page: 2 });
    expect(page.body.data.map((p) => p.id)).toEqual([114, 115, 116]);
    expect(page.body.meta.pagination).toMatchObject({ total: 8, count: 3, total_pages: 3, links: { previous: '?limit=3&page=1', current: '?limit=3&page=2', next: '?limit=3&page=3' } });
    expect((await api.get<List<Product>>('/v3/catalog/products', { page: 9 })).body.data).toEqual([]);
  });

  it('filters by sku (case-insensitive, product SKU only), sku:in, id:in and upc', async () => {
    const bySku = await api.get<List<Product>>('/v3/catalog/products', { sku: 'bel-messing' });
    expect(bySku.body.data.map((p) => p.sku)).toEqual(['BEL-MESSING']);
    expect((await api.get<List<Product>>('/v3/catalog/products', { sku: 'HELM-URBAN-M' })).body.data).toEqual([]);
    expect((await api.get<List<Product>>('/v3/catalog/products', { 'sku:in': 'BEL-MESSING,ENERGIE-24' })).body.data.map((p) => p.id)).toEqual([114, 117]);
    expect((await api.get<List<Product>>('/v3/catalog/products', { 'id:in': '111,113' })).body.data.map((p) => p.sku)).toEqual(['GZ-ULT-C380', 'ABUS-BORDO-6000']);
    expect((await api.get<List<Product>>('/v3/catalog/products', { upc: '8718182345678' })).body.data.map((p) => p.id)).toEqual([111]);
    expect((await api.get('/v3/catalog/products', { 'id:in': 'een,twee' })).status).toBe(422);
  });

  it('includes sub-resources and trims fields with include_fields', async () => {
    const res = await api.get<List<Product>>('/v3/catalog/products', { 'id:in': '111', include: 'variants,images,custom_fields,options' });
    const bike = res.body.data[0] as Product;
    expect(bike.variants.map((v: Product) => [v.sku, v.inventory_level, v.calculated_price])).toEqual([
      ['GZ-ULT-C380-49', 2, 3299],
      ['GZ-ULT-C380-53', 4, 3299],
      ['GZ-ULT-C380-57', 1, 3299],
    ]);
    expect(bike).toMatchObject({ inventory_tracking: 'variant', inventory_level: 7, base_variant_id: null });
    expect(bike.images[0]).toMatchObject({ is_thumbnail: true, image_url: expect.stringContaining('gazelle') });
    expect(bike.custom_fields).toEqual([expect.objectContaining({ name: 'Motor', value: 'Bosch Performance Line' }), expect.objectContaining({ name: 'Accu' })]);
    expect(bike.options[0]).toMatchObject({ display_name: 'Framemaat', option_values: [{ label: '49 cm' }, { label: '53 cm' }, { label: '57 cm' }] });

    const slim = await api.get<List<Product>>('/v3/catalog/products', { include_fields: 'sku,price', limit: 1 });
    expect(slim.body.data[0]).toEqual({ id: 111, sku: 'GZ-ULT-C380', price: 3299 });
    // With options included a page holds at most 10 products.
    expect((await api.get<List<Product>>('/v3/catalog/products', { include: 'options', limit: 50 })).body.meta.pagination.per_page).toBe(10);
  });
});

describe('POST /v3/catalog/products', () => {
  it('creates one product with variants, images and custom fields', async () => {
    const res = await api.request<{ data: Product }>('POST', '/v3/catalog/products', {
      query: { include: 'variants' },
      body: newProduct({
        categories: [21],
        inventory_tracking: 'variant',
        variants: [{ sku: 'SPATBORD-28-ZW', option_values: [{ option_display_name: 'Kleur', label: 'Zwart' }], inventory_level: 4 }],
        images: [{ image_url: 'https://example.nl/spatbord.jpg' }],
        custom_fields: [{ name: 'Materiaal', value: 'Aluminium' }],
      }),
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: 119, name: 'Spatbordset 28"', weight: 0.8, categories: [21], inventory_level: 4, custom_url: { url: '/spatbordset-28/' } });
    expect(res.body.data.variants).toEqual([expect.objectContaining({ sku: 'SPATBORD-28-ZW', inventory_level: 4, option_values: [expect.objectContaining({ label: 'Zwart', option_display_name: 'Kleur' })] })]);
    const images = await api.get<List<Record<string, unknown>>>('/v3/catalog/products/119/images');
    expect(images.body.data).toEqual([expect.objectContaining({ product_id: 119, is_thumbnail: true, image_url: 'https://example.nl/spatbord.jpg' })]);
  });

  it.skipIf(!SPECS_AVAILABLE)('answers 422 with field errors when required fields are missing or invalid (spec validation)', async () => {
    const { weight: _weight, ...noWeight } = newProduct();
    const res = await api.post('/v3/catalog/products', noWeight);
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ status: 422, title: expect.any(String), type: expect.any(String), errors: { weight: 'Please provide a weight.' } });
    const wrong = await api.post<{ errors: Record<string, string> }>('/v3/catalog/products', newProduct({ type: 'service', price: 'gratis' }));
    expect(wrong.status).toBe(422);
    expect(Object.keys(wrong.body.errors).sort()).toEqual(['price', 'type']);
    expect((await api.request('POST', '/v3/catalog/products', { raw: '{"name":', headers: { 'Content-Type': 'application/json' } })).status).toBe(400);
  });

  it('answers 409 for a SKU taken by any product or variant, ignoring case, a duplicate name or an unknown category', async () => {
    for (const sku of ['bel-messing', 'gz-ult-c380-49']) {
      const res = await api.post('/v3/catalog/products', newProduct({ sku }));
      expect(res.status, sku).toBe(409);
      expect(res.body).toMatchObject({ status: 409, errors: { sku: expect.stringContaining(sku) } });
    }
    expect((await api.post('/v3/catalog/products', newProduct({ name: 'fietsbel MESSING', sku: 'X-1' }))).status).toBe(409);
    expect((await api.post('/v3/catalog/products', newProduct({ categories: [9999] }))).body).toMatchObject({ status: 409, errors: { categories: expect.any(String) } });
    expect(sim.state.stores[NL]?.data.products).toHaveLength(8);
  });
});

describe('PUT /v3/catalog/products', () => {
  it.skipIf(!SPECS_AVAILABLE)('updates up to 10 products in one batch and refuses 11 with 413', async () => {
    await api.post('/v3/catalog/products', newProduct());
    await api.post('/v3/catalog/products', newProduct({ name: 'Bagagedrager', sku: 'DRAGER' }));
    const ids = (await api.get<List<Product>>('/v3/catalog/products')).body.data.map((p) => p.id);
    expect(ids).toHaveLength(10);
    const res = await api.put<{ data: Product[] }>('/v3/catalog/products', ids.map((id) => ({ id, is_featured: true })));
    expect(res.status).toBe(200);
    expect(res.body.data.every((p) => p.is_featured)).toBe(true);

    const tooMany = await api.put('/v3/catalog/products', [...ids, 111].map((id) => ({ id, price: 1 })));
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toEqual({ status: 413, title: expect.stringContaining('10'), type: expect.any(String) });
    expect((await api.put<{ errors: Record<string, string> }>('/v3/catalog/products', [{ price: 1 }])).body.errors).toEqual({ '0.id': 'Please provide an id.' });
    expect((await api.put('/v3/catalog/products', [{ id: 9999, price: 1 }])).status).toBe(404);
    expect((await api.put('/v3/catalog/products', [{ id: 112, sku: 'helm-urban' }])).status).toBe(409);
  });

  it('updates one product, sets product-tracked stock and moves date_modified', async () => {
    const before = (await api.get<{ data: Product }>('/v3/catalog/products/112')).body.data;
    const res = await api.put<{ data: Product }>('/v3/catalog/products/112', { price: 699, inventory_level: 3 });
    expect(res.body.data).toMatchObject({ id: 112, price: 699, inventory_level: 3 });
    expect(Date.parse(res.body.data.date_modified)).toBeGreaterThan(Date.parse(before.date_modified));
    expect((await api.get('/v3/catalog/products/9999')).status).toBe(404);
    expect((await api.put('/v3/catalog/products/112', { weight: -1 })).status).toBe(422);
  });
});

describe('variants and options', () => {
  it('adds an option and a variant, finds it by SKU and refuses duplicates', async () => {
    const option = await api.post<{ data: { id: number; option_values: { id: number; label: string }[] } }>('/v3/catalog/products/114/options', {
      display_name: 'Kleur',
      type: 'swatch',
      option_values: [{ label: 'Goud', sort_order: 0 }, { label: 'Zilver', sort_order: 1 }],
    });
    expect(option.status).toBe(200);
    const [goud] = option.body.data.option_values;
    const variant = await api.post<{ data: Product }>('/v3/catalog/products/114/variants', {
      sku: 'BEL-MESSING-GOUD',
      price: 14.95,
      option_values: [{ id: goud?.id, option_id: option.body.data.id }],
    });
    expect(variant.status).toBe(200);
    expect(variant.body.data).toMatchObject({ product_id: 114, sku: 'BEL-MESSING-GOUD', calculated_price: 14.95, sku_id: expect.any(Number) });
    expect((await api.get<List<Product>>('/v3/catalog/variants', { sku: 'bel-messing-goud' })).body.data.map((v) => v.id)).toEqual([variant.body.data.id]);
    expect((await api.get<List<Product>>('/v3/catalog/products/114/variants')).body.data).toHaveLength(1);

    const again = await api.post('/v3/catalog/products/114/variants', { sku: 'BEL-ANDERS', option_values: [{ id: goud?.id, option_id: option.body.data.id }] });
    expect(again.status).toBe(409);
    expect((await api.post('/v3/catalog/products/114/variants', { sku: 'Bel-Messing-Goud', option_values: [{ id: 1, option_id: option.body.data.id }] })).status).toBe(409);
    expect((await api.post('/v3/catalog/products/114/variants', { sku: 'BEL-X' })).status).toBe(422);
    expect((await api.get<List<unknown>>('/v3/catalog/products/114/options')).body.data).toHaveLength(1);
  });

  it('updates variants in batches of up to 50 and refuses 51 with 413', async () => {
    const variants = (await api.get<List<Product>>('/v3/catalog/products/115/variants')).body.data;
    const res = await api.put<{ data: Product[] }>('/v3/catalog/variants', variants.map((v) => ({ id: v.id, inventory_level: 9, price: 64.95 })));
    expect(res.status).toBe(200);
    expect(res.body.data.map((v) => [v.inventory_level, v.calculated_price])).toEqual([[9, 64.95], [9, 64.95], [9, 64.95]]);
    const tooMany = await api.put('/v3/catalog/variants', Array.from({ length: 51 }, () => ({ id: variants[0]?.id, price: 1 })));
    expect(tooMany.status).toBe(413);
  });
});

describe('images', () => {
  it('adds images by URL and by multipart upload, lists and deletes them', async () => {
    const byUrl = await api.post<{ data: Record<string, unknown> }>('/v3/catalog/products/113/images', { image_url: 'https://example.nl/slot.png', description: 'Slot' });
    expect(byUrl.body.data).toMatchObject({ product_id: 113, is_thumbnail: true, image_url: 'https://example.nl/slot.png', url_thumbnail: expect.stringContaining('100x100') });

    const form = new FormData();
    form.append('image_file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' }), 'slot-open.png');
    form.append('is_thumbnail', 'true');
    const upload = await api.request<{ data: Record<string, unknown> }>('POST', '/v3/catalog/products/113/images', { raw: form });
    expect(upload.status).toBe(200);
    expect(upload.body.data).toMatchObject({ is_thumbnail: true, image_file: expect.stringContaining('slot-open.png'), url_zoom: expect.stringContaining('/slot-open.png') });

    const list = (await api.get<List<{ id: number; is_thumbnail: boolean }>>('/v3/catalog/products/113/images')).body.data;
    expect(list.map((i) => i.is_thumbnail)).toEqual([false, true]);
    expect((await api.del(`/v3/catalog/products/113/images/${list[1]?.id}`)).status).toBe(204);
    expect((await api.get<List<{ is_thumbnail: boolean }>>('/v3/catalog/products/113/images')).body.data).toEqual([expect.objectContaining({ is_thumbnail: true })]);
  });

  it('refuses an image without image_url or with an unsupported file', async () => {
    const res = await api.post('/v3/catalog/products/113/images', { description: 'Zonder URL' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ title: 'image_url must be present if uploading by url', errors: { image_url: expect.any(String) } });
    const form = new FormData();
    form.append('image_file', new Blob(['%PDF-1.7'], { type: 'application/pdf' }), 'handleiding.pdf');
    expect((await api.request('POST', '/v3/catalog/products/113/images', { raw: form })).status).toBe(422);
  });
});

describe('custom fields', () => {
  it('creates, reads, updates and deletes, with 409 for a duplicate pair', async () => {
    const created = await api.post<{ data: { id: number } }>('/v3/catalog/products/112/custom-fields', { name: 'Versnellingen', value: '3' });
    expect(created.status).toBe(200);
    const path = `/v3/catalog/products/112/custom-fields/${created.body.data.id}`;
    expect((await api.get(path)).body).toEqual({ data: { id: created.body.data.id, name: 'Versnellingen', value: '3' }, meta: {} });
    expect((await api.post('/v3/catalog/products/112/custom-fields', { name: 'Versnellingen', value: '3' })).status).toBe(409);
    expect((await api.post('/v3/catalog/products/112/custom-fields', { name: 'Leeg' })).status).toBe(422);
    expect((await api.put<{ data: { value: string } }>(path, { value: '7' })).body.data.value).toBe('7');
    expect((await api.del(path)).status).toBe(204);
    expect((await api.get(path)).status).toBe(404);
  });
});

describe('category trees', () => {
  it('lists trees and categories, and builds the nested tree', async () => {
    const trees = await api.get<List<{ id: number; channels: number[] }>>('/v3/catalog/trees');
    expect(trees.body.data).toEqual([{ id: 1, name: 'Fietsenwinkel De Vries', channels: [1] }]);
    const categories = await api.get<List<{ category_id: number; parent_id: number; name: string }>>('/v3/catalog/trees/categories', { 'parent_id:in': '18' });
    expect(categories.body.data.map((c) => c.name)).toEqual(['Stadsfietsen', 'E-bikes']);
    const nested = await api.get<{ data: { name: string; children: { name: string; path: number[] }[] }[] }>('/v3/catalog/trees/1/categories');
    expect(nested.body.data[0]).toMatchObject({ name: 'Fietsen', children: [{ name: 'Stadsfietsen', path: [18, 19] }, { name: 'E-bikes' }] });
    expect((await api.get('/v3/catalog/trees/9/categories')).status).toBe(404);
  });

  it('creates with tree_id or parent_id, renames, and deletes with descendants', async () => {
    const created = await api.post<{ data: { category_id: number; tree_id: number; parent_id: number; url: { path: string } }[]; meta: object }>('/v3/catalog/trees/categories', [
      { name: 'Kinderfietsen', tree_id: 1 },
      { name: 'Bakfietsen', parent_id: 18 },
    ]);
    expect(created.status).toBe(201);
    expect(created.body.data.map((c) => [c.tree_id, c.parent_id, c.url.path])).toEqual([
      [1, 0, '/kinderfietsen/'],
      [1, 18, '/fietsen/bakfietsen/'],
    ]);
    expect(created.body.meta).toEqual({ total: 2, success: 2, failed: 0 });

    expect((await api.post('/v3/catalog/trees/categories', [{ name: 'Zwevend' }])).status).toBe(422);
    expect((await api.post('/v3/catalog/trees/categories', [{ name: 'x'.repeat(51), tree_id: 1 }])).status).toBe(422);
    expect((await api.post('/v3/catalog/trees/categories', [{ name: 'e-bikes', parent_id: 18 }])).status).toBe(422);

    const renamed = await api.put('/v3/catalog/trees/categories', [{ category_id: created.body.data[0]?.category_id, name: 'Kinder- en loopfietsen' }]);
    expect(renamed.status).toBe(200);
    expect((await api.put('/v3/catalog/trees/categories', [{ category_id: 18, parent_id: 19 }])).status).toBe(422);

    expect((await api.del('/v3/catalog/trees/categories')).status).toBe(422);
    expect((await api.del('/v3/catalog/trees/categories', { 'category_id:in': '18' })).status).toBe(204);
    const left = (await api.get<List<{ name: string }>>('/v3/catalog/trees/categories')).body.data.map((c) => c.name);
    expect(left).not.toContain('E-bikes');
    expect(left).toContain('Kinder- en loopfietsen');
    expect((await api.get<{ data: Product }>('/v3/catalog/products/111')).body.data.categories).toEqual([]);
  });
});
