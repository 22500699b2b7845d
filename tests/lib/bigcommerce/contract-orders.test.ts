import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BigCommerceApiError } from '@/lib/bigcommerce';
import { collect } from './fakes';
import { SIM_STORE, startInstalledStore, type InstalledStore } from './simulator';

describe('against the simulator: orders v2', () => {
  let store: InstalledStore;
  beforeAll(async () => {
    store = await startInstalledStore();
  });
  afterAll(() => store?.sim.stop());

  /** `count` orders that only an email filter finds, so seeded orders do not disturb the paging. */
  function placeOrders(email: string, count: number): number[] {
    return Array.from({ length: count }, () => store.sim.orders.create(SIM_STORE, { billing_address: { email } }).id);
  }

  function v2OrderPages(): { page: string | undefined; status: number }[] {
    return store.sim.requests.filter((r) => r.path.endsWith('/v2/orders')).map((r) => ({ page: r.query.page, status: r.status }));
  }

  it.each([
    ['no orders: one 204', 0, [204]],
    ['exactly one full page, then 204', 5, [200, 204]],
    ['one more than a page', 6, [200, 200, 204]],
  ])('pages through %s', async (label, count, statuses) => {
    const email = `paging-${count}@example.nl`;
    const ids = placeOrders(email, count);
    store.sim.requests.length = 0;
    const orders = await collect(store.client().listOrders({ email, limit: 5 }));
    expect(orders.map((o) => o.id), label).toEqual(ids);
    expect(v2OrderPages().map((p) => p.status)).toEqual(statuses);
    expect(v2OrderPages().map((p) => p.page)).toEqual(statuses.map((_s, i) => String(i + 1)));
  });

  it('reads orders with their consignments, line items and fees', async () => {
    const [id] = placeOrders('consignments@example.nl', 1);
    const orders = await collect(store.client().listOrders({ email: 'consignments@example.nl' }));
    const order = await store.client().getOrder(id!);
    expect(orders[0]?.id).toBe(id);
    for (const o of [orders[0], order]) {
      expect(o?.consignments).toBeDefined();
      expect(Array.isArray(o?.consignments)).toBe(false);
      expect(o?.fees).toBeDefined();
    }
  });

  it('reads every line of an order', async () => {
    const id = store.sim.orders.create(SIM_STORE, { products: [{ name: 'Fietsbel', price: 9.95 }, { name: 'Bidon', price: 6.5, quantity: 2 }] }).id;
    const lines = await collect(store.client().listOrderProducts(id));
    expect(lines.map((l) => [l.name, l.quantity])).toEqual([['Fietsbel', 1], ['Bidon', 2]]);
  });

  it('answers a missing order with the v2 error list', async () => {
    const error = await store.client().getOrder(999_999).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceApiError);
    expect(error).toMatchObject({ status: 404, v2Errors: [{ status: 404, message: 'The requested resource was not found.' }] });
  });

  it('lists the order statuses', async () => {
    const statuses = await store.client().listOrderStatuses();
    expect(statuses.find((s) => s.id === 11)).toMatchObject({ name: 'Awaiting Fulfillment' });
    expect(statuses.map((s) => s.id)).toContain(0);
  });

  it('filters and sorts by modification date for incremental syncs', async () => {
    const ids = placeOrders('incremental@example.nl', 3);
    store.clock.advance(60_000);
    store.sim.orders.update(SIM_STORE, ids[0]!, { staff_notes: 'Geboekt' });
    const since = new Date(store.clock.now() - 1_000).toISOString();
    const orders = await collect(store.client().listOrders({ email: 'incremental@example.nl', min_date_modified: since, sort: 'date_modified:asc' }));
    expect(orders.map((o) => o.id)).toEqual([ids[0]]);
  });
});
