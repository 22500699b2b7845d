import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failRun, finishRun, findRun, listRecords, listRuns, startRun } from '@/lib/db/queries/runs';
import { deleteStore } from '@/lib/db/queries/stores';
import { accountviewConnections } from '@/lib/db/schema';
import { createRunner, defineHandler, InvalidEventError, UnknownStoreError, type AnyHandler, type Runner, type RunnerOptions } from '@/lib/engine';
import { InvalidRecordError } from '@/lib/engine/errors';
import { createRunLogger } from '@/lib/engine/run-log';
import { claim, enqueue } from '@/lib/engine/runner/jobs';
import { listSyncableStores } from '@/lib/db/queries/stores';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../helpers/databases';
import { addStores, clearEngine, count, gate, memoryLogger, sleep, until } from './helpers';

const A = 'storea';
const B = 'storeb';
const STORE = 'logstore';
const OTHER = 'otherstore';

async function queuedRun(database: TestDatabase, storeHash: string, flow: 'orders' | 'stock'): Promise<string> {
  const id = crypto.randomUUID();
  await database.db.execute(
    sql`insert into sync_runs (id, store_hash, flow, handler, trigger) values (${id}, ${storeHash}, ${flow}, ${`${flow}-x`}, 'manual')`,
  );
  return id;
}

const pollRequested = (storeHash: string) => ({ name: 'orders/poll.requested' as const, data: { storeHash } });
const orderChanged = (storeHash: string, orderId: number) => ({
  name: 'bigcommerce/order.changed' as const,
  data: { storeHash, orderId, reason: 'created' as const, webhookHash: `h${orderId}` },
});

/** A failure the clients would classify as permanent. */
class RefusedError extends Error {
  readonly retryable = false;
  readonly userMessage = 'AccountView refused the invoice.';
  readonly hint = 'Check the VAT code mapping.';
}

