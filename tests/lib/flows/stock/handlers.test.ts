import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveFlowSettings, setFlowState } from '@/lib/db/queries/flow-settings';
import { listRuns } from '@/lib/db/queries/runs';
import { createRunner } from '@/lib/engine';
import { customerHandlers } from '@/lib/flows/customers';
import { stockFlowSettings, stockHandlers } from '@/lib/flows/stock';
import { PIPELINE_STORE as STORE, startOrderPipeline, type OrderPipeline } from '../../../helpers/order-pipeline';

/**
 * The stock and customers handlers as the engine runs them: the store's clients, settings and id-map
 * come from the database (the composition the flow tests bypass), and a switched-off flow sends nothing.
 */
describe('stock and customers handlers through the runner', () => {
  let pipeline: OrderPipeline;

  beforeAll(async () => {
    pipeline = await startOrderPipeline();
  }, 120_000);
  afterAll(async () => {
    await pipeline?.close();
  });

  // One runner for the file, with no stores for its schedules: only the events a test sends run.
  let runner: ReturnType<typeof createRunner>;
  beforeAll(() => {
    runner = createRunner({ database: pipeline.database, handlers: [...stockHandlers, ...customerHandlers], listStores: async () => [], pollMs: 50 });
    runner.start();
  });
  afterAll(async () => {
    await runner?.stop();
  });

  async function run(name: 'accountview/stock.sync-requested' | 'accountview/customers.sync-requested') {
    await runner.send({ name, data: { storeHash: STORE } });
    await runner.drain();
  }

  const adjustments = () => pipeline.bc.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/v3/inventory/adjustments/absolute')).length;

  it('does nothing while the stock flow is switched off, and says so', async () => {
    await run('accountview/stock.sync-requested');
    expect(adjustments()).toBe(0);
    const [latest] = await listRuns(pipeline.database.db, STORE, { flow: 'stock', limit: 1 });
    expect(latest?.state).toBe('success');
    expect(latest?.error ?? '').toBe('');
  });

  it('sends the levels once switched on, and nothing on the next run', async () => {
    expect((await saveFlowSettings(pipeline.database.db, STORE, 'stock', stockFlowSettings, {})).ok).toBe(true);
    await setFlowState(pipeline.database.db, STORE, 'stock', { enabled: true });
    await run('accountview/stock.sync-requested');
    expect(adjustments()).toBeGreaterThan(0);
    const after = adjustments();
    await run('accountview/stock.sync-requested');
    expect(adjustments()).toBe(after);
  });

  it('creates BigCommerce customers from debtors once switched on', async () => {
    await setFlowState(pipeline.database.db, STORE, 'customers', { enabled: true });
    const before = pipeline.bc.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/v3/customers')).length;
    await run('accountview/customers.sync-requested');
    expect(pipeline.bc.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/v3/customers')).length).toBeGreaterThan(before);
  });
});
