import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@/lib/db/client';
import { createRunner, defineHandler, type AnyHandler, type Runner } from '@/lib/engine';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../helpers/databases';
import { addStores, memoryLogger, rowsOf, sleep } from '../engine/helpers';

/**
 * Two app instances on one database, as a scaled-out deployment runs them: each store and flow runs
 * once at a time across both, a run is never marked failed because of the other instance, one
 * instance being switched off hands its work to the other, and drain waits for all of it.
 */
const STORES = ['twoa', 'twob', 'twoc', 'twod', 'twoe', 'twof'];

class FlakyError extends Error {
  override name = 'FlakyError';
}

interface Tally {
  inFlight: Map<string, number>;
  overlaps: string[];
  /** Completed handler calls, per run id. */
  completed: Map<string, number>;
  ordersSeen: Map<number, number>;
  stockRuns: number;
}

function handlersFor(tally: Tally): { orders: AnyHandler[]; stock: AnyHandler[] } {
  const enter = (key: string) => {
    const n = (tally.inFlight.get(key) ?? 0) + 1;
    tally.inFlight.set(key, n);
    if (n > 1) tally.overlaps.push(key);
  };
  const leave = (key: string) => tally.inFlight.set(key, (tally.inFlight.get(key) ?? 1) - 1);
  const failedOnce = new Set<string>();
  const work = async (key: string, runId: string, body: () => void) => {
    enter(key);
    try {
      await sleep(2 + Math.floor(Math.random() * 6));
      // Every third run fails its first attempt with a retryable error, as a flaky API would.
      if (runId.charCodeAt(0) % 3 === 0 && !failedOnce.has(runId)) {
        failedOnce.add(runId);
        throw new FlakyError('AccountView did not answer');
      }
      body();
      tally.completed.set(runId, (tally.completed.get(runId) ?? 0) + 1);
    } finally {
      leave(key);
    }
  };
  const orders = defineHandler({
    id: 'orders-export',
    flow: 'orders',
    event: 'bigcommerce/order.changed',
    batch: { maxSize: 5, timeoutMs: 30 },
    async handle(ctx, events) {
      await ctx.step.run('read', async () => sleep(1));
      // The write is a step, as the flows' external calls are: a switched-off runner lets it finish.
      await ctx.step.run('write', () =>
        work(`${ctx.storeHash}:orders`, ctx.runId, () => {
          for (const e of events) tally.ordersSeen.set(e.orderId, (tally.ordersSeen.get(e.orderId) ?? 0) + 1);
        }),
      );
    },
  });
  const stock = defineHandler({
    id: 'stock-sync',
    flow: 'stock',
    event: 'accountview/stock.sync-requested',
    async handle(ctx) {
      await ctx.step.run('adjust', () => work(`${ctx.storeHash}:stock`, ctx.runId, () => void (tally.stockRuns += 1)));
    },
  });
  return { orders: [orders], stock: [stock] };
}

const newTally = (): Tally => ({ inFlight: new Map(), overlaps: [], completed: new Map(), ordersSeen: new Map(), stockRuns: 0 });

