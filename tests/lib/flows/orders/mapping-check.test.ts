import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountViewFor } from '@/lib/accountview-connection';
import { readOrderSettings } from '@/lib/db/queries/order-settings';
import { updateOrderMapping } from '@/lib/flows/orders/handlers';
import { previewOrders } from '@/lib/flows/orders/preview';
import { bigCommerceFor } from '@/lib/store-clients';
import { PIPELINE_STORE as STORE, startOrderPipeline, type OrderPipeline } from '../../../helpers/order-pipeline';
import { FVR_ARTICLES } from './harness';

/** A store's mapping overrides: checked on a real order through a preview of the flow before saving. */
describe('order mapping overrides', () => {
  let pipeline: OrderPipeline;
  let orderId: number;

  beforeAll(async () => {
    pipeline = await startOrderPipeline();
    const product = (pipeline.bc.state.stores[STORE]?.data.products ?? []).find((p) => p.variants.length <= 1 && FVR_ARTICLES.some((a) => a.code === p.sku));
    orderId = pipeline.bc.orders.create(STORE, { status_id: 11, products: [{ product_id: product!.id, quantity: 2 }] }).id;
    await pipeline.bc.webhooks.settle();
    await pipeline.runner.drain();
  }, 120_000);
  afterAll(async () => {
    await pipeline?.close();
  });

  const stored = async () => {
    const settings = await readOrderSettings(pipeline.database.db, STORE);
    return settings.ok ? settings.mapping : undefined;
  };
  const documents = () => pipeline.av.state.companies.find((c) => c.code === 'FVR')?.tables.SO_HDR ?? [];

  it('refuses an expression that does not compile, naming the field, and saves nothing', async () => {
    const result = await updateOrderMapping(STORE, { 'salesOrder.COMMENT2': "'Webshop ' & (" });
    expect(result).toMatchObject({ ok: false, problems: [{ target: 'COMMENT2' }] });
    expect(await stored()).toEqual({});
  });

  it('refuses a key that names no part of the orders mapping', async () => {
    const result = await updateOrderMapping(STORE, { 'invoiceish.COMMENT2': "'x'" });
    expect(result.ok).toBe(false);
    expect(await stored()).toEqual({});
  });

  it('refuses an expression that yields the wrong type on the latest real order', async () => {
    const result = await updateOrderMapping(STORE, { 'salesOrder.lines.ORD_QTY': "'twee'" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.reason).toContain('ORD_QTY');
    expect(await stored()).toEqual({});
  });

  it('previews what would be sent without sending or remembering anything', async () => {
    const before = documents().length;
    const settings = await readOrderSettings(pipeline.database.db, STORE);
    if (!settings.ok) throw new Error('settings');
    const preview = await previewOrders(
      {
        storeHash: STORE,
        bigcommerce: (await bigCommerceFor(STORE))!,
        accountview: await accountViewFor(STORE),
        settings: settings.settings,
        mapping: { 'salesOrder.COMMENT2': "'Preview ' & $orderId" },
        now: () => new Date(),
      },
      [orderId],
    );
    const document = preview.writes.find((w) => w.businessObject === 'SO1');
    expect(document?.record.fields.COMMENT2).toBe(`Preview ${orderId}`);
    expect(preview.summary.created).toBe(1);
    expect(documents().length).toBe(before);
  });

  it('saves a valid override, and the next export uses it', async () => {
    const result = await updateOrderMapping(STORE, { 'salesOrder.COMMENT2': "'Webshop ' & $orderId" });
    expect(result).toMatchObject({ ok: true });
    expect(await stored()).toEqual({ 'salesOrder.COMMENT2': "'Webshop ' & $orderId" });
    const product = (pipeline.bc.state.stores[STORE]?.data.products ?? []).find((p) => FVR_ARTICLES.some((a) => a.code === p.sku));
    const next = pipeline.bc.orders.create(STORE, { status_id: 11, products: [{ product_id: product!.id, quantity: 1 }] }).id;
    await pipeline.bc.webhooks.settle();
    await pipeline.runner.drain();
    const header = documents().find((h) => String(h.COMMENT1).trim() === `BC-${next}`);
    expect(String(header?.COMMENT2).trim()).toBe(`Webshop ${next}`);
  });
});
