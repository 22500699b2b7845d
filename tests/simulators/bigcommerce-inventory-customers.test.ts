import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installApp, startTestSimulator, testApi, type BigCommerceSimulator, type TestApi } from './bigcommerce';

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

interface List<T> {
  data: T[];
  meta: { pagination: { total: number; count: number } };
}
type Row = Record<string, Json>;

const variantId = (sku: string) => sim.state.stores[NL]?.data.products.flatMap((p) => p.variants).find((v) => v.sku === sku)?.id;

describe('locations', () => {
  it('lists the default location 1 and the warehouse, with filters', async () => {
    const res = await api.get<List<Row>>('/v3/inventory/locations');
    expect(res.body.data.map((l) => [l.id, l.code, l.label])).toEqual([
      [1, 'UTR-WINKEL', 'Winkel Utrecht'],
      [2, 'NWG-MAGAZIJN', 'Magazijn Nieuwegein'],
    ]);
    expect(res.body.data[0]).toMatchObject({ type_id: 'PHYSICAL', enabled: true, address: { city: 'Utrecht', zip: '3511 AW', country_code: 'NL' }, time_zone: 'Europe/Amsterdam' });
    expect((await api.get<List<Row>>('/v3/inventory/locations', { is_default: 'true' })).body.data.map((l) => l.id)).toEqual([1]);
    expect((await api.get<List<Row>>('/v3/inventory/locations', { 'location_code:in': 'NWG-MAGAZIJN' })).body.data.map((l) => l.id)).toEqual([2]);
  });

  it('gives a store without seeded data a default location', async () => {
    const bare = await startTestSimulator({ stores: sim.state.stores[NL] ? [{ ...structuredClone(sim.state.stores[NL]), data: undefined }] : [] });
    try {
      const bareApi = testApi(bare, NL, await installApp(bare, NL));
      expect((await bareApi.get<List<Row>>('/v3/inventory/locations')).body.data).toEqual([expect.objectContaining({ id: 1, label: 'Fietsenwinkel De Vries', address: expect.objectContaining({ zip: '3511 AW', city: 'Utrecht' }) })]);
      expect((await bareApi.get('/v2/orders')).status).toBe(204);
    } finally {
      await bare.stop();
    }
  });
});

describe('PUT /v3/inventory/adjustments/absolute', () => {
  it('sets stock by sku, variant_id and product_id per location, visible in catalog and inventory reads', async () => {
    const res = await api.put<{ transaction_id: string }>('/v3/inventory/adjustments/absolute', {
      reason: 'Telling AccountView',
      items: [
        { location_id: 1, sku: 'helm-urban-s', quantity: 11 },
        { location_id: 1, variant_id: variantId('HELM-URBAN-M'), quantity: 12 },
        { location_id: 2, product_id: 113, quantity: 77 },
        { location_id: 1, product_id: 113, quantity: 21 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.transaction_id).toMatch(/^[0-9a-f-]{36}$/);

    const helmet = (await api.get<{ data: Row }>('/v3/catalog/products/115', { include: 'variants' })).body.data;
    expect(helmet.variants.map((v: Row) => v.inventory_level)).toEqual([11, 12, 3]);
    expect(helmet.inventory_level).toBe(26);
    expect((await api.get<{ data: Row }>('/v3/catalog/products/113')).body.data.inventory_level).toBe(21);

    const items = await api.get<List<Row>>('/v3/inventory/items', { 'product_id:in': '113' });
    expect(items.body.data).toEqual([
      {
        identity: { sku: 'ABUS-BORDO-6000', variant_id: expect.any(Number), product_id: 113, sku_id: null },
        locations: [
          expect.objectContaining({ location_id: 1, location_code: 'UTR-WINKEL', total_inventory_onhand: 21, available_to_sell: 21 }),
          expect.objectContaining({ location_id: 2, total_inventory_onhand: 77, settings: expect.objectContaining({ safety_stock: 0 }) }),
        ],
      },
    ]);
    const atWarehouse = await api.get<List<Row>>('/v3/inventory/locations/2/items', { 'sku:in': 'ABUS-BORDO-6000' });
    expect(atWarehouse.body.data).toEqual([expect.objectContaining({ identity: expect.objectContaining({ product_id: 113 }), total_inventory_onhand: 77 })]);
    expect((await api.get('/v3/inventory/locations/9/items')).status).toBe(404);
  });

  it('refuses the whole adjustment when one item is wrong, including the tracking mode', async () => {
    const cases = [
      { location_id: 1, product_id: 115, quantity: 1 },
      { location_id: 1, sku: 'BESTAAT-NIET', quantity: 1 },
      { location_id: 7, sku: 'BEL-MESSING', quantity: 1 },
    ];
    for (const bad of cases) {
      const res = await api.put('/v3/inventory/adjustments/absolute', { items: [{ location_id: 1, sku: 'BEL-MESSING', quantity: 1 }, bad] });
      expect(res.status, JSON.stringify(bad)).toBe(422);
      expect(res.body).toMatchObject({ status: 422, title: expect.stringMatching(/^\[.*\]$/) });
    }
    expect((await api.get<{ data: Row }>('/v3/catalog/products/114')).body.data.inventory_level).toBe(120);
    // Missing location_id breaks the spec's body schema.
    expect((await api.put('/v3/inventory/adjustments/absolute', { items: [{ sku: 'BEL-MESSING', quantity: 1 }] })).status).toBe(422);
  });

  it('takes 2000 items and refuses 2001 with 422', async () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ location_id: 1 + (i % 2), sku: 'BEL-MESSING', quantity: i }));
    expect((await api.put('/v3/inventory/adjustments/absolute', { items: items(2000) })).status).toBe(200);
    const res = await api.put('/v3/inventory/adjustments/absolute', { items: items(2001) });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ title: expect.stringContaining('2000') });
  });
});

