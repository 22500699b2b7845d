import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseCompany, completeConnect, consentUrl } from '@/lib/accountview-connection';
import { listRuns } from '@/lib/db/queries/runs';
import { createRunner } from '@/lib/engine';
import { orderHandlers } from '@/lib/flows/orders/handlers';
import { PIPELINE_STORE as STORE, startOrderPipeline, type OrderPipeline } from '../../helpers/order-pipeline';
import { FVR_ARTICLES } from '../flows/orders/harness';
import { memoryLogger, rowsOf, sleep } from '../engine/helpers';

/**
 * AccountView gone for a long time: for an hour (on the runner's clock, with its production retry
 * schedule), and with the merchant's consent revoked. Nothing is lost or doubled, and the run log
 * says what happened and what to do.
 */
describe('orders while AccountView is unavailable', () => {
  let pipeline: OrderPipeline;

  beforeAll(async () => {
    pipeline = await startOrderPipeline();
  }, 120_000);
  afterAll(async () => {
    await pipeline?.close();
  });

  function placeOrders(count: number): number[] {
    const products = (pipeline.bc.state.stores[STORE]?.data.products ?? []).filter(
      (p) => p.variants.length <= 1 && FVR_ARTICLES.some((a) => a.code === p.sku),
    );
    return Array.from({ length: count }, (_, i) => {
      const product = products[i % products.length]!;
      return pipeline.bc.orders.create(STORE, { status_id: 11, products: [{ product_id: product.id, quantity: 1 }] }).id;
    });
  }

  /** Until the runner has done everything due at `at`: nothing running, nothing waiting that is due. */
  async function idleAt(at: Date): Promise<void> {
    for (;;) {
      const result = await pipeline.database.db.execute(
        sql`select count(*)::int as n from engine_jobs where state = 'running' or run_at <= ${at.toISOString()}::timestamptz`,
      );
      if (rowsOf<{ n: number }>(result)[0]?.n === 0) return;
      await sleep(20);
    }
  }

  function expectEachOnce(ids: number[]): void {
    const headers = pipeline.av.state.companies.find((c) => c.code === 'FVR')?.tables.SO_HDR ?? [];
    for (const id of ids) expect(headers.filter((h) => String(h.COMMENT1).trim() === `BC-${id}`), `order ${id}`).toHaveLength(1);
  }

  it('is down for an hour: runs fail after the retry schedule, the next poll after it is back sends every order once', async () => {
    // The runner under test keeps production's retry schedule and reads a clock the test moves on.
    await pipeline.runner.stop();
    let offsetMs = 0;
    const now = () => new Date(Date.now() + offsetMs);
    const runner = createRunner({ database: pipeline.database, handlers: orderHandlers, listStores: async () => [STORE], now, pollMs: 10, logger: memoryLogger() });
    runner.start();
    try {
      pipeline.av.faults.add({ kind: 'status', status: 503 });
      const ids = placeOrders(4);
      await pipeline.bc.webhooks.settle();

      const poll = () => pipeline.runner.send({ name: 'orders/poll.requested', data: { storeHash: STORE } });
      // Seventy minutes in five-minute steps, a poll every fifteen as the schedule sends it; back after sixty.
      for (let minute = 5; minute <= 70; minute += 5) {
        offsetMs = minute * 60_000;
        if (minute === 60) pipeline.av.faults.clear();
        if (minute % 15 === 0) await poll();
        await idleAt(now());
      }
      await runner.drain();
      await poll();
      await runner.drain();

      expectEachOnce(ids);
      const runs = await listRuns(pipeline.database.db, STORE, { flow: 'orders', limit: 100 });
      const failed = runs.filter((r) => r.state === 'failed');
      expect(failed.length).toBeGreaterThan(0);
      // The production schedule was used: five attempts before giving up, and the reason in plain words.
      for (const run of failed) {
        expect(run.attempts).toBe(5);
        expect(run.error).toMatch(/AccountView/);
      }
      // The poll after the outage says it sent them; none of the later ones sends anything again.
      const created = runs.filter((r) => r.state === 'success').map((r) => Number(/(\d+) created/.exec(r.summary ?? '')?.[1] ?? 0));
      expect(created.reduce((a, b) => a + b, 0)).toBe(ids.length);
    } finally {
      await runner.stop();
      pipeline.av.faults.clear();
      pipeline.runner.start();
    }
  }, 240_000);

  it('has its consent revoked: runs fail saying to reconnect, and after reconnecting every order arrives once', async () => {
    pipeline.av.revokeConsent();
    pipeline.av.expireAccessTokens();
    const ids = placeOrders(3);
    await pipeline.bc.webhooks.settle();
    await pipeline.runner.drain();
    expect(pipeline.av.state.companies.find((c) => c.code === 'FVR')?.tables.SO_HDR?.some((h) => String(h.COMMENT1).trim() === `BC-${ids[0]}`)).toBe(false);
    const [latest] = await listRuns(pipeline.database.db, STORE, { flow: 'orders', limit: 1 });
    expect(latest?.state).toBe('failed');
    // Not retried five times: a refused consent does not heal by waiting.
    expect(latest?.attempts).toBe(1);
    expect(latest?.error).toMatch(/connect/i);

    // The merchant connects again, as from the settings page.
    const state = new URL(consentUrl({ storeHash: STORE, userId: 1001 })).searchParams.get('state') ?? '';
    const code = pipeline.av.issueCode({
      clientId: 'pipeline-av-client',
      redirectUri: `${pipeline.origin}/api/accountview/callback`,
      scope: 'readaccountviewdata updateaccountviewdata',
    });
    await completeConnect(new URLSearchParams({ code, state }));
    await chooseCompany(STORE, 'FVR');
    await pipeline.runner.send({ name: 'orders/poll.requested', data: { storeHash: STORE } });
    await pipeline.runner.drain();
    expectEachOnce(ids);
  }, 120_000);
});
