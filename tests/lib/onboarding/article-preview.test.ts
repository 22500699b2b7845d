import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountViewFor } from '@/lib/accountview-connection';
import { previewLatestArticle } from '@/lib/onboarding';
import { PIPELINE_STORE as STORE, startOrderPipeline, type OrderPipeline } from '../../helpers/order-pipeline';

/** The wizard's article test: the latest changed AccountView article through the products flow, nothing sent. */
describe('onboarding test with one real article', () => {
  let pipeline: OrderPipeline;
  const products = () => pipeline.bc.state.stores[STORE]?.data.products.length ?? 0;

  beforeAll(async () => {
    pipeline = await startOrderPipeline();
    // The bookkeeper's newest article, not in the store yet (CNG_DATE has whole seconds: a second later than the seeded ones).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await (await accountViewFor(STORE)).insert('AK1', { fields: { ART_CODE: 'WIZARD-TEST', ART_DESC1: 'Fietspomp staand', VAT_CODE: '2', PX_SELL: 24.75 } });
  }, 120_000);
  afterAll(async () => {
    await pipeline?.close();
  });

  it('shows the product the latest article would become, as plain values, without creating it', async () => {
    const before = products();
    const preview = await previewLatestArticle(STORE);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.label).toBe('article WIZARD-TEST');
    expect(preview.outcome).toBe('created');
    const create = preview.writes.find((w) => w.businessObject === 'POST /v3/catalog/products');
    expect(create?.kind).toBe('insert');
    expect(create?.fields).toMatchObject({ sku: 'WIZARD-TEST', name: 'Fietspomp staand' });
    for (const w of preview.writes) for (const v of [...Object.values(w.fields), ...w.lines.flatMap((l) => Object.values(l))]) expect(v === null || ['string', 'number', 'boolean'].includes(typeof v)).toBe(true);
    expect(products()).toBe(before);
  });
});