describe('/v3/customers', () => {
  it('lists with email:in (case-insensitive), id:in, paging and include=addresses', async () => {
    const all = await api.get<List<Row>>('/v3/customers', { limit: 4 });
    expect(all.body.meta.pagination).toMatchObject({ total: 6, count: 4 });
    expect(all.body.data[0]).not.toHaveProperty('addresses');
    expect(all.body.data[0]).toMatchObject({ id: 1, email: 'sanne.bakker@gmail.com', address_count: 1 });

    const found = await api.get<List<Row>>('/v3/customers', { 'email:in': 'PIETER.vandijk@kpnmail.nl,fleur.degroot@outlook.com', include: 'addresses' });
    expect(found.body.data.map((c) => c.id)).toEqual([2, 3]);
    expect(found.body.data[1]?.addresses.map((a: Row) => [a.city, a.postal_code, a.country])).toEqual([
      ['Den Haag', '2517 AZ', 'Netherlands'],
      ['Utrecht', '3581 AC', 'Netherlands'],
    ]);
    expect((await api.get<List<Row>>('/v3/customers', { 'id:in': '4,6' })).body.data.map((c) => c.company)).toEqual(['Visser Fietskoeriers B.V.', '']);
  });

  it('creates up to 10 customers per call, refuses 11 with 413 and a duplicate e-mail with 422', async () => {
    const customer = (i: number) => ({ email: `klant${i}@voorbeeld.nl`, first_name: 'Klant', last_name: `Nummer ${i}`, addresses: [{ first_name: 'Klant', last_name: `${i}`, address1: `Dorpsstraat ${i}`, city: 'Houten', country_code: 'NL', postal_code: '3991 AA' }] });
    const ten = await api.post<{ data: Row[] }>('/v3/customers', Array.from({ length: 10 }, (_, i) => customer(i)));
    expect(ten.status).toBe(200);
    expect(ten.body.data).toHaveLength(10);
    expect(ten.body.data[0]).toMatchObject({ id: 7, email: 'klant0@voorbeeld.nl', addresses: [expect.objectContaining({ customer_id: 7, city: 'Houten' })] });

    const eleven = await api.post('/v3/customers', Array.from({ length: 11 }, (_, i) => customer(100 + i)));
    expect(eleven.status).toBe(413);
    expect(eleven.body).toMatchObject({ status: 413, title: expect.stringContaining('maximum number of items allowed in the array is 10') });

    const duplicate = await api.post('/v3/customers', [{ email: 'Sanne.Bakker@gmail.com', first_name: 'Sanne', last_name: 'B' }]);
    expect(duplicate.status).toBe(422);
    expect(duplicate.body).toMatchObject({ status: 422, errors: { '0.email': expect.stringContaining('already in use') } });
    expect((await api.post('/v3/customers', [{ email: 'nieuw@voorbeeld.nl', first_name: 'Nieuw' }])).body).toMatchObject({ errors: { '0.last_name': expect.any(String) } });
    expect(sim.state.stores[NL]?.data.customers).toHaveLength(16);
  });

  it('updates up to 10 customers by id, refusing e-mails of others', async () => {
    const res = await api.put<{ data: Row[] }>('/v3/customers', [{ id: 5, company: 'Smit Design', phone: '+31 50 123 4567' }]);
    expect(res.body.data[0]).toMatchObject({ id: 5, company: 'Smit Design' });
    expect((await api.put('/v3/customers', [{ id: 5, email: 'sanne.bakker@gmail.com' }])).status).toBe(422);
    expect((await api.put('/v3/customers', [{ id: 999, company: 'x' }])).status).toBe(422);
    expect((await api.put('/v3/customers', Array.from({ length: 11 }, () => ({ id: 5 })))).status).toBe(413);
  });

  it('adds addresses, skipping exact duplicates, and deletes by id:in', async () => {
    const address = { customer_id: 5, first_name: 'Emma', last_name: 'Smit', address1: 'Grote Markt 1', city: 'Groningen', state_or_province: 'Groningen', postal_code: '9712 HN', country_code: 'NL' };
    const first = await api.post<{ data: Row[] }>('/v3/customers/addresses', [address]);
    expect(first.body.data).toEqual([expect.objectContaining({ customer_id: 5, country: 'Netherlands' })]);
    expect((await api.post<{ data: Row[] }>('/v3/customers/addresses', [address])).body.data).toEqual([]);
    expect((await api.post('/v3/customers/addresses', [{ ...address, postal_code: undefined }])).status).toBe(422);
    expect((await api.get<List<Row>>('/v3/customers/addresses', { 'customer_id:in': '5' })).body.data).toHaveLength(2);
    expect((await api.del('/v3/customers/addresses', { 'id:in': String(first.body.data[0]?.id) })).status).toBe(204);
    expect((await api.get<List<Row>>('/v3/customers', { 'id:in': '5' })).body.data[0]?.address_count).toBe(1);
  });
});
