import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installApp, startTestSimulator, testApi, type BigCommerceSimulator, type TestApi } from './bigcommerce';

const NL = 'abc123def';
const BE = 'xyz789ghi';

let sim: BigCommerceSimulator;
let api: TestApi;
let clock = Date.parse('2026-04-01T10:00:00Z');

beforeAll(async () => {
  sim = await startTestSimulator({ now: () => clock });
});
afterAll(() => sim.stop());
beforeEach(async () => {
  sim.reset();
  clock = Date.parse('2026-04-01T10:00:00Z');
  api = testApi(sim, NL, await installApp(sim, NL));
});

type Order = Record<string, unknown> & { id: number; status_id: number; date_modified: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers are inspected field by field.
type Json = any;
const cents = (v: unknown) => Math.round(Number(v) * 100);

/** The money in an order has to add up to the cent, whichever basis the store enters prices in. */
function expectConsistent(order: object, fees: { cost_ex_tax: string; cost_inc_tax: string }[] = []) {
  const o = order as Record<string, unknown>;
  expect(cents(o.total_inc_tax) - cents(o.total_ex_tax)).toBe(cents(o.total_tax));
  expect(cents(o.subtotal_inc_tax) - cents(o.subtotal_ex_tax)).toBe(cents(o.subtotal_tax));
  expect(cents(o.shipping_cost_inc_tax) - cents(o.shipping_cost_ex_tax)).toBe(cents(o.shipping_cost_tax));
  const basis = o.is_tax_inclusive_pricing ? 'inc' : 'ex';
  const fee = fees.reduce((sum, f) => sum + cents(basis === 'inc' ? f.cost_inc_tax : f.cost_ex_tax), 0);
  expect(cents(o[`total_${basis}_tax`])).toBe(
    cents(o[`subtotal_${basis}_tax`]) - cents(o.coupon_discount) - cents(o.discount_amount) + cents(o[`shipping_cost_${basis}_tax`]) + fee,
  );
}

describe('GET /v2/orders', () => {
  it('answers a bare array sorted by id, with link objects and Dutch addresses in euro', async () => {
    const res = await api.get<Order[]>('/v2/orders');
    expect(res.status).toBe(200);
    expect(res.body.map((o) => o.id)).toEqual([100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111]);
    const first = res.body[0];
    expect(first).toMatchObject({
      currency_code: 'EUR',
      is_tax_inclusive_pricing: true,
      date_created: 'Tue, 06 Jan 2026 09:12:44 +0000',
      billing_address: { city: 'Amsterdam', zip: '1016 GV', country: 'Netherlands', country_iso2: 'NL' },
      products: { url: `${sim.apiUrl}/stores/${NL}/v2/orders/100/products`, resource: '/orders/100/products' },
      shipping_addresses: { resource: '/orders/100/shipping_addresses' },
      coupons: { resource: '/orders/100/coupons' },
      consignments: { resource: '/orders/100/consignments' },
      fees: { resource: '/orders/100/fees' },
    });
    expect(first?.subtotal_inc_tax).toMatch(/^\d+\.\d{4}$/);
  });

  it('keeps every seeded order consistent to the cent, tax-inclusive (NL) and tax-exclusive (BE)', async () => {
    for (const hash of [NL, BE]) {
      for (const stored of sim.state.stores[hash]?.data.orders ?? []) expectConsistent(stored.order, stored.fees);
    }
    const be = testApi(sim, BE, await installApp(sim, BE));
    const orders = (await be.get<Order[]>('/v2/orders')).body;
    expect(orders.every((o) => o.is_tax_inclusive_pricing === false)).toBe(true);
    const mixed = orders.find((o) => o.id === 101);
    expect(mixed).toMatchObject({ coupon_discount: '5.0000', status: 'Shipped' });
    const lines = (await be.get<Record<string, string>[]>('/v2/orders/101/products')).body;
    // Exclusive basis: the ex prices are exact, tax at 21 % (beer) and 6 % (cheese) on top.
    expect(lines.map((l) => [l.sku, l.price_ex_tax, l.price_tax])).toEqual([
      ['GC-CUVEE-BLAUW-75', '12.4000', '2.6000'],
      ['KAAS-GC-500', '9.4300', '0.5700'],
    ]);
  });

  it('pages with page and limit: exactly 250, 251, and 204 with no body past the end', async () => {
    for (let i = 0; i < 238; i++) sim.orders.create(NL, { customer_id: 1 });
    expect(sim.state.stores[NL]?.data.orders).toHaveLength(250);
    const page1 = await api.get<Order[]>('/v2/orders', { limit: 250 });
    expect(page1.body).toHaveLength(250);
    const page2 = await api.get('/v2/orders', { limit: 250, page: 2 });
    expect(page2.status).toBe(204);
    expect(page2.text).toBe('');

    sim.orders.create(NL);
    expect((await api.get<Order[]>('/v2/orders', { limit: 250, page: 2 })).body.map((o) => o.id)).toEqual([350]);
    // Above the maximum the page is capped at 250; the default is 50.
    expect((await api.get<Order[]>('/v2/orders', { limit: 1000 })).body).toHaveLength(250);
    expect((await api.get<Order[]>('/v2/orders')).body).toHaveLength(50);
  });

  it('answers 204 with an empty body when no order matches', async () => {
    const res = await api.get('/v2/orders', { status_id: 13 });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
  });

  it('filters by status, id range and date_modified in RFC 2822 or ISO 8601, and sorts', async () => {
    expect((await api.get<Order[]>('/v2/orders', { status_id: 2 })).body.map((o) => o.id)).toEqual([101]);
    expect((await api.get<Order[]>('/v2/orders', { status_id: 14 })).body.map((o) => o.id)).toEqual([106]);
    expect((await api.get<Order[]>('/v2/orders', { min_id: 105, max_id: 107 })).body.map((o) => o.id)).toEqual([105, 106, 107]);

    const rfc = await api.get<Order[]>('/v2/orders', { min_date_modified: 'Sun, 01 Mar 2026 00:00:00 +0000' });
    const iso = await api.get<Order[]>('/v2/orders', { min_date_modified: '2026-03-01T01:00:00+01:00' });
    expect(rfc.body.map((o) => o.id)).toEqual([109, 110, 111]);
    expect(iso.body.map((o) => o.id)).toEqual([109, 110, 111]);
    // Bounds are inclusive, so polling from the last seen date_modified sees that order again.
    expect((await api.get<Order[]>('/v2/orders', { max_date_modified: 'Thu, 12 Mar 2026 09:09:09 +0000', min_date_modified: '2026-03-12T09:09:09Z' })).body.map((o) => o.id)).toEqual([111]);

    const byModified = (await api.get<Order[]>('/v2/orders', { sort: 'date_modified:asc' })).body.map((o) => o.id);
    expect(byModified.slice(0, 4)).toEqual([100, 101, 102, 103]);
    expect(byModified.indexOf(106)).toBeGreaterThan(byModified.indexOf(107));
    expect((await api.get<Order[]>('/v2/orders', { sort: 'id:desc', limit: 2 })).body.map((o) => o.id)).toEqual([111, 110]);
    expect((await api.get<Order[]>('/v2/orders', { email: 'SANNE.BAKKER@gmail.com' })).body.map((o) => o.id)).toEqual([100, 106]);

    const bad = await api.get('/v2/orders', { min_date_modified: 'gisteren' });
    expect(bad.status).toBe(422);
    expect(bad.body).toEqual([{ status: 422, message: expect.any(String) }]);
  });

  it('includes consignments with line items and fees when asked, in object or legacy array structure', async () => {
    const res = await api.get<Order[]>('/v2/orders', { include: 'consignments.line_items,fees', consignment_structure: 'object', min_id: 102, max_id: 111 });
    const byId = new Map(res.body.map((o) => [o.id, o as Record<string, Json>]));

    const twoAddresses = byId.get(103)?.consignments;
    expect(twoAddresses.shipping).toHaveLength(2);
    expect(twoAddresses.shipping[0]).toMatchObject({ city: 'Utrecht', shipping_method: 'Bezorging met montage', cost_inc_tax: 49.95 });
    expect(twoAddresses.shipping[0].line_items[0]).toMatchObject({ sku: 'GZ-ULT-C380-53', quantity: 1 });
    expect(twoAddresses.shipping[1].line_items[0]).toMatchObject({ sku: 'HELM-URBAN-S', quantity_shipped: 1 });

    const digital = byId.get(102);
    expect(digital?.order_is_digital).toBe(true);
    expect(digital?.consignments).toMatchObject({ shipping: [], downloads: [{ recipient_email: 'daan.hendriks@gmail.com', line_items: [{ sku: 'CURSUS-ONDERHOUD' }] }] });
    expect(byId.get(105)?.consignments.email.gift_certificates).toEqual([
      { recipient_email: 'tim.jansen@gmail.com', line_items: [expect.objectContaining({ type: 'giftcertificate', total_tax: '0.0000' })] },
    ]);
    expect(byId.get(111)?.fees).toEqual([expect.objectContaining({ type: 'custom_fee', display_name_customer: 'Transportverzekering', cost_inc_tax: '9.9500' })]);

    const legacy = await api.get<Record<string, Json>>('/v2/orders/103', { include: 'consignments' });
    expect(Array.isArray(legacy.body.consignments)).toBe(true);
    expect(legacy.body.consignments[0].shipping[0].line_items[0]).toEqual({
      url: `${sim.apiUrl}/stores/${NL}/v2/orders/103/products/${sim.orders.get(NL, 103)?.products[0]?.id}`,
      resource: `/orders/103/products/${sim.orders.get(NL, 103)?.products[0]?.id}`,
    });
  });

  it('returns 50 line items per consignment with a __warning__, as BigCommerce does', async () => {
    const big = sim.orders.create(NL, { products: Array.from({ length: 55 }, (_, i) => ({ name: `Spaak ${i + 1}`, sku: `SPAAK-${i + 1}`, price: 1.5 })) });
    const res = await api.get<Record<string, Json>>(`/v2/orders/${big.id}`, { include: 'consignments.line_items', consignment_structure: 'object' });
    const consignment = res.body.consignments.shipping[0];
    expect(consignment.line_items).toHaveLength(50);
    expect(consignment.__warning__.message).toMatch(/only 50 are included/);
    expect((await api.get<unknown[]>(`/v2/orders/${big.id}/products`, { limit: 250 })).body).toHaveLength(55);
  });
});

describe('GET /v2/orders/{id} and its sub-resources', () => {
  it('answers 404 as a V2 error array for an unknown order and its sub-resources', async () => {
    for (const path of ['/v2/orders/999', '/v2/orders/999/products', '/v2/orders/abc', '/v2/orders/999/shipping_addresses']) {
      const res = await api.get(path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual([{ status: 404, message: 'The requested resource was not found.' }]);
    }
  });

  it('serves products, shipping addresses and coupons', async () => {
    const products = (await api.get<Record<string, Json>[]>('/v2/orders/101/products')).body;
    expect(products.map((p) => [p.sku, p.quantity, p.total_inc_tax])).toEqual([
      ['ABUS-BORDO-6000', 1, '89.9500'],
      ['BOEK-FIETSROUTES-NL', 1, '24.9500'],
      ['ENERGIE-24', 2, '59.9000'],
    ]);
    // 21 % and 9 % VAT, each split from the inclusive price.
    expect(products.map((p) => p.total_tax)).toEqual(['15.6100', '2.0600', '4.9500']);
    expect(products[0]?.applied_discounts).toEqual([{ id: 'total-coupon', amount: '9.0000', name: 'WELKOM10', code: 'WELKOM10', target: 'order' }]);
    expect((await api.get('/v2/orders/101/coupons')).body).toEqual([expect.objectContaining({ code: 'WELKOM10', type: 1, amount: 10, discount: 17.48 })]);

    const addresses = (await api.get<Record<string, Json>[]>('/v2/orders/103/shipping_addresses')).body;
    expect(addresses.map((a) => [a.city, a.zip, a.items_total, a.cost_inc_tax])).toEqual([
      ['Utrecht', '3581 AC', 1, '49.9500'],
      ['Den Haag', '2517 AZ', 1, '6.9500'],
    ]);
    expect(addresses[0]?.shipping_quotes.resource).toBe(`/orders/103/shipping_addresses/${addresses[0]?.id}/shipping_quotes`);
    expect((await api.get('/v2/orders/102/shipping_addresses')).status).toBe(204);
    expect((await api.get('/v2/orders/100/coupons')).status).toBe(204);
  });

  it('lists order statuses and counts orders per status', async () => {
    const statuses = (await api.get<{ id: number; name: string }[]>('/v2/order_statuses')).body;
    expect(statuses).toHaveLength(15);
    expect(statuses.find((s) => s.id === 11)).toEqual(expect.objectContaining({ name: 'Awaiting Fulfillment', system_label: 'Awaiting Fulfillment', custom_label: 'Awaiting Fulfillment' }));
    const count = (await api.get<{ count: number; statuses: { id: number; count: number }[] }>('/v2/orders/count')).body;
    expect(count.count).toBe(12);
    expect(count.statuses.find((s) => s.id === 2)?.count).toBe(1);
    expect((await api.get<{ count: number }>('/v2/orders/count', { customer_id: 1 })).body.count).toBe(2);
  });
});

describe('sim.orders', () => {
  it('creates orders with increasing ids and the simulator clock, then updates and refunds them', async () => {
    const a = sim.orders.create(NL, { customer_id: 2, products: [{ name: 'Binnenband 28"', sku: 'BB-28', price: 7.5, quantity: 2 }] });
    clock += 65_000;
    const b = sim.orders.create(NL, { products: [{ name: 'Kaart Veluwe', price: 9.99, tax_rate: 9 }], coupons: [{ code: 'VELUWE', amount: 2 }], gift_certificate_amount: 5 });
    expect([a.id, b.id]).toEqual([112, 113]);
    expect(a.date_created).toBe('Wed, 01 Apr 2026 10:00:00 +0000');
    expect(b.date_modified).toBe('Wed, 01 Apr 2026 10:01:05 +0000');
    expectConsistent(a);
    expectConsistent(b);
    expect(b).toMatchObject({ subtotal_inc_tax: '9.9900', coupon_discount: '2.0000', total_inc_tax: '14.9400', gift_certificate_amount: '5.0000' });

    clock += 60_000;
    const shipped = sim.orders.update(NL, a.id, { status_id: 2 });
    expect(shipped).toMatchObject({ status_id: 2, status: 'Shipped', date_modified: 'Wed, 01 Apr 2026 10:02:05 +0000' });
    expect((await api.get<Order[]>('/v2/orders', { min_date_modified: '2026-04-01T10:02:00Z' })).body.map((o) => o.id)).toEqual([a.id]);

    const line = sim.orders.get(NL, a.id)?.products[0];
    const { refund, order } = sim.orders.refund(NL, a.id, { items: [{ order_product_id: line?.id ?? 0, quantity: 1 }], reason: 'Verkeerde maat' });
    expect(refund).toMatchObject({ order_id: a.id, total_amount: 7.5, items: [{ item_type: 'PRODUCT', quantity: 1 }] });
    expect(order).toMatchObject({ status_id: 14, payment_status: 'partially refunded', refunded_amount: '7.5000' });
    const full = sim.orders.refund(NL, a.id).order;
    expect(full).toMatchObject({ status_id: 4, payment_status: 'refunded', refunded_amount: full.total_inc_tax });
    const lines = (await api.get<Record<string, unknown>[]>(`/v2/orders/${a.id}/products`)).body;
    expect(lines[0]).toMatchObject({ is_refunded: true, quantity_refunded: 2, refund_amount: '15.0000' });
    expect(() => sim.orders.refund(NL, a.id)).toThrow(/already fully refunded/);
  });

  it('creates tax-exclusive orders when the store enters prices without VAT', () => {
    sim.stores.update(NL, { is_price_entered_with_tax: false });
    const order = sim.orders.create(NL, { products: [{ name: 'Werkplaatsuur', type: 'digital', price: 60, quantity: 2 }] });
    expect(order).toMatchObject({ is_tax_inclusive_pricing: false, subtotal_ex_tax: '120.0000', subtotal_tax: '25.2000', total_inc_tax: '145.2000' });
  });

  it('hides archived orders from lists', async () => {
    sim.orders.update(NL, 100, { is_deleted: true });
    expect((await api.get<Order[]>('/v2/orders')).body.map((o) => o.id)).not.toContain(100);
    expect((await api.get<Order>('/v2/orders/100')).body.is_deleted).toBe(true);
  });
});

describe('GET /v2/store', () => {
  it('reports is_price_entered_with_tax per store, and follows sim.stores.update', async () => {
    expect((await api.get<Record<string, unknown>>('/v2/store')).body.is_price_entered_with_tax).toBe(true);
    const be = testApi(sim, BE, await installApp(sim, BE));
    expect((await be.get<Record<string, unknown>>('/v2/store')).body.is_price_entered_with_tax).toBe(false);
    sim.stores.update(NL, { is_price_entered_with_tax: false });
    expect((await api.get<Record<string, unknown>>('/v2/store')).body.is_price_entered_with_tax).toBe(false);
  });
});
