import { z } from 'zod';
import { BigCommerceApiError, MAX_PAGE_SIZE, paginateV3 } from '@/lib/bigcommerce';
import type { ProductsContext } from './ports';
import { contentHash } from './content-hash';

/** Id-map entity: source id is AG_CODE, target id the BigCommerce category id. */
export const CATEGORY_ENTITY = 'category';

const groupRow = z.looseObject({
  AG_CODE: z.union([z.string(), z.number()]).transform((v) => String(v).trim()),
  AG_DESC: z.string().optional(),
});
const treesBody = z.object({ data: z.array(z.looseObject({ id: z.number(), channels: z.array(z.number()).optional() })) });
const categoryItem = z.looseObject({ category_id: z.number(), name: z.string() });
const categoriesBody = z.object({ data: z.array(categoryItem) });

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

/** Categories the API takes per create or update call (the trees endpoint's documented batch size). */
const CATEGORY_BATCH = 50;

/** The categories directly under `parentId` in the tree, by lower-case name: one paged read for all new groups. */
async function siblingsByName(ctx: ProductsContext, treeId: number, parentId: number): Promise<Map<string, number>> {
  const path = '/v3/catalog/trees/categories';
  const byName = new Map<string, number>();
  const pages = paginateV3((page) => ctx.bigcommerce.request('GET', path, { query: { 'tree_id:in': [treeId], 'parent_id:in': [parentId], page, limit: MAX_PAGE_SIZE } }), path);
  for await (const item of pages) {
    const category = categoryItem.parse(item);
    if (!byName.has(category.name.toLowerCase())) byName.set(category.name.toLowerCase(), category.category_id);
  }
  return byName;
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * Sends a batch; when BigCommerce refuses it (one category's name clashes with a sibling, say), sends its
 * items one by one, so the others go through and the refused one is named.
 */
async function inBatches<T, R>(items: T[], send: (batch: T[]) => Promise<R[]>, refused: (item: T, error: BigCommerceApiError) => Promise<void>): Promise<R[]> {
  const sendOrSplit = async (batch: T[]): Promise<R[]> => {
    try {
      return await send(batch);
    } catch (error) {
      if (!refusedForContent(error)) throw error;
      if (batch.length === 1) {
        await refused(batch[0]!, error);
        return [];
      }
      const results: R[] = [];
      for (const item of batch) results.push(...(await sendOrSplit([item])));
      return results;
    }
  };
  const results: R[] = [];
  for (const batch of chunks(items, CATEGORY_BATCH)) results.push(...(await sendOrSplit(batch)));
  return results;
}

/** 400/409/422: BigCommerce refused what was sent (not the token, the quota or its own health). */
function refusedForContent(error: unknown): error is BigCommerceApiError {
  return error instanceof BigCommerceApiError && [400, 409, 422].includes(error.status);
}

interface Wanted {
  code: string;
  name: string;
  hash: string;
  existingId: number | undefined;
}

/**
 * AccountView article groups (AG1) → BigCommerce categories under `categoryParentId` in the default
 * channel's tree: created (or adopted by name) once, renamed when the group's description changes.
 * One small AccountView read per run; BigCommerce is called only for new or renamed groups, and then with
 * one read of the parent's categories and batches of 50 creates or renames (40 new groups: 3 calls).
 */
export async function syncCategories(ctx: ProductsContext): Promise<CategorySync> {
  const result: CategorySync = { byGroup: new Map(), created: 0, renamed: 0 };
  const filters = ctx.settings.articleGroups.length > 0 ? [{ field: 'AG_CODE', operator: 'In' as const, values: ctx.settings.articleGroups }] : [];
  const groups = await ctx.accountview.readAll('AG1', { fields: ['AG_CODE', 'AG_DESC'], filters, pageSize: 1000 }, groupRow);
  const known = await ctx.idMap.getMany(CATEGORY_ENTITY, groups.map((g) => g.AG_CODE));
  const parentId = ctx.settings.categoryParentId;

  const renames: Wanted[] = [];
  const news: Wanted[] = [];
  for (const group of groups) {
    const name = (group.AG_DESC?.trim() || group.AG_CODE).slice(0, 50);
    const hash = contentHash({ name, parentId });
    const entry = known.get(group.AG_CODE);
    const existingId = entry?.state === 'done' && entry.targetId ? Number(entry.targetId) : undefined;
    if (existingId !== undefined && entry?.contentHash === hash) result.byGroup.set(group.AG_CODE, existingId);
    else (existingId !== undefined ? renames : news).push({ code: group.AG_CODE, name, hash, existingId });
  }
  if (renames.length === 0 && news.length === 0) return result;

  const treeId = await defaultTree(ctx);
  if (treeId === undefined) throw new Error('The store has no category tree for channel 1');
  const done = async (wanted: Wanted, id: number, outcome: 'created' | 'updated') => {
    await ctx.idMap.putDone({ entity: CATEGORY_ENTITY, sourceId: wanted.code, targetId: String(id), contentHash: wanted.hash });
    await ctx.log.record({ entity: 'article-group', sourceId: wanted.code, outcome, message: `Category ${id}: ${wanted.name}`, targetRef: String(id), searchText: wanted.name });
    result.byGroup.set(wanted.code, id);
  };

  const refused = (what: string) => async (wanted: Wanted, error: BigCommerceApiError) => {
    await ctx.log.record({
      entity: 'article-group',
      sourceId: wanted.code,
      outcome: 'failed',
      message: `BigCommerce refused to ${what} category "${wanted.name}": ${error.title}${Object.values(error.errors).length > 0 ? ` (${Object.values(error.errors).join('; ')})` : ''}`,
      hint: 'A category of that name probably exists under the same parent already: rename one of them in BigCommerce or the group in AccountView. The next run tries again.',
      searchText: wanted.name,
    });
  };

  const renamed = await inBatches(
    renames,
    async (batch) => {
      await ctx.bigcommerce.request('PUT', '/v3/catalog/trees/categories', { body: batch.map((w) => ({ category_id: w.existingId, name: w.name })) });
      return batch;
    },
    refused('rename'),
  );
  for (const wanted of renames) {
    // A refused rename keeps its products in the category under its old name; the hash is kept old so it is tried again.
    if (renamed.includes(wanted)) await done(wanted, wanted.existingId!, 'updated');
    else result.byGroup.set(wanted.code, wanted.existingId!);
  }
  result.renamed = renamed.length;

  if (news.length === 0) return result;
  // Adopted by name: a category the merchant made, or one a lost run created before it could record it.
  const byName = await siblingsByName(ctx, treeId, parentId);
  const toCreate = new Map<string, Wanted>();
  for (const wanted of news) if (!byName.has(wanted.name.toLowerCase())) toCreate.set(wanted.name.toLowerCase(), wanted);
  const created = await inBatches(
    [...toCreate.values()],
    async (batch) => {
      const response = await ctx.bigcommerce.request('POST', '/v3/catalog/trees/categories', { body: batch.map((w) => ({ name: w.name, tree_id: treeId, parent_id: parentId })) });
      return categoriesBody.parse(response.body).data;
    },
    refused('create'),
  );
  for (const category of created) byName.set(category.name.toLowerCase(), category.category_id);
  for (const wanted of news) {
    // Refused: its products go without the category this run, and the next run tries again.
    const id = byName.get(wanted.name.toLowerCase());
    // Two groups with one description share the category, as they would in the shop's menu.
    if (id !== undefined) await done(wanted, id, 'created');
  }
  result.created = created.length;
  return result;
}
