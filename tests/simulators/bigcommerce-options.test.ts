import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installApp, startTestSimulator, testApi, type BigCommerceSimulator, type TestApi } from './bigcommerce';

/** Option values on existing options, products created with variants, and variants created through the batch. */

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

interface OptionValue {
  id: number;
  label: string;
  sort_order: number;
}
interface Option {
  id: number;
  display_name: string;
  option_values: OptionValue[];
}
interface VariantAnswer {
  id: number;
  sku: string;
  product_id: number;
  price: number | null;
  option_values: Array<{ id: number; option_id: number; label: string; option_display_name: string }>;
}
interface ProductAnswer {
  id: number;
  sku: string;
  variants?: VariantAnswer[];
}
interface Problem {
  status: number;
  title: string;
  errors?: Record<string, string>;
}

async function familyProduct(): Promise<ProductAnswer> {
  const res = await api.post<{ data: ProductAnswer }>('/v3/catalog/products', {
    name: 'Wielershirt',
    type: 'physical',
    weight: 0.2,
    price: 39.95,
    sku: 'SHIRT',
    variants: [
      { sku: 'SHIRT-M-ROOD', price: 39.95, option_values: [{ option_display_name: 'Size', label: 'M' }, { option_display_name: 'Colour', label: 'Rood' }] },
      { sku: 'SHIRT-S-ROOD', option_values: [{ option_display_name: 'Size', label: 'S' }, { option_display_name: 'Colour', label: 'Rood' }] },
    ],
  });
  expect(res.status).toBe(200);
  return res.body.data;
}

describe('products created with variants', () => {
  it('answer with their variants and create the options and values on the fly', async () => {
    const product = await familyProduct();
    expect(product.variants?.map((v) => [v.sku, v.option_values.map((o) => `${o.option_display_name}=${o.label}`)])).toEqual([
      ['SHIRT-M-ROOD', ['Size=M', 'Colour=Rood']],
      ['SHIRT-S-ROOD', ['Size=S', 'Colour=Rood']],
    ]);
    const options = (await api.get<{ data: Option[] }>(`/v3/catalog/products/${product.id}/options`)).body.data;
    expect(options.map((o) => [o.display_name, o.option_values.map((v) => v.label)])).toEqual([
      ['Size', ['M', 'S']],
      ['Colour', ['Rood']],
    ]);
  });
});

describe('option values', () => {
  it('adds a value to an existing option, lists it, and refuses a duplicate label, a missing option and a bad body', async () => {
    const product = await familyProduct();
    const [size] = (await api.get<{ data: Option[] }>(`/v3/catalog/products/${product.id}/options`)).body.data;
    const added = await api.post<{ data: OptionValue }>(`/v3/catalog/products/${product.id}/options/${size?.id}/values`, { label: 'L', sort_order: 2 });
    expect(added.status).toBe(200);
    expect(added.body.data).toMatchObject({ id: expect.any(Number) as unknown, label: 'L', sort_order: 2 });
    const values = await api.get<{ data: OptionValue[] }>(`/v3/catalog/products/${product.id}/options/${size?.id}/values`);
    expect(values.body.data.map((v) => v.label)).toEqual(['M', 'S', 'L']);

    const duplicate = await api.post<Problem>(`/v3/catalog/products/${product.id}/options/${size?.id}/values`, { label: 'l', sort_order: 3 });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors).toHaveProperty('label');
    expect((await api.post(`/v3/catalog/products/${product.id}/options/999999/values`, { label: 'XL', sort_order: 3 })).status).toBe(404);
    const invalid = await api.post<Problem>(`/v3/catalog/products/${product.id}/options/${size?.id}/values`, { label: 'XL' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors).toHaveProperty('sort_order');
  });

  it('refuses a 251st value on one option', async () => {
    const product = await familyProduct();
    const [size] = (await api.get<{ data: Option[] }>(`/v3/catalog/products/${product.id}/options`)).body.data;
    // 248 more values straight into the store (as many calls would run into the rate limit): 250 in all.
    const stored = sim.state.stores[NL]?.data.products.find((p) => p.id === product.id)?.options.find((o) => o.id === size?.id);
    for (let i = 0; i < 248; i++) stored?.option_values.push({ id: 900_000 + i, label: `V${i}`, sort_order: i + 2, value_data: null, is_default: false });
    expect(stored?.option_values).toHaveLength(250);
    expect((await api.post(`/v3/catalog/products/${product.id}/options/${size?.id}/values`, { label: 'one too many', sort_order: 999 })).status).toBe(422);
  });
});

describe('PUT /v3/catalog/variants', () => {
  it('creates variants (product_id, sku, option_values) and updates others in one batch, in request order', async () => {
    const product = await familyProduct();
    const [size, colour] = (await api.get<{ data: Option[] }>(`/v3/catalog/products/${product.id}/options`)).body.data;
    const l = (await api.post<{ data: OptionValue }>(`/v3/catalog/products/${product.id}/options/${size?.id}/values`, { label: 'L', sort_order: 2 })).body.data;
    const rood = colour?.option_values[0];
    const existing = product.variants?.[0];
    const res = await api.put<{ data: VariantAnswer[] }>('/v3/catalog/variants', [
      { id: existing?.id, price: 34.95, purchasing_disabled: true },
      { product_id: product.id, sku: 'SHIRT-L-ROOD', price: 41.95, option_values: [{ id: l.id, option_id: size?.id }, { id: rood?.id, option_id: colour?.id }] },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.data.map((v) => [v.sku, v.price])).toEqual([
      ['SHIRT-M-ROOD', 34.95],
      ['SHIRT-L-ROOD', 41.95],
    ]);
    expect(res.body.data[1]?.option_values.map((o) => o.label)).toEqual(['L', 'Rood']);
  });

  it('refuses the whole batch when one new variant repeats an existing combination or SKU, changing nothing', async () => {
    const product = await familyProduct();
    const [size, colour] = (await api.get<{ data: Option[] }>(`/v3/catalog/products/${product.id}/options`)).body.data;
    const m = size?.option_values[0];
    const rood = colour?.option_values[0];
    const existing = product.variants?.[1];
    const clash = await api.put<Problem>('/v3/catalog/variants', [
      { id: existing?.id, price: 1 },
      { product_id: product.id, sku: 'SHIRT-M-ROOD-2', option_values: [{ id: m?.id, option_id: size?.id }, { id: rood?.id, option_id: colour?.id }] },
    ]);
    expect(clash.status).toBe(409);
    const taken = await api.put<Problem>('/v3/catalog/variants', [{ product_id: product.id, sku: 'shirt-m-rood', option_values: [{ id: m?.id, option_id: size?.id }] }]);
    expect(taken.status).toBe(409);
    const after = (await api.get<{ data: VariantAnswer[] }>(`/v3/catalog/products/${product.id}/variants`)).body.data;
    expect(after.map((v) => v.sku)).toEqual(['SHIRT-M-ROOD', 'SHIRT-S-ROOD']);
    expect(after[1]?.price).not.toBe(1);
  });
});
