import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Category } from '../catalog/category-types';
import { slug } from '../catalog/products';
import { nextId, type StoreData } from '../store-data';
import { emitEvent } from '../webhooks/delivery';
import { CATALOG_READ, CATALOG_WRITE, idParam } from './catalog-common';
import { ApiError, validate } from './errors';
import { v3List } from './paging';
import { bool, csv, intCsv, parseQuery } from './query';
import type { ApiRequest, ApiRoute } from './route';

/** Categories nest at most 8 deep (reference §2.3). */
const MAX_DEPTH = 8;

const categoryFields = z.object({
  name: z.string().min(1).max(50),
  description: z.string().optional(),
  views: z.number().int().optional(),
  sort_order: z.number().int().optional(),
  page_title: z.string().optional(),
  meta_keywords: z.array(z.string()).optional(),
  meta_description: z.string().optional(),
  layout_file: z.string().optional(),
  image_url: z.string().optional(),
  is_visible: z.boolean().optional(),
  search_keywords: z.string().optional(),
  default_product_sort: z.string().optional(),
  url: z.object({ path: z.string().min(1).max(255), is_customized: z.boolean().optional() }).optional(),
});
const categoryCreate = categoryFields.extend({ tree_id: z.number().int().optional(), parent_id: z.number().int().optional() });
const categoryUpdate = categoryFields.partial().extend({ category_id: z.number().int(), tree_id: z.number().int().optional(), parent_id: z.number().int().optional() });

function depthOf(data: StoreData, parentId: number): number {
  let depth = 0;
  for (let id = parentId; id !== 0; depth++) id = data.categories.find((c) => c.category_id === id)?.parent_id ?? 0;
  return depth;
}

function pathOf(data: StoreData, parentId: number, name: string): string {
  const parent = data.categories.find((c) => c.category_id === parentId);
  return `${parent ? parent.url.path : '/'}${slug(name)}/`;
}

function assertSiblingName(data: StoreData, treeId: number, parentId: number, name: string, index: number, exceptId?: number): void {
  const clash = data.categories.some(
    (c) => c.category_id !== exceptId && c.tree_id === treeId && c.parent_id === parentId && c.name.toLowerCase() === name.toLowerCase(),
  );
  if (clash) throw new ApiError(422, 'The category name must be unique among its siblings.', { [`${index}.name`]: `"${name}" already exists at this level.` });
}

function descendants(data: StoreData, ids: readonly number[]): number[] {
  const out = new Set(ids);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of data.categories) {
      if (out.has(c.parent_id) && !out.has(c.category_id)) {
        out.add(c.category_id);
        grew = true;
      }
    }
  }
  return [...out];
}

const listQuery = z.object({
  'category_id:in': intCsv.optional(),
  'category_id:not_in': intCsv.optional(),
  'category_uuid:in': csv.optional(),
  'tree_id:in': intCsv.optional(),
  'tree_id:not_in': intCsv.optional(),
  'parent_id:in': intCsv.optional(),
  'parent_id:not_in': intCsv.optional(),
  name: z.string().optional(),
  'name:like': z.string().optional(),
  page_title: z.string().optional(),
  is_visible: bool.optional(),
});

function listed(c: Category, q: z.output<typeof listQuery>): boolean {
  return (
    (q['category_id:in'] === undefined || q['category_id:in'].includes(c.category_id)) &&
    (q['category_id:not_in'] === undefined || !q['category_id:not_in'].includes(c.category_id)) &&
    (q['category_uuid:in'] === undefined || q['category_uuid:in'].includes(c.category_uuid)) &&
    (q['tree_id:in'] === undefined || q['tree_id:in'].includes(c.tree_id)) &&
    (q['tree_id:not_in'] === undefined || !q['tree_id:not_in'].includes(c.tree_id)) &&
    (q['parent_id:in'] === undefined || q['parent_id:in'].includes(c.parent_id)) &&
    (q['parent_id:not_in'] === undefined || !q['parent_id:not_in'].includes(c.parent_id)) &&
    (q.name === undefined || c.name === q.name) &&
    (q['name:like'] === undefined || c.name.toLowerCase().includes(q['name:like'].toLowerCase())) &&
    (q.page_title === undefined || c.page_title === q.page_title) &&
    (q.is_visible === undefined || c.is_visible === q.is_visible)
  );
}