// One database per kind for the whole file: opening PGlite costs seconds, the tests milliseconds.
describe.each(testDatabaseKinds())('engine on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await addStores(database, A, B, STORE, OTHER);
  });
  afterAll(async () => database.dispose());

  describe('in-process runner', () => {
    const runners: Runner[] = [];

    const runner = (handlers: AnyHandler[], options: Partial<RunnerOptions> = {}) => {
      const created = createRunner({
        database,
        handlers,
        listStores: async () => [A, B],
        logger: memoryLogger(),
        pollMs: 20,
        leaseMs: 2000,
        backoffMs: () => 20,
        ...options,
      });
      runners.push(created);
      return created;
    };

    afterEach(async () => {
      await Promise.all(runners.splice(0).map((r) => r.stop()));
      await clearEngine(database);
    });

    it('persists an event before send resolves, and a later runner runs it', async () => {
      const seen: number[] = [];
      const handler = defineHandler({
        id: 'orders-export',
        flow: 'orders',
        event: 'bigcommerce/order.changed',
        async handle(_ctx, events) {
          seen.push(...events.map((e) => e.orderId));
        },
      });
      await runner([handler]).send(orderChanged(A, 7)); // never started: as if the process died now
      expect(await count(database, 'engine_jobs')).toBe(1);
      const [queued] = await listRuns(database.db, A);
      expect(queued).toMatchObject({ state: 'queued', flow: 'orders', handler: 'orders-export', trigger: 'webhook' });

      const next = runner([handler]);
      next.start();
      await next.drain();
      expect(seen).toEqual([7]);
      expect(await findRun(database.db, A, queued!.id)).toMatchObject({ state: 'success', attempts: 1 });
      expect(await count(database, 'engine_jobs')).toBe(0);
    });

    it('refuses an invalid event or an unknown store, and persists nothing', async () => {
      const r = runner([]);
      await expect(r.send({ name: 'orders/poll.requested', data: { storeHash: 'NOT A HASH' } })).rejects.toBeInstanceOf(
        InvalidEventError,
      );
      const handler = defineHandler({ id: 'poll', flow: 'orders', event: 'orders/poll.requested', handle: async () => {} });
      await expect(runner([handler]).send(pollRequested('unknown1'))).rejects.toBeInstanceOf(UnknownStoreError);
      expect(await count(database, 'engine_jobs')).toBe(0);
    });

    it('runs one job at a time per store and flow, while two stores run side by side', async () => {
      const inside = new Map<string, number>();
      let peakPerStore = 0;
      let peakOverall = 0;
      const hold = async (storeHash: string) => {
        inside.set(storeHash, (inside.get(storeHash) ?? 0) + 1);
        peakPerStore = Math.max(peakPerStore, inside.get(storeHash) ?? 0);
        peakOverall = Math.max(peakOverall, [...inside.values()].reduce((a, b) => a + b, 0));
        await sleep(40);
        inside.set(storeHash, (inside.get(storeHash) ?? 1) - 1);
      };
      // Two handlers of the same flow: the webhook export and the poll must not overlap either.
      const exportHandler = defineHandler({
        id: 'orders-export',
        flow: 'orders',
        event: 'bigcommerce/order.changed',
        handle: async (ctx) => hold(ctx.storeHash),
      });
      const pollHandler = defineHandler({
        id: 'orders-poll',
        flow: 'orders',
        event: 'orders/poll.requested',
        handle: async (ctx) => hold(ctx.storeHash),
      });
      // Two runners on one database, as two app instances: on Postgres their claims race for real.
      const r = runner([exportHandler, pollHandler], { concurrency: 2 });
      const other = runner([exportHandler, pollHandler], { concurrency: 2 });
      for (const store of [A, B]) {
        await r.send(orderChanged(store, 1));
        await r.send(orderChanged(store, 2));
        await r.send(pollRequested(store));
      }
      r.start();
      other.start();
      await Promise.all([r.drain(), other.drain()]);
      expect(peakPerStore).toBe(1);
      expect(peakOverall).toBe(2);
      expect((await listRuns(database.db, A)).map((run) => run.state)).toEqual(['success', 'success', 'success']);
    });

    it('collects a burst of one store into one handler call, and splits at maxSize', async () => {
      const calls: Array<{ store: string; orders: number[] }> = [];
      const handler = defineHandler({
        id: 'orders-export',
        flow: 'orders',
        event: 'bigcommerce/order.changed',
        batch: { maxSize: 250, timeoutMs: 150 },
        async handle(ctx, events) {
          calls.push({ store: ctx.storeHash, orders: events.map((e) => e.orderId) });
        },
      });
      const r = runner([handler]);
      // Sent concurrently, as a burst of webhooks arrives (one is a redelivery of another), before the
      // runner looks, so the assertion does not depend on how fast the machine is.
      await Promise.all([
        ...Array.from({ length: 30 }, (_, i) => r.send(orderChanged(A, i + 1))),
        r.send(orderChanged(A, 1)),
        ...Array.from({ length: 5 }, (_, i) => r.send(orderChanged(B, 100 + i))),
      ]);
      r.start();
      await r.drain();
      expect(calls).toHaveLength(2);
      const a = calls.find((c) => c.store === A);
      expect(a?.orders.sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(calls.find((c) => c.store === B)?.orders).toHaveLength(5);
      expect(await listRuns(database.db, A)).toHaveLength(1);

      calls.length = 0;
      const small = runner([{ ...handler, batch: { maxSize: 4, timeoutMs: 100 } }]);
      for (let i = 1; i <= 10; i += 1) await small.send(orderChanged(A, i));
      small.start();
      await small.drain();
      expect(calls.map((c) => c.orders)).toEqual([
        [1, 2, 3, 4],
        [5, 6, 7, 8],
        [9, 10],
      ]);

      // While running: an event inside the window joins the batch the first one opened.
      calls.length = 0;
      const live = runner([{ ...handler, batch: { maxSize: 250, timeoutMs: 300 } }]);
      live.start();
      await live.send(orderChanged(B, 1));
      await sleep(50);
      await live.send(orderChanged(B, 2));
      await live.drain();
      expect(calls).toEqual([{ store: B, orders: [1, 2] }]);
    });

    it('retries a thrown error with backoff, then succeeds', async () => {
      const attempts: number[] = [];
      const backoffs: number[] = [];
      const handler = defineHandler({
        id: 'stock-sync',
        flow: 'stock',
        event: 'accountview/stock.sync-requested',
        async handle() {
          attempts.push(Date.now());
          if (attempts.length < 3) throw new Error('AccountView timed out');
          return { message: 'done' };
        },
      });
      const r = runner([handler], {
        backoffMs: (attempt) => {
          backoffs.push(attempt);
          return 60;
        },
      });
      r.start();
      await r.send({ name: 'accountview/stock.sync-requested', data: { storeHash: A } });
      await r.drain();
      expect(attempts).toHaveLength(3);
      expect(backoffs).toEqual([1, 2]);
      expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(55);
      const [run] = await listRuns(database.db, A);
      expect(run).toMatchObject({ state: 'success', attempts: 3, summary: 'done', error: null, trigger: 'manual' });
    });

    it('fails at once on an error that is not retryable, and after the last retry on one that is', async () => {
      let refused = 0;
      let flaky = 0;
      const r = runner([
        defineHandler({
          id: 'products-sync',
          flow: 'products',
          event: 'accountview/products.sync-requested',
          async handle() {
            refused += 1;
            throw new RefusedError('422 from AccountView');
          },
        }),
        defineHandler({
          id: 'customers-sync',
          flow: 'customers',
          event: 'accountview/customers.sync-requested',
          retries: 2,
          async handle() {
            flaky += 1;
            throw new Error('socket hang up');
          },
        }),
      ]);
      r.start();
      await r.send({ name: 'accountview/products.sync-requested', data: { storeHash: A } });
      await r.send({ name: 'accountview/customers.sync-requested', data: { storeHash: A } });
      await r.drain();
      expect(refused).toBe(1);
      expect(flaky).toBe(3);
      const runs = await listRuns(database.db, A);
      expect(runs.find((run) => run.flow === 'products')).toMatchObject({
        state: 'failed',
        attempts: 1,
        error: 'AccountView refused the invoice. Check the VAT code mapping.',
      });
      expect(runs.find((run) => run.flow === 'customers')).toMatchObject({ state: 'failed', attempts: 3, error: 'socket hang up' });
    });

    it('does not execute a completed step again when the run is retried', async () => {
      const executed: string[] = [];
      let attempt = 0;
      const handler = defineHandler({
        id: 'orders-export',
        flow: 'orders',
        event: 'bigcommerce/order.changed',
        async handle(ctx) {
          attempt += 1;
          const order = await ctx.step.run('read-order', async () => {
            executed.push('read-order');
            return { id: 7, placedAt: new Date('2026-01-02T03:04:05Z') };
          });
          for (const line of [1, 2]) {
            await ctx.step.run('read-line', async () => {
              executed.push(`read-line-${line}`);
              return line;
            });
          }
          const doc = await ctx.step.run('write-invoice', async () => {
            executed.push('write-invoice');
            if (attempt === 1) throw new Error('AccountView answered 503');
            return 'INV-7';
          });
          // Saved as JSON, like Inngest: the second attempt gets the date back as a string.
          await ctx.log.record({ entity: 'order', sourceId: String(order.id), outcome: 'created', targetRef: doc });
          expect(typeof order.placedAt).toBe('string');
        },
      });
      const r = runner([handler]);
      r.start();
      await r.send(orderChanged(A, 7));
      await r.drain();
      expect(attempt).toBe(2);
      expect(executed).toEqual(['read-order', 'read-line-1', 'read-line-2', 'write-invoice', 'write-invoice']);
      expect(await count(database, 'engine_steps')).toBe(0);
      expect((await listRecords(database.db, A))[0]).toMatchObject({ targetRef: 'INV-7', outcome: 'created' });
    });

    it('finishes a job exactly once when its runner stops mid-run and a new one starts', async () => {
      const executed: string[] = [];
      const inStep2 = gate();
      const release = gate();
      let invocations = 0;
      const handler = defineHandler({
        id: 'orders-export',
        flow: 'orders',
        event: 'bigcommerce/order.changed',
        async handle(ctx) {
          invocations += 1;
          await ctx.step.run('one', async () => void executed.push('one'));
          await ctx.step.run('two', async () => {
            executed.push('two');
            inStep2.open();
            await release.promise;
          });
          await ctx.step.run('three', async () => void executed.push('three'));
          await ctx.log.record({ entity: 'order', sourceId: '7', outcome: 'created' });
        },
      });
      const first = runner([handler]);
      first.start();
      await first.send(orderChanged(A, 7));
      await inStep2.promise;
      const stopping = first.stop();
      release.open();
      await stopping;
      expect(executed).toEqual(['one', 'two']);

      const second = runner([handler]);
      second.start();
      await second.drain();
      expect(executed).toEqual(['one', 'two', 'three']);
      expect(invocations).toBe(2);
      const runs = await listRuns(database.db, A);
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ state: 'success', created: 1 });
      expect(await listRecords(database.db, A)).toHaveLength(1);
    });

    it('takes over a job whose runner died holding it, once the lease has run out', async () => {
      let runs = 0;
      const handler = defineHandler({
        id: 'orders-poll',
        flow: 'orders',
        event: 'orders/poll.requested',
        handle: async () => void (runs += 1),
      });
      // A runner claims the job and dies: nothing renews its 50 ms lease.
      await enqueue(database.db, { storeHash: A, handler: 'orders-poll', flow: 'orders', trigger: 'poll', data: { storeHash: A }, now: new Date() });
      expect(await claim(database.db, { now: new Date(), leaseMs: 50 })).toBeDefined();
      const r = runner([handler]);
      r.start();
      await r.drain();
      expect(runs).toBe(1);
    });

    it('sleeps in-process briefly, and durably (freeing the slot) for longer', async () => {
      const executed: string[] = [];
      let invocations = 0;
      const handler = defineHandler({
        id: 'orders-export',
        flow: 'orders',
        event: 'bigcommerce/order.changed',
        async handle(ctx) {
          invocations += 1;
          await ctx.step.run('before', async () => void executed.push('before'));
          await ctx.step.sleep('short', 10);
          await ctx.step.sleep('long', 80);
          await ctx.step.run('after', async () => void executed.push('after'));
        },
      });
      const r = runner([handler], { inlineSleepMaxMs: 40 });
      r.start();
      const started = Date.now();
      await r.send(orderChanged(A, 1));
      await until(async () => (await count(database, 'engine_jobs')) === 1 && invocations === 1);
      await r.drain();
      expect(Date.now() - started).toBeGreaterThanOrEqual(85);
      expect(executed).toEqual(['before', 'after']);
      expect(invocations).toBe(2);
    });

    it('fires schedules for every installed store', async () => {
      const stores: string[] = [];
      const handler = defineHandler({
        id: 'stock-sync',
        flow: 'stock',
        event: 'accountview/stock.sync-requested',
        schedule: { everyMs: 60, cron: '*/5 * * * *', event: 'accountview/stock.sync-requested' },
        async handle(ctx) {
          expect(ctx.trigger).toBe('schedule');
          stores.push(ctx.storeHash);
        },
      });
      const r = runner([handler]);
      r.start();
      await until(() => stores.includes(A) && stores.includes(B));
      await r.stop();
      const runs = await listRuns(database.db, A);
      expect(runs.length).toBeGreaterThan(0);
      expect(runs.every((run) => run.trigger === 'schedule')).toBe(true);
    });
  });

  describe('run log', () => {
    it('writes records, keeps the counts in step, and ends partial when some failed', async () => {
      const runId = await queuedRun(database, STORE, 'orders');
      await startRun(database.db, STORE, runId, 1);
      const logger = memoryLogger();
      const log = createRunLogger(database.db, { storeHash: STORE, runId, flow: 'orders' }, logger);
      await log.record({
        entity: 'order',
        sourceId: '101',
        outcome: 'created',
        source: { id: 101, total: '12.10' },
        sent: { DocumentNumber: 'V101' },
        answer: { ok: true },
        targetRef: 'V101',
        searchText: '101',
      });
      await log.record({ entity: 'order', sourceId: '102', outcome: 'skipped', message: 'Already in AccountView.' });
      await log.record({
        entity: 'order',
        sourceId: '103',
        outcome: 'failed',
        message: 'VAT code 21 has no AccountView equivalent.',
        hint: 'Map it under Settings → VAT.',
        searchText: 'jan@example.com',
      });
      // The same record again (a retried attempt): replaced, and its count moves from failed to created.
      await log.record({ entity: 'order', sourceId: '103', outcome: 'created', targetRef: 'V103', searchText: 'Jan@Example.com' });
      await log.record({ entity: 'debtor', sourceId: '103', outcome: 'failed', message: 'No e-mail address.' });
      log.info('read orders', { pages: 1 });
      expect(logger.lines[0]).toMatchObject({ level: 'info', message: 'read orders', meta: { pages: 1, runId, storeHash: STORE } });

      expect(await findRun(database.db, STORE, runId)).toMatchObject({ state: 'running', created: 2, skipped: 1, failed: 1 });
      const run = await finishRun(database.db, STORE, runId, { message: '3 orders read.', counts: { skipped: 40 } });
      expect(run).toMatchObject({ state: 'partial', created: 2, updated: 0, skipped: 41, failed: 1, summary: '3 orders read.' });
      expect(run?.endedAt).toBeInstanceOf(Date);

      const records = await listRecords(database.db, STORE, { runId });
      expect(records.map((r) => `${r.entity}:${r.sourceId}:${r.outcome}`)).toEqual([
        'debtor:103:failed',
        'order:103:created',
        'order:102:skipped',
        'order:101:created',
      ]);
      expect(records.find((r) => r.sourceId === '101')).toMatchObject({
        source: { id: 101, total: '12.10' },
        sent: { DocumentNumber: 'V101' },
        answer: { ok: true },
        targetRef: 'V101',
      });
    });

    it('ends success without failures, and failed with the error in plain words', async () => {
      const ok = await queuedRun(database, STORE, 'stock');
      await createRunLogger(database.db, { storeHash: STORE, runId: ok, flow: 'stock' }, memoryLogger()).record({
        entity: 'article',
        sourceId: 'SKU-1',
        outcome: 'updated',
      });
      expect(await finishRun(database.db, STORE, ok)).toMatchObject({ state: 'success', updated: 1 });
      const bad = await queuedRun(database, STORE, 'stock');
      await failRun(database.db, STORE, bad, 'AccountView is not connected. Click "Connect AccountView".');
      expect(await findRun(database.db, STORE, bad)).toMatchObject({ state: 'failed', error: expect.stringContaining('not connected') });
    });

    it('refuses a record it cannot hold, as a bug that retrying will not fix', async () => {
      const runId = await queuedRun(database, STORE, 'orders');
      const log = createRunLogger(database.db, { storeHash: STORE, runId, flow: 'orders' }, memoryLogger());
      const error = await log.record({ entity: '', sourceId: '1', outcome: 'created' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRecordError);
      expect((error as InvalidRecordError).retryable).toBe(false);
    });

    it('lists a store’s records newest first, by flow, outcome and search, and never another store’s', async () => {
      const orders = await queuedRun(database, OTHER, 'orders');
      const stock = await queuedRun(database, OTHER, 'stock');
      const log = (runId: string, flow: 'orders' | 'stock') =>
        createRunLogger(database.db, { storeHash: OTHER, runId, flow }, memoryLogger());
      for (let i = 1; i <= 5; i += 1) {
        await log(orders, 'orders').record({
          entity: 'order',
          sourceId: String(1000 + i),
          outcome: i % 2 ? 'created' : 'failed',
          searchText: `#${1000 + i} klant${i}@example.com`,
        });
      }
      await log(stock, 'stock').record({ entity: 'article', sourceId: 'FIETS-01', outcome: 'updated', searchText: 'fiets-01' });

      const all = await listRecords(database.db, OTHER);
      expect(all).toHaveLength(6);
      expect(all[0]?.sourceId).toBe('FIETS-01');
      const page = await listRecords(database.db, OTHER, { limit: 2 });
      const next = await listRecords(database.db, OTHER, { limit: 2, beforeId: page[1]!.id });
      expect(next.map((r) => r.sourceId)).toEqual(['1004', '1003']);
      expect(await listRecords(database.db, OTHER, { flow: 'orders', outcome: 'failed' })).toHaveLength(2);
      expect((await listRecords(database.db, OTHER, { search: 'Fiets' })).map((r) => r.sourceId)).toEqual(['FIETS-01']);
      expect((await listRecords(database.db, OTHER, { search: '#1003' })).map((r) => r.sourceId)).toEqual(['1003']);
      expect((await listRecords(database.db, OTHER, { search: '1005' })).map((r) => r.sourceId)).toEqual(['1005']);
      expect(await listRecords(database.db, OTHER, { search: '%' })).toHaveLength(0);
      expect(await listRecords(database.db, STORE, { search: 'FIETS' })).toHaveLength(0);
      expect((await listRuns(database.db, OTHER, { flow: 'stock' })).map((r) => r.id)).toEqual([stock]);
    });

    it('schedules only stores connected to an AccountView company', async () => {
      await addStores(database, 'connected', 'nocompany');
      const connection = {
        accessTokenEncrypted: 'a',
        refreshTokenEncrypted: 'r',
        accessExpiresAt: new Date(),
        connectedByUserId: 1,
      };
      await database.db.insert(accountviewConnections).values([
        { ...connection, storeHash: 'connected', companyId: 'c1', companyCode: 'C1', companyName: 'C' },
        { ...connection, storeHash: 'nocompany' },
      ]);
      expect(await listSyncableStores(database.db)).toEqual(['connected']);
    });

    it('goes with the store when it is uninstalled', async () => {
      await addStores(database, 'gone');
      const runId = await queuedRun(database, 'gone', 'orders');
      await createRunLogger(database.db, { storeHash: 'gone', runId, flow: 'orders' }, memoryLogger()).record({
        entity: 'order',
        sourceId: '1',
        outcome: 'created',
      });
      const before = await count(database, 'sync_records');
      await deleteStore(database.db, 'gone');
      expect(await count(database, 'sync_records')).toBe(before - 1);
      expect(await findRun(database.db, 'gone', runId)).toBeUndefined();
    });
  });
});
