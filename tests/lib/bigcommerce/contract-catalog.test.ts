import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BigCommerceApiError, type Product } from '@/lib/bigcommerce';
import { collect } from './fakes';
import { startInstalledStore, type InstalledStore } from './simulator';

describe('against the simulator: catalog, inventory and locations', () => {
  let store: InstalledStore;
  let product: Product;
  beforeAll(async () => {
    store = await startInstalledStore();
    product = await store.client().createProduct({
      name: 'Gazelle Esprit C7 contract',
      type: 'physical',
      sku: 'CT-ESPRIT-C7',
      weight: 18.5,
      price: 649,
      inventory_tracking: 'product',
    });
  });
  afterAll(() => store?.sim.stop());

  it('creates a product and finds it by SKU', async () => {
    expect(product).toMatchObject({ name: 'Gazelle Esprit C7 contract', sku: 'CT-ESPRIT-C7', price: 649 });
    const found = await collect(store.client().listProducts({ sku: 'CT-ESPRIT-C7' }));
    expect(found.map((p) => p.id)).toEqual([product.id]);
    expect((await store.client().getProduct(product.id!)).name).toBe('Gazelle Esprit C7 contract');
  });

  it('pages through every product in the catalog', async () => {
    const all = await collect(store.client().listProducts({ limit: 3 }));
    const seen = store.sim.requests.filter((r) => r.path.endsWith('/v3/catalog/products') && r.query.limit === '3');
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    expect(seen).toHaveLength(Math.ceil(all.length / 3));
    expect(all.map((p) => p.id)).toContain(product.id);
  });

  it('answers a duplicate name with 409 and the field that conflicts', async () => {
    const error = await store.client().createProduct({ name: 'Gazelle Esprit C7 contract', type: 'physical', weight: 1, price: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceApiError);
    expect(error).toMatchObject({ status: 409, errors: { name: expect.stringContaining('duplicate') } });
  });

  it('answers missing required fields with 422 and a message per field', async () => {
    const error = await store.client().request('POST', '/v3/catalog/products', { body: { name: 'Zonder prijs' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422 });
    expect(Object.keys((error as BigCommerceApiError).errors).length).toBeGreaterThan(0);
  });

  it('updates products in a batch of up to 10, and BigCommerce refuses 11 with 413', async () => {
    const [updated] = await store.client().updateProducts([{ id: product.id!, price: 599 }]);
    expect(updated).toMatchObject({ id: product.id, price: 599 });
    const eleven = Array.from({ length: 11 }, () => ({ id: product.id! }));
    const error = await store.client().request('PUT', '/v3/catalog/products', { body: eleven }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 413, title: expect.stringContaining('maximum number of items') });
  });

  it('lists and updates variants', async () => {
    const variants = await collect(store.client().listVariants({ 'product_id:in': [product.id!] }));
    expect(variants).toHaveLength(1);
    const [base] = variants;
    const [updated] = await store.client().updateVariants([{ id: base!.id, sku: 'CT-ESPRIT-C7', price: 579 }]);
    expect(updated).toMatchObject({ id: base!.id, price: 579 });
  });

  it('adds an image by URL, and refuses one without a URL', async () => {
    const image = await store.client().createProductImage(product.id!, { image_url: 'https://cdn.fietsenwinkel.nl/esprit.jpg', is_thumbnail: true });
    expect(image).toMatchObject({ product_id: product.id, is_thumbnail: true });
    const error = await store.client().createProductImage(product.id!, { description: 'geen url' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, errors: { image_url: 'image_url must be present if uploading by url' } });
  });

  it('uploads an image file as multipart, lists it and deletes it', async () => {
    const client = store.client();
    const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'));
    const image = await client.uploadProductImage(product.id!, { file: png, filename: 'esprit-zijkant.png', contentType: 'image/png', description: 'Zijkant' });
    expect(image).toMatchObject({ product_id: product.id, description: 'Zijkant' });
    expect(typeof image.id).toBe('number');
    const listed = await collect(client.listV3<{ id: number }>(`/v3/catalog/products/${product.id}/images`));
    expect(listed.map((i) => i.id)).toContain(image.id);

    const refused = await client.uploadProductImage(product.id!, { file: png, filename: 'esprit.txt', contentType: 'text/plain' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 422 });

    await client.deleteProductImage(product.id!, image.id!);
    const after = await collect(client.listV3<{ id: number }>(`/v3/catalog/products/${product.id}/images`));
    expect(after.map((i) => i.id)).not.toContain(image.id);
  });

  it('does not repeat an image upload that met a 500, so the image is not added twice', async () => {
    const path = `/v3/catalog/products/${product.id}/images`;
    store.sim.faults.add({ match: { method: 'POST', pathPrefix: path }, kind: 'status', status: 500, times: 1 });
    const before = store.sim.requests.length;
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47]);
    const error = await store.client().uploadProductImage(product.id!, { file: png, filename: 'x.png', contentType: 'image/png' }).catch((e: unknown) => e);
    store.sim.faults.clear();
    expect(error).toBeInstanceOf(BigCommerceApiError);
    expect(error).toMatchObject({ status: 500 });
    expect(store.sim.requests.slice(before).filter((r) => r.method === 'POST' && r.path.endsWith(path))).toHaveLength(1);
  });

  it('creates, lists, updates and deletes custom fields', async () => {
    const client = store.client();
    const field = await client.createCustomField(product.id!, { name: 'Framemaat', value: '57 cm' });
    expect(field).toMatchObject({ name: 'Framemaat', value: '57 cm' });
    expect(await client.updateCustomField(product.id!, field.id!, { value: '59 cm' })).toMatchObject({ value: '59 cm' });
    expect((await collect(client.listCustomFields(product.id!))).map((f) => f.value)).toEqual(['59 cm']);
    await client.deleteCustomField(product.id!, field.id!);
    expect(await collect(client.listCustomFields(product.id!))).toEqual([]);
  });

  it('sets stock absolutely at a location', async () => {
    const client = store.client();
    const locations = await collect(client.listLocations());
    expect(locations.find((l) => l.id === 1)).toBeDefined();
    const result = await client.adjustInventoryAbsolute({ reason: 'AccountView voorraad', items: [{ location_id: 1, sku: 'CT-ESPRIT-C7', quantity: 7 }] });
    expect(result.transaction_id).toEqual(expect.any(String));
    expect((await client.getProduct(product.id!)).inventory_level).toBe(7);
  });

  it('answers an unknown location with 422', async () => {
    const error = await store.client().adjustInventoryAbsolute({ items: [{ location_id: 999, sku: 'CT-ESPRIT-C7', quantity: 1 }] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, errors: { 'items.0': expect.stringContaining('999') } });
  });
});
