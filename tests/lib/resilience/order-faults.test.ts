import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listRecords, listRuns } from '@/lib/db/queries/runs';
import { PIPELINE_STORE as STORE, startOrderPipeline, type OrderPipeline } from '../../helpers/order-pipeline';
import { FVR_ARTICLES } from '../flows/orders/harness';

/**
 * Faults injected through the simulators while orders flow through the real pipeline (webhooks,
 * runner, clients, database). After each, every order is in AccountView exactly once and the run log
 * tells what happened.
 */
describe('orders under injected faults', () => {
  let pipeline: OrderPipeline;

  beforeAll(async () => {
    pipeline = await startOrderPipeline();
  }, 120_000);
  afterAll(async () => {
    await pipeline?.close();
  });
  afterEach(() => {
    pipeline.bc.faults.clear();
    pipeline.av.faults.clear();
  });

  function placeOrders(count: number): number[] {
    const products = (pipeline.bc.state.stores[STORE]?.data.products ?? []).filter(
      (p) => p.variants.length <= 1 && FVR_ARTICLES.some((a) => a.code === p.sku),
    );
    return Array.from({ length: count }, (_, i) => {
      const product = products[i % products.length]!;
      return pipeline.bc.orders.create(STORE, { status_id: 11, products: [{ product_id: product.id, quantity: 1 + (i % 2) }] }).id;
    });
  }

  /** Webhooks delivered and worked off, then the catch-up poll production runs every 15 minutes. */
  async function settle(): Promise<void> {
    await pipeline.bc.webhooks.settle();
    await pipeline.runner.drain();
    await pipeline.runner.send({ name: 'orders/poll.requested', data: { storeHash: STORE } });
    await pipeline.runner.drain();
  }

  function expectEachOnce(ids: number[]): void {
    const headers = pipeline.av.state.companies.find((c) => c.code === 'FVR')?.tables.SO_HDR ?? [];
    for (const id of ids) expect(headers.filter((h) => String(h.COMMENT1).trim() === `BC-${id}`), `order ${id}`).toHaveLength(1);
    const references = headers.map((h) => String(h.COMMENT1).trim()).filter((r) => r.startsWith('BC-'));
    expect(new Set(references).size, 'no document twice').toBe(references.length);
  }

  async function createdRecordsFor(ids: number[]): Promise<Set<string>> {
    const records = await listRecords(pipeline.database.db, STORE, { flow: 'orders', outcome: 'created', limit: 1000 });
    return new Set(records.map((r) => r.sourceId).filter((id) => ids.includes(Number(id))));
  }

  it('a BigCommerce 429 storm on the order reads', async () => {
    const before = pipeline.bc.requests.length;
    pipeline.bc.faults.add({ kind: 'rate-limit-burst', delayMs: 200, times: 6, match: { pathPrefix: '/v2/orders' } });
    const ids = placeOrders(6);
    await settle();
    expectEachOnce(ids);
    expect(pipeline.bc.requests.slice(before).filter((r) => r.status === 429).length).toBe(6);
    // 429s are waited out inside the client: no run fails and the log has each order as created.
    expect((await listRuns(pipeline.database.db, STORE, { limit: 200 })).filter((r) => r.state === 'failed')).toEqual([]);
    expect((await createdRecordsFor(ids)).size).toBe(ids.length);
  }, 120_000);

  it('BigCommerce 5xx answers, dropped connections and broken bodies', async () => {
    const before = pipeline.bc.requests.length;
    pipeline.bc.faults.add({ kind: 'status', status: 503, times: 3, match: { pathPrefix: '/v2/orders' } });
    pipeline.bc.faults.add({ kind: 'drop', times: 2, match: { pathPrefix: '/v2/orders' } });
    pipeline.bc.faults.add({ kind: 'malformed', times: 2, match: { pathPrefix: '/v2/orders' } });
    pipeline.bc.faults.add({ kind: 'status', status: 500, probability: 0.2, match: { pathPrefix: '/v2/orders' } });
    pipeline.bc.faults.add({ kind: 'slow', delayMs: 300, probability: 0.3, match: { pathPrefix: '/v2/orders' } });
    const ids = placeOrders(8);
    await settle();
    pipeline.bc.faults.clear();
    // Whatever failed for good after its retries is what the next poll is for.
    await settle();
    expectEachOnce(ids);
    const seen = pipeline.bc.requests.slice(before);
    expect(seen.some((r) => r.status === 503)).toBe(true);
    expect(seen.some((r) => r.status === 0)).toBe(true);
    expect((await createdRecordsFor(ids)).size).toBe(ids.length);
  }, 120_000);

  it('a BigCommerce read that outlasts the client’s 30-second timeout', async () => {
    // The production timeout, so this waits it out once: the price of testing the real setting.
    const before = pipeline.bc.requests.length;
    pipeline.bc.faults.add({ kind: 'slow', delayMs: 31_000, times: 1, match: { method: 'GET', pathPrefix: '/v2/orders' } });
    const ids = placeOrders(2);
    await settle();
    expectEachOnce(ids);
    expect(pipeline.bc.faults.list()).toEqual([]);
    expect(pipeline.bc.requests.length).toBeGreaterThan(before);
  }, 120_000);

  it('AccountView errors inside HTTP 200 and IIS 503 pages', async () => {
    pipeline.av.faults.add({ kind: 'error-in-200', probability: 0.25 });
    pipeline.av.faults.add({ kind: 'status', status: 503, probability: 0.1 });
    const ids = placeOrders(8);
    await settle();
    pipeline.av.faults.clear();
    await settle();
    expectEachOnce(ids);
    expect((await createdRecordsFor(ids)).size).toBe(ids.length);
  }, 120_000);

  it('AccountView access tokens expiring under a run are refreshed', async () => {
    const ids = placeOrders(3);
    pipeline.av.expireAccessTokens();
    await settle();
    expectEachOnce(ids);
    const more = placeOrders(3);
    pipeline.av.expireAccessTokens();
    await settle();
    expectEachOnce([...ids, ...more]);
  }, 120_000);
});
