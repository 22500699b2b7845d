import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountViewFor } from '@/lib/accountview-connection';
import { orderCoverage } from '@/lib/activity/coverage';
import type { OrderListQuery } from '@/lib/bigcommerce';
import { bigCommerceFor } from '@/lib/store-clients';
import { retryRecord, retryRecords, retryRun, planRetry, NothingToRetryError } from '@/lib/activity/retry';
import { openFailures } from '@/lib/db/queries/activity';
import { saveFlowSettings, setFlowState } from '@/lib/db/queries/flow-settings';
import { createIdMap } from '@/lib/db/queries/id-map';
import { listRecords, listRuns } from '@/lib/db/queries/runs';
import type { EngineEvent, FlowContext } from '@/lib/engine';
import { customerHandlers } from '@/lib/flows/customers';
import { stockFlowSettings, stockHandlers } from '@/lib/flows/stock';
import { PIPELINE_STORE as STORE, startOrderPipeline, type OrderPipeline } from '../../helpers/order-pipeline';
import { FVR_ARTICLES } from '../flows/orders/harness';
import { memoryLog, memoryStep } from '../flows/orders/fakes';

describe('planning a retry', () => {
  it('exports failed orders again by id, refunds through their order, each order once', () => {
    const plan = planRetry('store1', [
      { flow: 'orders', entity: 'order', sourceId: '1002' },
      { flow: 'orders', entity: 'refund', sourceId: '1001:r1' },
      { flow: 'orders', entity: 'order', sourceId: '1001' },
    ]);
    expect(plan.events).toEqual([{ name: 'orders/export.requested', data: { storeHash: 'store1', orderIds: [1001, 1002], trigger: 'retry' } }]);
    expect(plan.forget).toEqual([]);
    expect(plan.message).toBe('2 orders are being exported again.');
  });

  it('makes the next run of the other flows read and send exactly the failed records', () => {
    const plan = planRetry('store1', [
      { flow: 'products', entity: 'article', sourceId: 'FIETS-02' },
      { flow: 'products', entity: 'article-image', sourceId: 'FIETS-02' },
      { flow: 'stock', entity: 'stock', sourceId: 'BEL-01' },
      { flow: 'customers', entity: 'debtor', sourceId: 'D100' },
    ]);
    expect(plan.forget).toEqual([
      { entity: 'product', sourceIds: ['FIETS-02'] },
      { entity: 'product-image', sourceIds: ['FIETS-02'] },
      { entity: 'stock', sourceIds: ['BEL-01'] },
      { entity: 'customer', sourceIds: ['D100'] },
    ]);
    expect(plan.checkpoints).toEqual(['products.articles', 'customers.sync']);
    expect(plan.events.map((e) => [e.name, e.data])).toEqual([
      ['accountview/products.sync-requested', { storeHash: 'store1', trigger: 'retry' }],
      ['accountview/stock.sync-requested', { storeHash: 'store1', trigger: 'retry' }],
      ['accountview/customers.sync-requested', { storeHash: 'store1', trigger: 'retry' }],
    ]);
  });

  it('refuses when there is nothing to retry', () => {
    expect(() => planRetry('store1', [])).toThrow(NothingToRetryError);
  });
});

