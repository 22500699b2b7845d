import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFlowSettings } from '@/lib/db/queries/flow-settings';
import { setOrderFlowState } from '@/lib/db/queries/order-settings';
import { orderFlowSettings } from '@/lib/flows/orders/settings';
import { previewLatestOrder, readOnboarding, saveOnboarding, switchOnChosenFlows } from '@/lib/onboarding';
import { stockFlowSettings } from '@/lib/flows/stock/settings';
import { PIPELINE_STORE as STORE, startOrderPipeline, type OrderPipeline } from '../../helpers/order-pipeline';
import { FVR_ARTICLES } from '../flows/orders/harness';

/** The wizard's test step and switch: the latest real order through the flow, nothing sent; then the chosen flows on. */
describe('onboarding test with one real order, and switching on', () => {
  let pipeline: OrderPipeline;
  const documents = () => pipeline.av.state.companies.find((c) => c.code === 'FVR')?.tables.SO_HDR?.length ?? 0;

  beforeAll(async () => {
    pipeline = await startOrderPipeline();
    // The wizard runs before the flow is on: nothing may be exported behind the merchant's back.
    await setOrderFlowState(pipeline.database.db, STORE, { enabled: false });
  }, 120_000);
  afterAll(async () => {
    await pipeline?.close();
  });

  it('shows exactly the sales order the latest order would become, without sending it', async () => {
    const product = (pipeline.bc.state.stores[STORE]?.data.products ?? []).find((p) => p.variants.length <= 1 && FVR_ARTICLES.some((a) => a.code === p.sku));
    const order = pipeline.bc.orders.create(STORE, { status_id: 11, products: [{ product_id: product!.id, quantity: 3 }] });
    await pipeline.bc.webhooks.settle();
    await pipeline.runner.drain();
    const before = documents();

    const preview = await previewLatestOrder(STORE);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.label).toBe(`order ${order.id}`);
    expect(preview.outcome).toBe('created');
    const salesOrder = preview.writes.find((w) => w.businessObject === 'SO1');
    expect(salesOrder?.kind).toBe('insert');
    expect(salesOrder?.fields.COMMENT1).toBe(`BC-${order.id}`);
    expect(salesOrder?.lines.find((l) => l.ART_CODE === product!.sku)?.ORD_QTY).toBe(3);
    // Plain values only: the page hands them to the browser as they are.
    for (const w of preview.writes) for (const v of Object.values(w.fields)) expect(['string', 'number', 'boolean'].includes(typeof v) || v === null).toBe(true);
    expect(documents()).toBe(before);
  });

  it('tells a store without AccountView what to do instead of failing', async () => {
    await pipeline.database.db.execute((await import('drizzle-orm')).sql`delete from accountview_connections where store_hash = ${STORE}`);
    const preview = await previewLatestOrder(STORE);
    expect(preview).toMatchObject({ ok: false, message: expect.stringMatching(/AccountView is not connected/) });
  });

  it('switches the chosen flows on and finishes the wizard', async () => {
    await saveOnboarding(pipeline.database.db, STORE, { step: 'switch-on', flows: ['orders', 'stock'] });
    await switchOnChosenFlows(pipeline.database.db, STORE, new Date('2026-11-29T06:00:00Z'));
    const orders = await readFlowSettings(pipeline.database.db, STORE, 'orders', orderFlowSettings);
    const stock = await readFlowSettings(pipeline.database.db, STORE, 'stock', stockFlowSettings);
    expect([orders.enabled, orders.paused, stock.enabled]).toEqual([true, false, true]);
    expect(await readOnboarding(pipeline.database.db, STORE)).toMatchObject({ step: 'done', finishedAt: '2026-11-29T06:00:00.000Z' });
  });
});
