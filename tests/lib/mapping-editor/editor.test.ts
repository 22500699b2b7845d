import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountViewFor } from '@/lib/accountview-connection';
import { readFlowSettings } from '@/lib/db/queries/flow-settings';
import { readOrderSettings } from '@/lib/db/queries/order-settings';
import { productFlowSettings, PRODUCTS_FLOW } from '@/lib/flows/products';
import { dryRunOrders, dryRunProducts } from '@/lib/mapping-editor/dry-run';
import { loadEditor, previewMapping, saveMapping } from '@/lib/mapping-editor/editor';
import { restoreDefault } from '@/lib/mapping-editor/fields';
import { PIPELINE_STORE as STORE, startOrderPipeline, type OrderPipeline } from '@/tests/helpers/order-pipeline';
import { FVR_ARTICLES } from '@/tests/lib/flows/orders/harness';

/**
 * The data mapper's server side on the store "fietsenwinkel" (AccountView FVR), both simulators and a
 * real database: sample fields, live preview, saving with checks, restoring a default, dry runs.
 * Tests run in order; later ones see what earlier ones saved.
 */
describe('data mapper', () => {
  let pipeline: OrderPipeline;
  const orderIds: number[] = [];
  const writesToStore = () => pipeline.bc.requests.filter((r) => r.method !== 'GET').length;
  const savedOrderMapping = async () => {
    const s = await readOrderSettings(pipeline.database.db, STORE);
    return s.ok ? s.mapping : undefined;
  };
  const savedProducts = async () => {
    const s = await readFlowSettings(pipeline.database.db, STORE, PRODUCTS_FLOW, productFlowSettings);
    if (!s.ok) throw new Error('products settings');
    return s;
  };

  beforeAll(async () => {
    pipeline = await startOrderPipeline();
    const products = (pipeline.bc.state.stores[STORE]?.data.products ?? []).filter((p) => p.variants.length <= 1 && FVR_ARTICLES.some((a) => a.code === p.sku));
    for (const [i, product] of products.slice(0, 3).entries()) {
      orderIds.push(pipeline.bc.orders.create(STORE, { status_id: 11, products: [{ product_id: product.id, quantity: i + 1 }] }).id);
    }
    await pipeline.bc.webhooks.settle();
    await pipeline.runner.drain();
    const av = await accountViewFor(STORE);
    await av.insert('AK1', { fields: { ART_CODE: 'MAP-0001', ART_DESC1: 'Fietspomp', ART_DESC2: 'Met manometer', PX_SELL: 20.66, WEIGHT: 0.6, VAT_CODE: '2', UNIT_CODE: 'ST' } });
  }, 120_000);
  afterAll(async () => {
    await pipeline?.close();
  });

  it('offers the fields present in the latest order and the latest article', async () => {
    const orders = await loadEditor(STORE, 'orders');
    expect(orders.sample).toMatchObject({ ok: true, id: String(orderIds.at(-1)) });
    const paths = orders.sample.ok ? orders.sample.fields.map((f) => f.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['id', 'billing_address.first_name', 'billing_address.zip', 'total_inc_tax']));
    expect(orders.sample.ok && orders.sample.deliveryFields?.map((f) => f.path)).toEqual(expect.arrayContaining(['street_1', 'zip']));
    const products = await loadEditor(STORE, 'products');
    if (!products.sample.ok) throw new Error(products.sample.reason);
    // The most recently changed article (several may share the change time), with what AccountView holds.
    const row = (pipeline.av.state.companies.find((c) => c.code === 'FVR')?.tables.ARTICLE ?? []).find((r) => String(r.ART_CODE).trim() === (products.sample.ok ? products.sample.id : ''));
    expect(products.sample.fields).toEqual(expect.arrayContaining([{ path: 'ART_CODE', example: JSON.stringify(String(row?.ART_CODE).trim()) }, { path: 'ART_DESC1', example: JSON.stringify(String(row?.ART_DESC1).trim()) }]));
    expect(products.sample.fields.some((f) => f.path === 'IMG_M_DATA')).toBe(false);
    expect(products.fields.find((f) => f.key === 'description')?.mode).toBe('create-only');
  });

  it('previews an orders expression on the latest order, sending nothing', async () => {
    const before = writesToStore();
    const preview = await previewMapping(STORE, 'orders', { mapping: { 'salesOrder.COMMENT2': '"Webshop " & $orderId' } });
    expect(preview).toMatchObject({ ok: true, record: { state: 'sent', id: String(orderIds.at(-1)) } });
    // On the sample the editor shows, when given.
    expect(await previewMapping(STORE, 'orders', { mapping: {} }, String(orderIds[0]))).toMatchObject({ ok: true, record: { id: String(orderIds[0]) } });
    if (!preview.ok) return;
    expect((preview.record.sent['Sales order'] as { fields: Record<string, unknown> }).fields.COMMENT2).toBe(`Webshop ${orderIds.at(-1)}`);
    expect(writesToStore()).toBe(before);
  });

  it('shows the error at the field when an expression does not compile or fails on the sample', async () => {
    expect(await previewMapping(STORE, 'orders', { mapping: { 'salesOrder.COMMENT2': '"Webshop " & (' } })).toMatchObject({ ok: false, problems: [{ fieldKey: 'salesOrder.COMMENT2' }] });
    expect(await previewMapping(STORE, 'orders', { mapping: { 'salesOrder.lines.ORD_QTY': '"twee"' } })).toMatchObject({ ok: true, record: { state: 'failed', fieldKey: 'salesOrder.lines.ORD_QTY' } });
    expect(await previewMapping(STORE, 'products', { mapping: { price: 'PX_SELL &' } })).toMatchObject({ ok: false, problems: [{ fieldKey: 'price' }] });
    expect(await previewMapping(STORE, 'products', { mapping: { price: '"gratis"' } }, 'MAP-0001')).toMatchObject({ ok: true, record: { state: 'failed', fieldKey: 'price' } });
  });

  it('previews a products expression and a mode on the latest article', async () => {
    const preview = await previewMapping(STORE, 'products', { mapping: { name: 'ART_DESC1 & " – " & ART_DESC2' }, fieldModes: { description: 'always' } }, 'MAP-0001');
    expect(preview).toMatchObject({ ok: true, record: { id: 'MAP-0001', state: 'sent', sent: { Product: { name: 'Fietspomp – Met manometer', price: 25 } } } });
  });

  it('refuses to save an invalid expression, with the reason at the field, and saves nothing', async () => {
    const orders = await saveMapping(STORE, 'orders', { mapping: { 'salesOrder.lines.ORD_QTY': '"twee"' } });
    expect(orders).toMatchObject({ ok: false, problems: [{ fieldKey: 'salesOrder.lines.ORD_QTY', reason: expect.stringContaining('ORD_QTY') }] });
    expect(await savedOrderMapping()).toEqual({});
    const products = await saveMapping(STORE, 'products', { mapping: { weight: '"zwaar"' } });
    // One problem per field, however many articles it failed on.
    expect(products).toMatchObject({ ok: false, problems: [{ fieldKey: 'weight', reason: expect.stringMatching(/expected a number.*and \d+ more article/) }] });
    expect((await savedProducts()).mapping).toEqual({});
  });

  it('dry-runs a mapping change over the latest orders: a field-level diff per order', async () => {
    const run = await dryRunOrders(STORE, { mapping: { 'salesOrder.COMMENT2': '"Webshop " & $orderId' } });
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    for (const id of orderIds) {
      const record = run.records.find((r) => r.id === String(id));
      expect(record?.changes).toEqual([{ path: 'Sales order.fields.COMMENT2', before: expect.stringContaining(`BigCommerce order ${id}`), after: `"Webshop ${id}"` }]);
    }
    expect(run.changed).toBeGreaterThanOrEqual(orderIds.length);
    // Nothing proposed, nothing changes.
    const same = await dryRunOrders(STORE, {});
    expect(same.ok && same.changed).toBe(0);
  });

  it('dry-runs a settings change for the orders flow and refuses invalid settings', async () => {
    const run = await dryRunOrders(STORE, { settings: { documentType: 'sales-invoice' } });
    const record = run.ok ? run.records.find((r) => r.id === String(orderIds[0])) : undefined;
    expect(record?.changes.some((c) => c.path.startsWith('Sales invoice.'))).toBe(true);
    expect(record?.changes.some((c) => c.path.startsWith('Sales order.') && c.after === undefined)).toBe(true);
    expect(await dryRunOrders(STORE, { settings: { documentType: 'quote' as never } })).toMatchObject({ ok: false, problems: [expect.stringContaining('documentType')] });
  });

  it('dry-runs products over the recently changed articles, for mapping and settings', async () => {
    const run = await dryRunProducts(STORE, { mapping: { name: 'ART_CODE & "!"' }, settings: { defaultWeight: 2 } }, 5);
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.records).toHaveLength(5);
    for (const record of run.records) expect(record.changes).toContainEqual({ path: 'Product.name', before: expect.any(String), after: JSON.stringify(`${record.id}!`) });
    // Articles without a weight get the new default weight.
    expect(run.records.some((r) => r.changes.some((c) => c.path === 'Product.weight' && c.after === '2'))).toBe(true);
  });

  it('saves a valid mapping and mode, uses it, and restores a default', async () => {
    const saved = await saveMapping(STORE, 'products', { mapping: { name: 'ART_DESC1 & " (" & ART_CODE & ")"', sku: 'ART_CODE' }, fieldModes: { description: 'always', price: 'always' } });
    expect(saved).toMatchObject({ ok: true, mapping: { name: 'ART_DESC1 & " (" & ART_CODE & ")"' } });
    const stored = await savedProducts();
    // The default expression (sku) and the default mode (price) are not stored.
    expect(stored.mapping).toEqual({ name: 'ART_DESC1 & " (" & ART_CODE & ")"' });
    expect(stored.settings.fieldModes).toEqual({ description: 'always' });
    const preview = await previewMapping(STORE, 'products', { mapping: stored.mapping, fieldModes: stored.settings.fieldModes }, 'MAP-0001');
    expect(preview).toMatchObject({ ok: true, record: { sent: { Product: { name: 'Fietspomp (MAP-0001)' } } } });

    const restored = await saveMapping(STORE, 'products', { mapping: restoreDefault(stored.mapping, 'name'), fieldModes: stored.settings.fieldModes });
    expect(restored.ok).toBe(true);
    expect((await savedProducts()).mapping).toEqual({});
  });
});
