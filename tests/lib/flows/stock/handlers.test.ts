import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveFlowSettings, setFlowState } from '@/lib/db/queries/flow-settings';
import type { FlowContext } from '@/lib/engine';
import { customerHandlers } from '@/lib/flows/customers';
import { stockFlowSettings, stockHandlers } from '@/lib/flows/stock';
import { PIPELINE_STORE as STORE, startOrderPipeline, type OrderPipeline } from '../../../helpers/order-pipeline';
import { memoryLog, memoryStep } from '../orders/fakes';

/**
 * The stock and customers handlers as an engine calls them: the store's clients, settings and id-map
 * come from the database (the composition the flow tests bypass), and a switched-off flow sends nothing.
 */
describe('stock and customers handlers', () => {
  let pipeline: OrderPipeline;

  beforeAll(async () => {
    pipeline = await startOrderPipeline();
  }, 120_000);
  afterAll(async () => {
    await pipeline?.close();
  });

  const context = (): FlowContext => ({ storeHash: STORE, runId: 'handler-test', trigger: 'manual', step: memoryStep(), log: memoryLog() });
  const stock = stockHandlers[0]!;
  const customers = customerHandlers[0]!;
  const adjustments = () => pipeline.bc.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/v3/inventory/adjustments/absolute')).length;
  const customerPosts = () => pipeline.bc.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/v3/customers')).length;

  it('sends nothing while switched off, the levels once switched on, and nothing on the next run', async () => {
    const off = await stock.handle(context(), [{ storeHash: STORE }]);
    expect(off?.message).toMatch(/switched off/);
    expect(adjustments()).toBe(0);

    expect((await saveFlowSettings(pipeline.database.db, STORE, 'stock', stockFlowSettings, {})).ok).toBe(true);
    await setFlowState(pipeline.database.db, STORE, 'stock', { enabled: true });
    await stock.handle(context(), [{ storeHash: STORE }]);
    const sent = adjustments();
    expect(sent).toBeGreaterThan(0);
    await stock.handle(context(), [{ storeHash: STORE }]);
    expect(adjustments()).toBe(sent);
  });

  it('creates BigCommerce customers from debtors once switched on', async () => {
    expect((await customers.handle(context(), [{ storeHash: STORE }]))?.message).toMatch(/switched off/);
    expect(customerPosts()).toBe(0);
    await setFlowState(pipeline.database.db, STORE, 'customers', { enabled: true });
    const summary = await customers.handle(context(), [{ storeHash: STORE }]);
    expect(summary?.message).toMatch(/created/);
    expect(customerPosts()).toBeGreaterThan(0);
  });
});