describe.each(testDatabaseKinds())('two runners on one %s database', (kind) => {
  let database: TestDatabase;
  let second: Database;
  const runners: Runner[] = [];

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    // Postgres: a second connection pool, as a second instance has. PGlite can only be opened once.
    second = database.url ? await openDatabase({ url: database.url }) : database;
    await addStores(database, ...STORES);
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
    if (second !== database) await second.close();
    await database.dispose();
  });

  const runner = (db: Database, handlers: AnyHandler[], logger = memoryLogger()) => {
    const created = createRunner({ database: db, handlers, listStores: async () => STORES, logger, pollMs: 10, leaseMs: 3000, backoffMs: () => 5, concurrency: 4 });
    runners.push(created);
    return created;
  };

  async function runStates(): Promise<Record<string, number>> {
    const rows = rowsOf<{ state: string; n: number }>(
      await database.db.execute(sql`select state, count(*)::int as n from sync_runs group by state`),
    );
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }

  it('runs each store and flow once at a time, fails nothing, and drain waits for both', async () => {
    const tally = newTally();
    const { orders, stock } = handlersFor(tally);
    const a = runner(database, [...orders, ...stock]);
    const b = runner(second, [...orders, ...stock]);
    a.start();
    b.start();

    let orderId = 0;
    const sends: Promise<void>[] = [];
    for (let round = 0; round < 10; round += 1) {
      for (const storeHash of STORES) {
        orderId += 1;
        const via = round % 2 === 0 ? a : b;
        sends.push(via.send({ name: 'bigcommerce/order.changed', data: { storeHash, orderId, reason: 'created', webhookHash: `h${orderId}` } }));
        if (round % 3 === 0) sends.push(via.send({ name: 'accountview/stock.sync-requested', data: { storeHash } }));
      }
      await sleep(3);
    }
    await Promise.all(sends);
    await a.drain();

    // Drain returned: nothing may be left anywhere, and nothing may still be running on the other instance.
    expect(rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from engine_jobs`))[0]?.n).toBe(0);
    expect([...tally.inFlight.values()].every((n) => n === 0)).toBe(true);
    expect(tally.overlaps).toEqual([]);
    expect(tally.ordersSeen.size).toBe(orderId);
    expect([...tally.ordersSeen.values()].every((n) => n === 1)).toBe(true);
    expect([...tally.completed.values()].every((n) => n === 1)).toBe(true);
    const states = await runStates();
    expect(states.failed ?? 0).toBe(0);
    expect(states.success).toBe(tally.completed.size);
  }, 60_000);

  it('hands a switched-off instance’s work to the other, and marks none of it failed', async () => {
    const tally = newTally();
    const { orders, stock } = handlersFor(tally);
    const a = runner(database, [...orders, ...stock]);
    const b = runner(second, [...orders, ...stock]);
    a.start();
    b.start();
    const sends: Promise<void>[] = [];
    for (let i = 1; i <= 60; i += 1) {
      const storeHash = STORES[i % STORES.length]!;
      sends.push(b.send({ name: 'bigcommerce/order.changed', data: { storeHash, orderId: i, reason: 'created' } }));
      sends.push(b.send({ name: 'accountview/stock.sync-requested', data: { storeHash } }));
      // Switch b off and on again while it is claiming and running.
      if (i % 20 === 10) await b.stop();
      if (i % 20 === 15) b.start();
      await sleep(1);
    }
    await Promise.all(sends);
    await b.stop();
    await a.drain();

    expect(tally.overlaps).toEqual([]);
    expect(tally.ordersSeen.size).toBe(60);
    expect([...tally.ordersSeen.values()].every((n) => n === 1)).toBe(true);
    expect((await runStates()).failed ?? 0).toBe(0);
    expect([...tally.inFlight.values()].every((n) => n === 0)).toBe(true);
  }, 60_000);

  it('leaves a job to the instance that has its handler (a rolling deploy), instead of failing it', async () => {
    const tally = newTally();
    const { orders, stock } = handlersFor(tally);
    // The old version has no stock handler; the new one has both.
    const old = runner(second, orders);
    old.start();
    // A new instance, not yet claiming, takes the requests (a web request served by the new version).
    const sender = runner(database, [...orders, ...stock]);
    for (const storeHash of STORES) await sender.send({ name: 'accountview/stock.sync-requested', data: { storeHash } });
    await sleep(100);
    const upgraded = runner(database, [...orders, ...stock]);
    upgraded.start();
    await upgraded.drain();
    expect(tally.stockRuns).toBe(STORES.length);
    expect((await runStates()).failed ?? 0).toBe(0);
  }, 60_000);

  it('does not start a job it claimed while being switched off; the job waits for the next runner', async () => {
    let calls = 0;
    const handler = defineHandler({ id: 'stock-sync', flow: 'stock', event: 'accountview/stock.sync-requested', handle: async () => void (calls += 1) });
    const first = runner(database, [handler]);
    await first.send({ name: 'accountview/stock.sync-requested', data: { storeHash: STORES[0]! } });
    // start() begins a claim; stop() lands while it is on its way to the database.
    first.start();
    await first.stop();
    await sleep(100);
    expect(calls).toBe(0);
    const next = runner(second, [handler]);
    next.start();
    await next.drain();
    expect(calls).toBe(1);
    expect(await runStates()).toEqual({ success: 1 });
  }, 60_000);
});
