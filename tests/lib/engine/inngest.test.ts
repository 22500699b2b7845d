import { InngestTestEngine } from '@inngest/test';
import type { InngestFunction } from 'inngest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { findRun, listRecords, listRuns } from '@/lib/db/queries/runs';
import {
  createInngestFunctions,
  defineHandler,
  eventIdOf,
  inngest,
  sendEvent,
  usesInngest,
  type AnyHandler,
  type EventData,
} from '@/lib/engine';
import { uuidFrom } from '@/lib/engine/inngest/functions';
import { openTestDatabase, type TestDatabase } from '../../helpers/databases';
import { addStores, clearEngine, memoryLogger } from './helpers';

const STORE = 'inngeststore';

describe('Inngest functions', () => {
  let database: TestDatabase;
  const received: unknown[][] = [];

  const exportOrders = defineHandler({
    id: 'orders-export',
    flow: 'orders',
    event: 'bigcommerce/order.changed',
    batch: { maxSize: 250, timeoutMs: 3000 },
    async handle(ctx, events) {
      received.push(events);
      const read = await ctx.step.run('read-orders', async () => events.map((e) => e.orderId));
      await ctx.log.record({ entity: 'order', sourceId: String(read[0]), outcome: 'created', targetRef: 'V1' });
      return { message: `${read.length} orders` };
    },
  });
  const pollOrders = defineHandler({
    id: 'orders-poll',
    flow: 'orders',
    event: 'orders/poll.requested',
    schedule: { everyMs: 900_000, cron: '*/15 * * * *', event: 'orders/poll.requested' },
    retries: 2,
    async handle(ctx, events) {
      received.push(events);
      await ctx.step.sleep('settle', 1000);
      const n = await ctx.step.run('count', async () => 3);
      if (n === 3 && ctx.trigger === 'manual') throw Object.assign(new Error('refused'), { retryable: false, userMessage: 'Refused.' });
    },
  });
  const handlers: AnyHandler[] = [exportOrders, pollOrders];
  let functions: InngestFunction.Any[];
  const byId = (id: string) => {
    const fn = functions.find((f) => f.id() === id);
    if (!fn) throw new Error(`no function ${id}`);
    return fn;
  };

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await addStores(database, STORE, 'second');
    functions = createInngestFunctions(handlers, {
      database: async () => database,
      listStores: async () => [STORE, 'second'],
      logger: memoryLogger(),
    });
  });
  afterEach(async () => {
    received.length = 0;
    vi.restoreAllMocks();
    await clearEngine(database);
  });
  afterAll(async () => database.dispose());

  it('creates one function per handler, a collector for a batch and a cron for a schedule', () => {
    expect(functions.map((f) => f.id())).toEqual(['orders-export-collect', 'orders-export', 'orders-poll', 'orders-poll-schedule']);
  });

  it('sets flow control in the options: per-store concurrency and throttle, store-keyed batches, retries, cron', () => {
    const collect = byId('orders-export-collect').opts;
    expect(collect.batchEvents).toEqual({ maxSize: 100, timeout: '3s', key: 'event.data.storeHash' });
    expect(collect.concurrency).toBeUndefined(); // Inngest ignores a concurrency key next to batchEvents
    expect(collect.triggers).toEqual([expect.objectContaining({ name: 'bigcommerce/order.changed' })]);

    const worker = byId('orders-export').opts;
    expect(worker.triggers).toEqual([{ event: 'engine/batch.collected', if: 'event.data.handler == "orders-export"' }]);
    expect(worker.concurrency).toEqual([
      { key: 'event.data.storeHash', limit: 1 },
      { scope: 'env', key: '"accountview-bigcommerce:orders:" + event.data.storeHash', limit: 1 },
    ]);
    expect(worker.throttle).toEqual({ key: 'event.data.storeHash', limit: 20, period: '30s' });
    expect(worker.retries).toBe(4);

    const poll = byId('orders-poll').opts;
    expect(poll.triggers).toEqual([{ event: 'orders/poll.requested' }]);
    expect(poll.retries).toBe(2);
    expect(byId('orders-poll-schedule').opts.triggers).toEqual([{ cron: '*/15 * * * *' }]);
  });

  it('gives an order change an event id from its webhook hash: a redelivery is dropped, a later change is not', () => {
    const changed = (reason: EventData<'bigcommerce/order.changed'>['reason'], webhookHash?: string) => ({
      name: 'bigcommerce/order.changed' as const,
      data: { storeHash: STORE, orderId: 42, reason, webhookHash },
    });
    expect(eventIdOf(changed('created', 'abc'))).toBe(`order-changed:${STORE}:42:created:abc`);
    expect(eventIdOf(changed('created', 'abc'))).toBe(eventIdOf(changed('created', 'abc')));
    expect(eventIdOf(changed('status-updated', 'def'))).not.toBe(eventIdOf(changed('created', 'abc')));
    expect(eventIdOf(changed('created'))).toBeUndefined();
  });

  it('collects a store’s order changes and hands them over as one event', async () => {
    const events = [1, 2, 3].map((orderId) => ({
      name: 'bigcommerce/order.changed',
      data: { storeHash: STORE, orderId, reason: 'created', webhookHash: `h${orderId}` },
    }));
    const engine = new InngestTestEngine({ function: byId('orders-export-collect'), events: events as [never, ...never[]] });
    const { result, ctx } = await engine.execute({ steps: [{ id: 'hand-over', handler: () => ({ ids: ['e1'] }) }] });
    expect(result).toEqual({ events: 3 });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith('hand-over', [
      expect.objectContaining({
        name: 'engine/batch.collected',
        data: { handler: 'orders-export', storeHash: STORE, events: events.map((e) => e.data) },
      }),
    ]);
  });

  it('runs the batch handler with the events, its steps and the run log', async () => {
    const data = [5, 6].map((orderId) => ({ storeHash: STORE, orderId, reason: 'created', webhookHash: `h${orderId}` }));
    const engine = new InngestTestEngine({
      function: byId('orders-export'),
      events: [{ name: 'engine/batch.collected', data: { handler: 'orders-export', storeHash: STORE, events: data } }],
    });
    const { result, ctx } = await engine.execute();
    // Inngest calls the handler again for each step, with the completed steps memoised.
    expect(received.length).toBeGreaterThan(0);
    for (const events of received) expect(events).toEqual(data);
    expect(ctx.step.run).toHaveBeenCalledWith('read-orders', expect.any(Function));
    const { runId } = result as { runId: string };
    expect(await findRun(database.db, STORE, runId)).toMatchObject({
      state: 'success',
      flow: 'orders',
      handler: 'orders-export',
      trigger: 'webhook',
      created: 1,
      summary: '2 orders',
      inngestRunId: expect.any(String),
    });
    expect(await listRecords(database.db, STORE, { runId })).toHaveLength(1);
  });

  it('runs a plain handler with sleep, and fails the run at once on a permanent error', async () => {
    const engine = new InngestTestEngine({
      function: byId('orders-poll'),
      events: [{ name: 'orders/poll.requested', data: { storeHash: STORE, trigger: 'manual' } }],
    });
    const { error, ctx } = await engine.execute({ steps: [{ id: 'settle', handler() {} }] });
    for (const events of received) expect(events).toEqual([{ storeHash: STORE, trigger: 'manual' }]);
    expect(ctx.step.sleep).toHaveBeenCalledWith('settle', 1000);
    expect(error).toMatchObject({ name: 'NonRetriableError', message: 'Refused.' });
    const [run] = await listRuns(database.db, STORE);
    expect(run).toMatchObject({ state: 'failed', error: 'Refused.', trigger: 'manual' });
  });

  it('fans a cron tick out to one event per installed store', async () => {
    const engine = new InngestTestEngine({ function: byId('orders-poll-schedule') });
    const { result, ctx } = await engine.execute({ steps: [{ id: 'fan-out', handler: () => ({ ids: [] }) }] });
    expect(result).toEqual({ stores: 2 });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith('fan-out', [
      { name: 'orders/poll.requested', data: { storeHash: STORE, trigger: 'schedule' } },
      { name: 'orders/poll.requested', data: { storeHash: 'second', trigger: 'schedule' } },
    ]);
  });

  it('gives every attempt of one Inngest run the same sync run id', () => {
    expect(uuidFrom('orders-poll:01J0')).toBe(uuidFrom('orders-poll:01J0'));
    expect(uuidFrom('orders-poll:01J0')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('choosing the engine', () => {
  it('uses Inngest when an event key, a base URL or a dev server is configured', () => {
    expect(usesInngest({})).toBe(false);
    expect(usesInngest({ dev: '0' })).toBe(false);
    expect(usesInngest({ signingKey: 'signkey-prod-1' })).toBe(false);
    expect(usesInngest({ eventKey: 'key' })).toBe(true);
    expect(usesInngest({ baseUrl: 'http://inngest:8288' })).toBe(true);
    expect(usesInngest({ dev: '1' })).toBe(true);
    expect(usesInngest({ dev: 'http://localhost:8288' })).toBe(true);
  });

  it('sends to Inngest, validated and with the event id, when it is configured', async () => {
    const send = vi.spyOn(inngest, 'send').mockResolvedValue({ ids: ['x'] });
    await sendEvent(
      { name: 'bigcommerce/order.changed', data: { storeHash: STORE, orderId: 9, reason: 'refund-created', webhookHash: 'zz' } },
      { eventKey: 'test' },
    );
    expect(send).toHaveBeenCalledWith({
      name: 'bigcommerce/order.changed',
      data: { storeHash: STORE, orderId: 9, reason: 'refund-created', webhookHash: 'zz' },
      id: `order-changed:${STORE}:9:refund-created:zz`,
    });
    await expect(
      sendEvent({ name: 'orders/poll.requested', data: { storeHash: '' } }, { eventKey: 'test' }),
    ).rejects.toThrow(/not valid/);
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('the /api/inngest route', () => {
  it('serves the functions built from the app’s handler list', async () => {
    vi.stubEnv('INNGEST_DEV', '1');
    try {
      const { GET } = await import('@/app/api/inngest/route');
      const { handlers } = await import('@/lib/engine/handlers');
      const response = await GET(new Request('http://localhost:3000/api/inngest') as never, undefined as never);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ mode: 'dev', function_count: expect.any(Number) });
      expect(handlers.length).toBeGreaterThanOrEqual(0);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
