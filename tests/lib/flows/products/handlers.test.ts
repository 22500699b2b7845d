import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { accountViewFor } from '@/lib/accountview-connection';
import type { AccountViewClient } from '@/lib/accountview';
import { readCheckpoint } from '@/lib/db/queries/checkpoints';
import { saveFlowSettings, setFlowState } from '@/lib/db/queries/flow-settings';
import type { FlowContext } from '@/lib/engine';
import { PRODUCTS_CHECKPOINT, productFlowSettings, productHandlers } from '@/lib/flows/products';
import { PIPELINE_STORE as STORE, startOrderPipeline, type OrderPipeline } from '../../../helpers/order-pipeline';
import { memoryLog, memoryStep, type MemoryLog } from '../orders/fakes';

/**
 * The products handler as an engine calls it: the store's clients, settings, mapping and id-map come
 * from the database (the composition the flow tests bypass). Deterministic: each call is one run.
 */
describe('products handler', () => {
  let pipeline: OrderPipeline;
  let accountview: AccountViewClient;
  const GROUP = 'HNDL';

  beforeAll(async () => {
    pipeline = await startOrderPipeline();
    accountview = await accountViewFor(STORE);
    await accountview.insert('AG1', { fields: { AG_CODE: GROUP, AG_DESC: 'Handler test' } });
    const article = (fields: Record<string, string | number>) => accountview.insert('AK1', { fields: { AG_CODE: GROUP, VAT_CODE: '2', UNIT_CODE: 'ST', WEIGHT: 0.1, ...fields } });
    await article({ ART_CODE: 'HNDL-BEL', ART_DESC1: 'Bel handler', PX_SELL: 8.22 });
    await article({ ART_CODE: 'HNDL-JAS-S', ART_DESC1: 'Regenjas maat S', PX_SELL: 49.55, MAIN_ART: 'HNDL-JAS', VAR_SIZE: 'S' });
    await article({ ART_CODE: 'HNDL-JAS-M', ART_DESC1: 'Regenjas maat M', PX_SELL: 49.55, MAIN_ART: 'HNDL-JAS', VAR_SIZE: 'M' });
  }, 120_000);
  afterAll(async () => {
    await pipeline?.close();
  });

  const products = productHandlers[0]!;
  const run = async (log: MemoryLog = memoryLog()) => {
    const context: FlowContext = { storeHash: STORE, runId: 'products-handler-test', trigger: 'manual', step: memoryStep(), log };
    return { summary: await products.handle(context, [{ storeHash: STORE }]), log };
  };
  const catalogWrites = () => pipeline.bc.requests.filter((r) => r.method !== 'GET' && r.path.includes('/v3/catalog/')).length;
  const checkpoint = () => readCheckpoint(pipeline.database.db, STORE, PRODUCTS_CHECKPOINT);

  it('sends nothing and moves no checkpoint while switched off', async () => {
    const { summary } = await run();
    expect(summary?.message).toMatch(/switched off/);
    expect(catalogWrites()).toBe(0);
    expect(await checkpoint()).toBeUndefined();
  });

  it('once switched on, creates the products and the family, moves the checkpoint, and writes nothing on the next run', async () => {
    expect((await saveFlowSettings(pipeline.database.db, STORE, 'products', productFlowSettings, { articleGroups: [GROUP] })).ok).toBe(true);
    await setFlowState(pipeline.database.db, STORE, 'products', { enabled: true });
    const { summary } = await run();
    expect(summary?.message).toBe(
      'Products: 1 created, 0 updated, 0 unchanged, 0 failed. Categories: 1 created, 0 renamed. Variant families: 1 created, 0 updated, 0 unchanged; variants: 2 created, 0 updated.',
    );
    const reached = await checkpoint();
    expect(reached).toBeInstanceOf(Date);

    const writes = catalogWrites();
    const again = await run();
    // Read again: the articles changed at or after the newest change date seen (at least that one); no write for any.
    const [, products, families] = /^Products: 0 created, 0 updated, (\d+) unchanged, 0 failed\.(?: Variant families: 0 created, 0 updated, (\d+) unchanged; variants: 0 created, 0 updated\.)?$/.exec(again.summary?.message ?? '') ?? [];
    expect(products).toBeDefined();
    const skipped = Number(products) + Number(families ?? 0);
    expect(skipped).toBeGreaterThanOrEqual(1);
    expect(again.summary?.counts).toEqual({ skipped });
    expect(catalogWrites()).toBe(writes);
    expect(await checkpoint()).toEqual(reached);
  });

  it('holds the checkpoint while an article fails, reads it again, and moves on once it is fixed', async () => {
    const before = await checkpoint();
    // A family article without a size cannot be told apart from the others.
    await accountview.insert('AK1', { fields: { ART_CODE: 'HNDL-JAS-XL', ART_DESC1: 'Regenjas XL', AG_CODE: GROUP, VAT_CODE: '2', PX_SELL: 49.55, WEIGHT: 0.1, MAIN_ART: 'HNDL-JAS' } });
    const failing = await run();
    expect(failing.summary?.message).toMatch(/0 created, 0 updated, \d+ unchanged, 1 failed\./);
    expect(failing.log.find('article', 'HNDL-JAS-XL')).toMatchObject({ outcome: 'failed', hint: expect.stringContaining('option fields') as unknown });
    expect(await checkpoint()).toEqual(before);

    const still = await run();
    expect(still.log.find('article', 'HNDL-JAS-XL')?.outcome).toBe('failed');
    expect(await checkpoint()).toEqual(before);

    await accountview.update('AK1', { fields: { ART_CODE: 'HNDL-JAS-XL', VAR_SIZE: 'XL' } });
    const fixed = await run();
    expect(fixed.summary?.message).toMatch(/ 0 failed\. .*variants: 1 created, 0 updated\.$/);
    // Now at the fixed article's change date, the newest one read.
    const [changed] = await accountview.readAll('AK1', { fields: ['ART_CODE', 'CNG_DATE'], filters: [{ field: 'ART_CODE', operator: 'Equal', value: 'HNDL-JAS-XL' }] }, z.object({ CNG_DATE: z.date() }));
    expect((await checkpoint())?.toISOString()).toBe(changed?.CNG_DATE.toISOString());
    expect(fixed.log.find('article', 'HNDL-JAS-XL')?.outcome).toBe('created');
  });

  it('sends nothing while paused', async () => {
    await accountview.update('AK1', { fields: { ART_CODE: 'HNDL-BEL', ART_DESC1: 'Bel handler chroom' } });
    await setFlowState(pipeline.database.db, STORE, 'products', { paused: true });
    const writes = catalogWrites();
    const { summary } = await run();
    expect(summary?.message).toMatch(/paused/);
    expect(catalogWrites()).toBe(writes);
    await setFlowState(pipeline.database.db, STORE, 'products', { paused: false });
    const resumed = await run();
    expect(resumed.summary?.message).toMatch(/^Products: 0 created, 1 updated/);
  });
});