/** Retries against the real flows, simulators and database. */
describe('retrying failed records', () => {
  let pipeline: OrderPipeline;
  const sent: EngineEvent[] = [];

  beforeAll(async () => {
    pipeline = await startOrderPipeline();
  }, 120_000);
  afterAll(async () => {
    await pipeline?.close();
  });

  const deps = () => ({
    db: pipeline.database.db,
    send: async (event: EngineEvent) => {
      sent.push(event);
      await pipeline.runner.send(event);
    },
  });

  it('exports an order that failed for a missing article once the article exists', async () => {
    const { bc, runner, database } = pipeline;
    const products = bc.state.stores[STORE]?.data.products ?? [];
    const product = products.find((p) => p.variants.length <= 1 && FVR_ARTICLES.some((a) => a.code === p.sku));
    const article = FVR_ARTICLES.find((a) => a.code === product?.sku);
    expect(article, 'a simple BigCommerce product with an AccountView article').toBeDefined();
    // The bookkeeper removed the article in AccountView: orders for it cannot be exported.
    const company = pipeline.av.state.companies.find((c) => c.code === 'FVR')!;
    company.tables.ARTICLE = (company.tables.ARTICLE ?? []).filter((r) => String(r.ART_CODE).trim() !== article!.code);
    const order = bc.orders.create(STORE, { status_id: 11, products: [{ product_id: product!.id, quantity: 1 }] });
    await bc.webhooks.settle();
    await runner.drain();

    const [failed] = await listRecords(database.db, STORE, { search: String(order.id), outcome: 'failed' });
    expect(failed?.message).toBeTruthy();
    expect((await openFailures(database.db, STORE)).map((f) => f.sourceId)).toContain(String(order.id));

    // Retrying before the cause is fixed fails again, and says so.
    await retryRecord(deps(), STORE, failed!.id);
    await runner.drain();
    expect((await listRecords(database.db, STORE, { search: String(order.id) }))[0]?.outcome).toBe('failed');

    const accountview = await accountViewFor(STORE);
    await accountview.insert('AK1', { fields: { ART_CODE: article!.code, ART_DESC1: article!.code, VAT_CODE: article!.vat } });
    const plan = await retryRecord(deps(), STORE, failed!.id);
    expect(plan.message).toBe(`Order ${order.id} is being exported again.`);
    await runner.drain();

    const [latest] = await listRecords(database.db, STORE, { search: String(order.id), flow: 'orders' });
    expect(latest).toMatchObject({ outcome: 'created' });
    expect(latest?.targetRef).toBeTruthy();
    expect((await listRuns(database.db, STORE, { flow: 'orders' }))[0]?.trigger).toBe('retry');
    expect((await openFailures(database.db, STORE)).map((f) => f.sourceId)).not.toContain(String(order.id));
    const headers = pipeline.av.state.companies.find((c) => c.code === 'FVR')?.tables.SO_HDR ?? [];
    expect(headers.filter((h) => String(h.COMMENT1).trim() === `BC-${order.id}`)).toHaveLength(1);
  }, 120_000);

  it('lists every BigCommerce order of a period with its AccountView document, and the gaps', async () => {
    const { bc, runner, database } = pipeline;
    const client = await bigCommerceFor(STORE);
    const idMap = createIdMap(database.db, STORE);
    const ports = { listOrders: (query: OrderListQuery) => client!.listOrders(query), exported: (ids: readonly string[]) => idMap.getMany('order', ids) };
    const product = (bc.state.stores[STORE]?.data.products ?? []).find((p) => p.variants.length <= 1 && FVR_ARTICLES.some((a) => a.code === p.sku))!;
    const paid = bc.orders.create(STORE, { status_id: 11, products: [{ product_id: product.id, quantity: 1 }] });
    const pending = bc.orders.create(STORE, { status_id: 1, products: [{ product_id: product.id, quantity: 1 }] });
    await bc.webhooks.settle();
    await runner.drain();
    const lost = bc.orders.create(STORE, { status_id: 11, products: [{ product_id: product.id, quantity: 2 }] });
    // Its export never happened (a webhook lost and the poll not yet run): the id-map has no entry.
    await bc.webhooks.settle();
    await runner.drain();
    await idMap.remove('order', String(lost.id));

    const period = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 60_000) };
    const report = await orderCoverage(ports, period, [11]);
    const row = (id: number) => report.rows.find((r) => r.orderId === id);
    expect(row(paid.id)).toMatchObject({ state: 'exported' });
    expect(row(paid.id)?.detail).toBeTruthy();
    expect(row(pending.id)).toMatchObject({ state: 'not-due', detail: null });
    expect(row(lost.id)).toMatchObject({ state: 'missing' });
    expect(report.gaps).toContain(lost.id);
    expect(report.gaps).not.toContain(paid.id);
    expect(report.truncated).toBe(false);
    expect(report.rows.map((r) => r.orderId)).toEqual([...report.rows.map((r) => r.orderId)].sort((a, b) => b - a));
    expect((await orderCoverage(ports, { from: new Date(Date.now() - 3 * 86_400_000), to: new Date(Date.now() - 2 * 86_400_000) }, [11])).rows).toEqual([]);
  }, 60_000);

  it('refuses to retry a record that did not fail, or another store\'s record', async () => {
    const [done] = await listRecords(pipeline.database.db, STORE, { outcome: 'created' });
    await expect(retryRecord(deps(), STORE, done!.id)).rejects.toThrow('Only failed records can be retried.');
    await expect(retryRecord(deps(), 'otherstore', done!.id)).rejects.toThrow(NothingToRetryError);
    const [failedRun] = await listRuns(pipeline.database.db, STORE, { outcome: 'failed' });
    await expect(retryRun(deps(), 'otherstore', failedRun!.id)).rejects.toThrow(NothingToRetryError);
  });

  it('makes the next stock run send exactly the retried levels again', async () => {
    const { bc, database } = pipeline;
    const context = (): FlowContext => ({ storeHash: STORE, runId: 'retry-stock', trigger: 'retry', step: memoryStep(), log: memoryLog() });
    expect((await saveFlowSettings(database.db, STORE, 'stock', stockFlowSettings, {})).ok).toBe(true);
    await setFlowState(database.db, STORE, 'stock', { enabled: true });
    await stockHandlers[0]!.handle(context(), [{ storeHash: STORE }]);

    // Two levels drift in BigCommerce; the app does not know (its hashes say both were sent).
    const data = bc.state.stores[STORE]!.data;
    const sentSkus = (await createIdMap(database.db, STORE).listByPrefix('stock', '')).filter((e) => e.contentHash).map((e) => e.sourceId);
    const [retried, untouched] = sentSkus;
    expect(untouched).toBeDefined();
    const variantOf = (sku: string) => data.products.flatMap((p) => (p.variants.length > 0 ? p.variants : [p.base_variant])).find((v) => v.sku.toLowerCase() === sku.toLowerCase())!;
    const level = (sku: string) => data.stock.find((s) => s.location_id === 1 && s.variant_id === variantOf(sku).id)!;
    const before = { retried: level(retried!).on_hand, untouched: level(untouched!).on_hand };
    level(retried!).on_hand = 999;
    level(untouched!).on_hand = 999;

    await stockHandlers[0]!.handle(context(), [{ storeHash: STORE }]);
    expect(level(retried!).on_hand).toBe(999);

    const plan = await retryRecords({ db: database.db, send: async (e) => void sent.push(e) }, STORE, [{ flow: 'stock', entity: 'stock', sourceId: retried! }]);
    expect(plan.events.map((e) => e.name)).toEqual(['accountview/stock.sync-requested']);
    await stockHandlers[0]!.handle(context(), [{ storeHash: STORE }]);
    expect(level(retried!).on_hand).toBe(before.retried);
    expect(level(untouched!).on_hand).toBe(999);
    expect(before.untouched).not.toBe(999);
  }, 60_000);

  it('makes the next customers run send a debtor again even though it did not change', async () => {
    const { bc, database } = pipeline;
    const context = (): FlowContext => ({ storeHash: STORE, runId: 'retry-customers', trigger: 'retry', step: memoryStep(), log: memoryLog() });
    await setFlowState(database.db, STORE, 'customers', { enabled: true });
    await customerHandlers[0]!.handle(context(), [{ storeHash: STORE }]);
    const customers = createIdMap(database.db, STORE);
    const [debtor] = (await customers.listByPrefix('customer', '')).filter((e) => e.state === 'done');
    expect(debtor).toBeDefined();
    const bcCustomer = () => bc.state.stores[STORE]!.data.customers.find((c) => String(c.id) === debtor!.targetId)!;
    const name = bcCustomer().first_name;
    bcCustomer().first_name = 'Changed in BigCommerce';

    await customerHandlers[0]!.handle(context(), [{ storeHash: STORE }]);
    expect(bcCustomer().first_name).toBe('Changed in BigCommerce');

    await retryRecords({ db: database.db, send: async (e) => void sent.push(e) }, STORE, [{ flow: 'customers', entity: 'debtor', sourceId: debtor!.sourceId }]);
    const summary = await customerHandlers[0]!.handle(context(), [{ storeHash: STORE }]);
    expect(bcCustomer().first_name).toBe(name);
    expect(summary?.message).toMatch(/1 updated/);
  }, 60_000);
});
