import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FVR, NL_STORE, startProductsWorld, type ProductsWorld } from './harness';

/**
 * Article groups → categories at their cost: a run with many new groups reads the tree and the parent's
 * categories once and creates in batches of 50; renames go in one batch; a name BigCommerce refuses fails
 * that one group with a hint, not the run or the other groups.
 */
describe('products flow: article groups become categories in batches', () => {
  let t: ProductsWorld;
  const codes = Array.from({ length: 60 }, (_, i) => `CAT${String(i + 1).padStart(2, '0')}`);
  const settings = { articleGroups: codes, categoryParentId: 0 };

  beforeAll(async () => {
    t = await startProductsWorld();
    const av = t.world.accountview(FVR);
    for (const code of codes) await av.insert('AG1', { fields: { AG_CODE: code, AG_DESC: code === 'CAT60' ? 'Groep CAT01' : `Groep ${code}` } });
  }, 60_000);
  afterAll(async () => t?.close());

  const categoryCalls = (mark: number) =>
    t.world.bc.requests
      .slice(mark)
      .filter((r) => r.path.includes('/v3/catalog/trees'))
      .map((r) => `${r.method} ${r.path.replace(/^.*\/v3/, '/v3')}`);

  async function topLevel(): Promise<Map<string, number>> {
    const response = await t.world.bigcommerce(NL_STORE).request('GET', '/v3/catalog/trees/categories', { query: { 'parent_id:in': [0], limit: 250 } });
    return new Map((response.body as { data: { category_id: number; name: string }[] }).data.map((c) => [c.name, c.category_id]));
  }

  it('creates 60 groups with one tree read, one list read and two batch creates, adopting the one the merchant had', async () => {
    // The merchant had made one of the categories by hand.
    const own = await t.world.bigcommerce(NL_STORE).request('POST', '/v3/catalog/trees/categories', { body: [{ name: 'Groep CAT07', tree_id: 1, parent_id: 0 }] });
    const ownId = (own.body as { data: { category_id: number }[] }).data[0]!.category_id;

    const mark = t.mark();
    const { summary, log } = await t.run(settings);
    expect(categoryCalls(mark)).toEqual(['GET /v3/catalog/trees', 'GET /v3/catalog/trees/categories', 'POST /v3/catalog/trees/categories', 'POST /v3/catalog/trees/categories']);
    // 60 groups: one adopted, two sharing a description → 58 new categories.
    expect(summary.message).toContain('Categories: 58 created, 0 renamed.');
    const shop = await topLevel();
    expect(shop.get('Groep CAT07')).toBe(ownId);
    for (const code of codes.slice(0, 59)) expect(shop.has(`Groep ${code}`), code).toBe(true);
    expect(log.find('article-group', 'CAT60')?.targetRef).toBe(String(shop.get('Groep CAT01')));

    const again = t.mark();
    await t.run(settings);
    expect(categoryCalls(again)).toEqual([]);
  });

  it('renames changed groups in one batch, and fails only the group whose new name is taken', async () => {
    const av = t.world.accountview(FVR);
    await av.update('AG1', { fields: { AG_CODE: 'CAT02', AG_DESC: 'Fietstassen' } });
    await av.update('AG1', { fields: { AG_CODE: 'CAT03', AG_DESC: 'Verlichting' } });
    // Taken by a sibling: BigCommerce refuses two categories of one name under one parent.
    await av.update('AG1', { fields: { AG_CODE: 'CAT04', AG_DESC: 'Groep CAT05' } });
    const before = await topLevel();

    const mark = t.mark();
    const { summary, log } = await t.run(settings);
    expect(categoryCalls(mark)).toEqual([
      'GET /v3/catalog/trees',
      'PUT /v3/catalog/trees/categories',
      // Refused as a whole, then item by item.
      'PUT /v3/catalog/trees/categories',
      'PUT /v3/catalog/trees/categories',
      'PUT /v3/catalog/trees/categories',
    ]);
    expect(summary.message).toContain('Categories: 0 created, 2 renamed.');
    const after = await topLevel();
    expect(after.get('Fietstassen')).toBe(before.get('Groep CAT02'));
    expect(after.get('Verlichting')).toBe(before.get('Groep CAT03'));
    expect(after.get('Groep CAT04')).toBe(before.get('Groep CAT04'));
    const refused = log.find('article-group', 'CAT04');
    expect(refused).toMatchObject({ outcome: 'failed' });
    expect(refused?.message).toMatch(/^BigCommerce refused to rename category "Groep CAT05"/);
    expect(refused?.hint).toMatch(/already/);

    // Tried again on the next run (alone), and through once the name is free.
    const retry = t.mark();
    await t.run(settings);
    expect(categoryCalls(retry)).toEqual(['GET /v3/catalog/trees', 'PUT /v3/catalog/trees/categories']);
    await av.update('AG1', { fields: { AG_CODE: 'CAT04', AG_DESC: 'Sloten' } });
    const { summary: fixed } = await t.run(settings);
    expect(fixed.message).toContain('Categories: 0 created, 1 renamed.');
    expect((await topLevel()).get('Sloten')).toBe(before.get('Groep CAT04'));
  });
});