function createCategories(req: ApiRequest, items: z.output<typeof categoryCreate>[]): Category[] {
  const data = req.store.data;
  const created: Category[] = [];
  // All checked first: a refused batch creates nothing.
  const staged = items.map((item, index) => {
    if (item.tree_id === undefined && item.parent_id === undefined) {
      throw new ApiError(422, 'Provide tree_id or parent_id.', { [`${index}.tree_id`]: 'Please provide a tree_id or a parent_id.' });
    }
    const parentId = item.parent_id ?? 0;
    const parent = data.categories.find((c) => c.category_id === parentId);
    if (parentId !== 0 && !parent) throw new ApiError(422, `Parent category ${parentId} does not exist.`, { [`${index}.parent_id`]: 'Parent not found.' });
    const treeId = item.tree_id ?? parent?.tree_id ?? 0;
    if (!data.trees.some((t) => t.id === treeId)) throw new ApiError(422, `Category tree ${treeId} does not exist.`, { [`${index}.tree_id`]: 'Tree not found.' });
    if (parent && parent.tree_id !== treeId) throw new ApiError(422, 'The parent belongs to another tree.', { [`${index}.parent_id`]: 'Parent is in another tree.' });
    if (depthOf(data, parentId) + 1 > MAX_DEPTH) throw new ApiError(422, `Categories nest at most ${MAX_DEPTH} levels deep.`, { [`${index}.parent_id`]: 'Too deep.' });
    assertSiblingName(data, treeId, parentId, item.name, index);
    if (items.slice(0, index).some((other) => (other.parent_id ?? 0) === parentId && other.name.toLowerCase() === item.name.toLowerCase())) {
      throw new ApiError(422, 'The category name must be unique among its siblings.', { [`${index}.name`]: `"${item.name}" appears twice at this level.` });
    }
    return { item, treeId, parentId };
  });
  for (const { item, treeId, parentId } of staged) {
    const { tree_id: _t, parent_id: _p, url, ...fields } = item;
    const category: Category = {
      category_id: nextId(data, 'category'),
      category_uuid: randomUUID(),
      tree_id: treeId,
      parent_id: parentId,
      description: '',
      views: 0,
      sort_order: 0,
      page_title: '',
      meta_keywords: [],
      meta_description: '',
      layout_file: 'category.html',
      image_url: '',
      is_visible: true,
      search_keywords: '',
      default_product_sort: 'use_store_settings',
      ...fields,
      url: url ? { path: url.path, is_customized: url.is_customized ?? true } : { path: pathOf(data, parentId, item.name), is_customized: false },
    };
    data.categories.push(category);
    created.push(category);
    emitEvent(req.rt, req.store, 'store/category/created', { type: 'category', id: category.category_id });
  }
  return created;
}

interface Node {
  id: number;
  parent_id: number;
  depth: number;
  path: number[];
  name: string;
  is_visible: boolean;
  url: string;
  children: Node[];
}

function nodes(data: StoreData, treeId: number, parentId: number, path: number[], maxDepth: number): Node[] {
  if (path.length >= maxDepth) return [];
  return data.categories
    .filter((c) => c.tree_id === treeId && c.parent_id === parentId)
    .sort((a, b) => a.sort_order - b.sort_order || a.category_id - b.category_id)
    .map((c) => ({
      id: c.category_id,
      parent_id: c.parent_id,
      depth: path.length + 1,
      path: [...path, c.category_id],
      name: c.name,
      is_visible: c.is_visible,
      url: c.url.path,
      children: nodes(data, treeId, c.category_id, [...path, c.category_id], maxDepth),
    }));
}

const meta = (total: number) => ({ total, success: total, failed: 0 });

