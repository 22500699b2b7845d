import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountViewFor } from '@/lib/accountview-connection';
import { createIdMap } from '@/lib/db/queries/id-map';
import { defaultProductFlowSettings, PRODUCT_ENTITY } from '@/lib/flows/products';
import { previewProducts } from '@/lib/previews/products';
import { PIPELINE_STORE as STORE, startOrderPipeline, type OrderPipeline } from '@/tests/helpers/order-pipeline';

/**
 * The products preview against both simulators and a real database: the store "fietsenwinkel" connected
 * to AccountView FVR. Whatever it previews, BigCommerce receives no write and the id-map stays as it was.
 */
describe('previewProducts', () => {
  let pipeline: OrderPipeline;
  const writesToStore = () => pipeline.bc.requests.filter((r) => r.method !== 'GET').length;
  const idMapRows = async (codes: string[]) => (await createIdMap(pipeline.database.db, STORE, pipeline.database.lock).getMany(PRODUCT_ENTITY, codes)).size;

  beforeAll(async () => {
    pipeline = await startOrderPipeline();
    const av = await accountViewFor(STORE);
    await av.insert('AK1', { fields: { ART_CODE: 'PREV-0001', ART_DESC1: 'Zadeltas waterdicht', ART_DESC2: '12 liter', PX_SELL: 41.32, WEIGHT: 0.8, VAT_CODE: '2', UNIT_CODE: 'ST' } });
  }, 120_000);
  afterAll(async () => {
    await pipeline?.close();
  });

  it('shows the create body of a new article and the update of a product that was in the store, sending nothing', async () => {
    const before = writesToStore();
    const preview = await previewProducts(STORE, { articleCodes: ['PREV-0001', 'BEL-MESSING'] });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    const created = preview.articles.find((a) => a.code === 'PREV-0001');
    expect(created).toMatchObject({ action: 'create', body: { name: 'Zadeltas waterdicht', sku: 'PREV-0001', price: 50, weight: 0.8, meta_description: '12 liter', type: 'physical' } });
    const bell = preview.articles.find((a) => a.code === 'BEL-MESSING');
    const storeBell = pipeline.bc.state.stores[STORE]?.data.products.find((p) => p.sku === 'BEL-MESSING');
    expect(bell).toMatchObject({ action: 'update', adopted: true, productId: storeBell?.id });
    // Create-only fields stay out of an update.
    expect(bell?.action === 'update' && 'description' in bell.body).toBe(false);
    expect(preview.articles).toHaveLength(2);
    expect(preview.writes.some((w) => w.method === 'POST' && w.path === '/v3/catalog/products')).toBe(true);
    expect(writesToStore()).toBe(before);
    expect(await idMapRows(['PREV-0001', 'BEL-MESSING'])).toBe(0);
  });

  it('previews proposed overrides and settings instead of the stored ones', async () => {
    const preview = await previewProducts(STORE, {
      articleCodes: ['PREV-0001'],
      mapping: { name: 'ART_CODE & " – " & ART_DESC1' },
      settings: { ...defaultProductFlowSettings(), fieldModes: { description: 'always' } },
    });
    expect(preview.ok && preview.articles[0]).toMatchObject({ action: 'create', body: { name: 'PREV-0001 – Zadeltas waterdicht', description: '<p>Zadeltas waterdicht</p><p>12 liter</p>' } });
  });

  it('refuses an expression that does not compile, naming the field', async () => {
    const preview = await previewProducts(STORE, { articleCodes: ['PREV-0001'], mapping: { meta_description: 'ART_DESC2 & (' } });
    expect(preview).toMatchObject({ ok: false, field: 'meta_description' });
  });

  it('names the field whose expression fails on an article, with the hint', async () => {
    const preview = await previewProducts(STORE, { articleCodes: ['PREV-0001'], mapping: { weight: '"zwaar"' } });
    expect(preview.ok && preview.articles[0]).toMatchObject({ code: 'PREV-0001', action: 'failed', field: 'weight', hint: expect.stringMatching(/mapping/) });
  });

  it('without article codes reads the most recently changed articles, at most the limit', async () => {
    const preview = await previewProducts(STORE, { limit: 2 });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.articles).toHaveLength(2);
    const rows = pipeline.av.state.companies.find((c) => c.code === 'FVR')?.tables.ARTICLE ?? [];
    const changed = (code: string) => new Date(String(rows.find((r) => String(r.ART_CODE).trim() === code)?.CNG_DATE)).getTime();
    const oldestShown = Math.min(...preview.articles.map((a) => changed(a.code)));
    const newestLeftOut = Math.max(...rows.map((r) => String(r.ART_CODE).trim()).filter((c) => !preview.articles.some((a) => a.code === c)).map(changed));
    expect(oldestShown).toBeGreaterThanOrEqual(newestLeftOut);
  });
});
