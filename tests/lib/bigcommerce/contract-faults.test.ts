import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BigCommerceApiError, BigCommerceUnavailableError } from '@/lib/bigcommerce';
import { collect, countingFetch } from './fakes';
import { startInstalledStore, type InstalledStore } from './simulator';

describe('against the simulator: faults', () => {
  let store: InstalledStore;
  beforeAll(async () => {
    store = await startInstalledStore();
  });
  afterAll(() => store?.sim.stop());
  beforeEach(() => store.sim.faults.clear());

  it('repeats a GET through two 503s', async () => {
    store.sim.faults.add({ match: { method: 'GET', pathPrefix: '/v2/store' }, kind: 'status', status: 503, times: 2 });
    const fetch = countingFetch();
    expect((await store.client({ fetch }).getStoreInformation()).name).toBe('Fietsenwinkel De Vries');
    expect(fetch.calls).toEqual(['GET /v2/store', 'GET /v2/store', 'GET /v2/store']);
  });

  it('does not repeat a POST that met a 500, so no hook is created twice', async () => {
    store.sim.faults.add({ match: { method: 'POST', pathPrefix: '/v3/hooks' }, kind: 'status', status: 500, times: 1 });
    const fetch = countingFetch();
    const error = await store.client({ fetch }).createHook({ scope: 'store/category/deleted', destination: 'https://connector.example.nl/hooks' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceApiError);
    expect(error).toMatchObject({ status: 500, retryable: true });
    expect(fetch.calls).toEqual(['POST /v3/hooks']);
  });

  it('repeats a GET after a dropped connection', async () => {
    store.sim.faults.add({ match: { pathPrefix: '/v2/orders' }, kind: 'drop', times: 1 });
    const fetch = countingFetch();
    const orders = await collect(store.client({ fetch }).listOrders({ limit: 250 }));
    expect(orders.length).toBeGreaterThan(0);
    expect(fetch.calls.slice(0, 2)).toEqual(['GET /v2/orders', 'GET /v2/orders']);
  });

  it('does not repeat a POST after a dropped connection', async () => {
    store.sim.faults.add({ match: { method: 'POST' }, kind: 'drop', times: 1 });
    const fetch = countingFetch();
    const error = await store.client({ fetch }).createCustomers([{ email: 'drop@example.nl', first_name: 'Drop', last_name: 'Test' }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceUnavailableError);
    expect(fetch.calls).toEqual(['POST /v3/customers']);
  });

  it('times out a slow answer and asks again', async () => {
    store.sim.faults.add({ match: { pathPrefix: '/v2/store' }, kind: 'slow', delayMs: 300, times: 1 });
    const fetch = countingFetch();
    await store.client({ fetch, timeoutMs: 100 }).getStoreInformation();
    expect(fetch.calls).toHaveLength(2);
  });

  it('asks again when a list arrives cut off', async () => {
    store.sim.faults.add({ match: { pathPrefix: '/v3/catalog/products' }, kind: 'malformed', times: 1 });
    const products = await collect(store.client().listProducts());
    expect(products.length).toBeGreaterThan(0);
  });

  it('waits out a burst of 429s for as long as BigCommerce says, and loses no call', async () => {
    store.sim.faults.add({ match: { method: 'POST', pathPrefix: '/v3/customers' }, kind: 'rate-limit-burst', delayMs: 12_000, times: 2 });
    const fetch = countingFetch();
    const before = store.clock.now();
    const [created] = await store.client({ fetch }).createCustomers([{ email: 'burst@example.nl', first_name: 'Burst', last_name: 'Test' }]);
    expect(created).toMatchObject({ email: 'burst@example.nl' });
    expect(fetch.calls).toEqual(['POST /v3/customers', 'POST /v3/customers', 'POST /v3/customers']);
    expect(store.clock.now() - before).toBeGreaterThanOrEqual(24_000);
  });
});