export const categoryTreeRoutes: ApiRoute[] = [
  {
    method: 'GET',
    version: 'v3',
    path: '/catalog/trees',
    scopes: CATALOG_READ,
    handle: (req) => {
      const q = parseQuery(z.object({ 'id:in': intCsv.optional(), 'channel_id:in': intCsv.optional() }), req.query);
      const trees = req.store.data.trees.filter(
        (t) => (q['id:in'] === undefined || q['id:in'].includes(t.id)) && (q['channel_id:in'] === undefined || t.channels.some((c) => q['channel_id:in']?.includes(c))),
      );
      return v3List(trees, req.query);
    },
  },
  {
    method: 'PUT',
    version: 'v3',
    path: '/catalog/trees',
    scopes: CATALOG_WRITE,
    handle: async (req) => {
      const items = validate(z.array(z.object({ id: z.number().int().optional(), name: z.string().min(1).max(255), channels: z.array(z.number().int()) })).min(1), await req.json(), 'trees');
      const data = req.store.data;
      const trees = items.map((item) => {
        const existing = item.id === undefined ? undefined : data.trees.find((t) => t.id === item.id);
        if (item.id !== undefined && !existing) throw new ApiError(422, `Category tree ${item.id} does not exist.`, { id: 'Tree not found.' });
        if (existing) return Object.assign(existing, { name: item.name, channels: item.channels });
        const tree = { id: nextId(data, 'tree'), name: item.name, channels: item.channels };
        data.trees.push(tree);
        return tree;
      });
      return { status: 200, body: { data: trees, meta: {} } };
    },
  },
  {
    method: 'GET',
    version: 'v3',
    path: '/catalog/trees/:treeId/categories',
    scopes: CATALOG_READ,
    handle: (req) => {
      const treeId = idParam(req, 'treeId');
      if (!req.store.data.trees.some((t) => t.id === treeId)) throw new ApiError(404, `Category tree ${treeId} was not found.`);
      const q = parseQuery(z.object({ depth: z.coerce.number().int().positive().optional() }), req.query);
      return { status: 200, body: { data: nodes(req.store.data, treeId, 0, [], q.depth ?? MAX_DEPTH), meta: {} } };
    },
  },
  {
    method: 'GET',
    version: 'v3',
    path: '/catalog/trees/categories',
    scopes: CATALOG_READ,
    handle: (req) => {
      const q = parseQuery(listQuery, req.query);
      return v3List(req.store.data.categories.filter((c) => listed(c, q)), req.query);
    },
  },
  {
    method: 'POST',
    version: 'v3',
    path: '/catalog/trees/categories',
    scopes: CATALOG_WRITE,
    handle: async (req) => {
      const created = createCategories(req, validate(z.array(categoryCreate).min(1), await req.json(), 'categories'));
      return { status: 201, body: { data: created, meta: meta(created.length) } };
    },
  },
  {
    method: 'PUT',
    version: 'v3',
    path: '/catalog/trees/categories',
    scopes: CATALOG_WRITE,
    handle: async (req) => {
      const items = validate(z.array(categoryUpdate).min(1), await req.json(), 'categories');
      const data = req.store.data;
      const staged = items.map((item, index) => {
        const category = data.categories.find((c) => c.category_id === item.category_id);
        if (!category) throw new ApiError(422, `Category ${item.category_id} does not exist.`, { [`${index}.category_id`]: 'Category not found.' });
        const parentId = item.parent_id ?? category.parent_id;
        if (parentId !== 0 && !data.categories.some((c) => c.category_id === parentId)) {
          throw new ApiError(422, `Parent category ${parentId} does not exist.`, { [`${index}.parent_id`]: 'Parent not found.' });
        }
        if (descendants(data, [category.category_id]).includes(parentId)) {
          throw new ApiError(422, 'A category cannot move under itself.', { [`${index}.parent_id`]: 'Circular parent.' });
        }
        assertSiblingName(data, category.tree_id, parentId, item.name ?? category.name, index, category.category_id);
        return { item, category, parentId };
      });
      for (const { item, category, parentId } of staged) {
        const { category_id: _id, tree_id: _tree, parent_id: _parent, url, ...fields } = item;
        Object.assign(category, fields, { parent_id: parentId });
        if (url) category.url = { path: url.path, is_customized: url.is_customized ?? true };
        emitEvent(req.rt, req.store, 'store/category/updated', { type: 'category', id: category.category_id });
      }
      return { status: 200, body: { meta: meta(staged.length) } };
    },
  },
  {
    method: 'DELETE',
    version: 'v3',
    path: '/catalog/trees/categories',
    scopes: CATALOG_WRITE,
    handle: (req) => {
      const q = parseQuery(listQuery.pick({ 'category_id:in': true, 'category_uuid:in': true, 'tree_id:in': true, 'parent_id:in': true }), req.query);
      if (Object.values(q).every((v) => v === undefined)) {
        throw new ApiError(422, 'Provide a filter: category_id:in, category_uuid:in, tree_id:in or parent_id:in.', { filter: 'Please provide a filter.' });
      }
      const data = req.store.data;
      const ids = descendants(data, data.categories.filter((c) => listed(c, q)).map((c) => c.category_id));
      data.categories = data.categories.filter((c) => !ids.includes(c.category_id));
      for (const p of data.products) p.categories = p.categories.filter((id) => !ids.includes(id));
      for (const id of ids) emitEvent(req.rt, req.store, 'store/category/deleted', { type: 'category', id });
      // The spec lists 202; the live API answers 204 like the other catalog deletes. [I]
      return { status: 204 };
    },
  },
];
