import { z } from 'zod';
import type { ProductsContext } from './ports';
import { contentHash } from './content-hash';

/** Id-map entity: source id is AG_CODE, target id the BigCommerce category id. */
export const CATEGORY_ENTITY = 'category';

const groupRow = z.looseObject({
  AG_CODE: z.union([z.string(), z.number()]).transform((v) => String(v).trim()),
  AG_DESC: z.string().optional(),
});
const treesBody = z.object({ data: z.array(z.looseObject({ id: z.number(), channels: z.array(z.number()).optional() })) });
const categoriesBody = z.object({ data: z.array(z.looseObject({ category_id: z.number(), name: z.string() })) });

export interface CategorySync {
  /** AG_CODE → BigCommerce category id. */
  byGroup: Map<string, number>;
  created: number;
  renamed: number;
}

/** The category tree of the store's default channel (1), where the storefront shows categories. */
async function defaultTree(ctx: ProductsContext): Promise<number | undefined> {
  const response = await ctx.bigcommerce.request('GET', '/v3/catalog/trees', { query: { 'channel_id:in': [1] } });
  return treesBody.parse(response.body).data[0]?.id;
}

async function findByName(ctx: ProductsContext, treeId: number, parentId: number, name: string): Promise<number | undefined> {
  const response = await ctx.bigcommerce.request('GET', '/v3/catalog/trees/categories', {
    query: { 'tree_id:in': [treeId], 'parent_id:in': [parentId], name },
  });
  return categoriesBody.parse(response.body).data.find((c) => c.name.toLowerCase() === name.toLowerCase())?.category_id;
}

/**
 * AccountView article groups (AG1) → BigCommerce categories under `categoryParentId` in the default
 * channel's tree: created (or adopted by name) once, renamed when the group's description changes.
 * One small AccountView read per run; writes only for new or renamed groups.
 */
export async function syncCategories(ctx: ProductsContext): Promise<CategorySync> {
  const result: CategorySync = { byGroup: new Map(), created: 0, renamed: 0 };
  const filters = ctx.settings.articleGroups.length > 0 ? [{ field: 'AG_CODE', operator: 'In' as const, values: ctx.settings.articleGroups }] : [];
  const groups = await ctx.accountview.readAll('AG1', { fields: ['AG_CODE', 'AG_DESC'], filters, pageSize: 1000 }, groupRow);
  const known = await ctx.idMap.getMany(CATEGORY_ENTITY, groups.map((g) => g.AG_CODE));
  const parentId = ctx.settings.categoryParentId;
  let treeId: number | undefined;
  const tree = async () => (treeId ??= await defaultTree(ctx));

  for (const group of groups) {
    const name = (group.AG_DESC?.trim() || group.AG_CODE).slice(0, 50);
    const hash = contentHash({ name, parentId });
    const entry = known.get(group.AG_CODE);
    const existingId = entry?.state === 'done' && entry.targetId ? Number(entry.targetId) : undefined;
    if (existingId !== undefined && entry?.contentHash === hash) {
      result.byGroup.set(group.AG_CODE, existingId);
      continue;
    }
    const treeIdNow = await tree();
    if (treeIdNow === undefined) throw new Error('The store has no category tree for channel 1');
    let id = existingId;
    if (id !== undefined) {
      await ctx.bigcommerce.request('PUT', '/v3/catalog/trees/categories', { body: [{ category_id: id, name }] });
      result.renamed += 1;
    } else {
      id = await findByName(ctx, treeIdNow, parentId, name);
      if (id === undefined) {
        const response = await ctx.bigcommerce.request('POST', '/v3/catalog/trees/categories', { body: [{ name, tree_id: treeIdNow, parent_id: parentId }] });
        id = categoriesBody.parse(response.body).data[0]?.category_id;
        if (id === undefined) throw new Error(`BigCommerce created category "${name}" without an id`);
        result.created += 1;
      }
    }
    await ctx.idMap.putDone({ entity: CATEGORY_ENTITY, sourceId: group.AG_CODE, targetId: String(id), contentHash: hash });
    await ctx.log.record({ entity: 'article-group', sourceId: group.AG_CODE, outcome: existingId === undefined ? 'created' : 'updated', message: `Category ${id}: ${name}`, targetRef: String(id), searchText: name });
    result.byGroup.set(group.AG_CODE, id);
  }
  return result;
}
