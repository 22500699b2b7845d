import { z } from 'zod';
import { productBatchItem, productCreate, productWrite, type ProductWrite } from '../catalog/product-input';
import { createProduct, productInventory, renderProduct, updateProduct } from '../catalog/products';
import { dropStock } from '../catalog/stock';
import type { Product } from '../catalog/types';
import { allVariants, skuTaken } from '../catalog/variants';
import type { StoreData } from '../store-data';
import { emitEvent } from '../webhooks/delivery';
import {
  assertCategories,
  assertProductName,
  CATALOG_READ,
  CATALOG_WRITE,
  conflict,
  findProduct,
  productView,
  viewQuery,
} from './catalog-common';
import { ApiError, validate } from './errors';
import { v3List, v3One } from './paging';
import { bool, csv, int, intCsv, parseQuery, queryDate } from './query';
import type { ApiRequest, ApiRoute } from './route';

const SORTS = ['id', 'name', 'sku', 'price', 'date_modified', 'date_last_imported', 'inventory_level', 'is_visible', 'total_sold', 'calculated_price'] as const;

const listQuery = viewQuery.extend({
  id: int.optional(),
  'id:in': intCsv.optional(),
  'id:not_in': intCsv.optional(),
  'id:min': int.optional(),
  'id:max': int.optional(),
  'id:greater': int.optional(),
  'id:less': int.optional(),
  name: z.string().optional(),
  'name:like': z.string().optional(),
  sku: z.string().optional(),
  'sku:in': csv.optional(),
  upc: z.string().optional(),
  mpn: z.string().optional(),
  keyword: z.string().optional(),
  type: z.enum(['physical', 'digital']).optional(),
  is_visible: bool.optional(),
  availability: z.enum(['available', 'disabled', 'preorder']).optional(),
  brand_id: int.optional(),
  'categories:in': intCsv.optional(),
  'date_modified:min': queryDate.optional(),
  'date_modified:max': queryDate.optional(),
  sort: z.enum(SORTS).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
});
type ListQuery = z.output<typeof listQuery>;

const lower = (s: string) => s.toLowerCase();

/** `sku` filters on the product (base variant) SKU only; variant SKUs need `/catalog/variants` (reference §2.3). */
function matches(p: Product, q: ListQuery): boolean {
  const modified = Date.parse(p.date_modified);
  const keyword = q.keyword && lower(q.keyword);
  return (
    (q.id === undefined || p.id === q.id) &&
    (q['id:in'] === undefined || q['id:in'].includes(p.id)) &&
    (q['id:not_in'] === undefined || !q['id:not_in'].includes(p.id)) &&
    (q['id:min'] === undefined || p.id >= q['id:min']) &&
    (q['id:max'] === undefined || p.id <= q['id:max']) &&
    (q['id:greater'] === undefined || p.id > q['id:greater']) &&
    (q['id:less'] === undefined || p.id < q['id:less']) &&
    (q.name === undefined || p.name === q.name) &&
    (q['name:like'] === undefined || lower(p.name).includes(lower(q['name:like']))) &&
    (q.sku === undefined || lower(p.sku) === lower(q.sku)) &&
    (q['sku:in'] === undefined || q['sku:in'].map(lower).includes(lower(p.sku))) &&
    (q.upc === undefined || p.upc === q.upc) &&
    (q.mpn === undefined || p.mpn === q.mpn) &&
    (!keyword || [p.name, p.description, p.sku].some((f) => lower(f).includes(keyword))) &&
    (q.type === undefined || p.type === q.type) &&
    (q.is_visible === undefined || p.is_visible === q.is_visible) &&
    (q.availability === undefined || p.availability === q.availability) &&
    (q.brand_id === undefined || p.brand_id === q.brand_id) &&
    // The spec: "products that are in all the categories specified".
    (q['categories:in'] === undefined || q['categories:in'].every((c) => p.categories.includes(c))) &&
    (q['date_modified:min'] === undefined || modified >= q['date_modified:min']) &&
    (q['date_modified:max'] === undefined || modified <= q['date_modified:max'])
  );
}

function sortValue(data: StoreData, p: Product, field: (typeof SORTS)[number]): number | string | boolean {
  if (field === 'inventory_level') return productInventory(data, p);
  if (field === 'calculated_price') return p.sale_price > 0 && p.sale_price < p.price ? p.sale_price : p.price;
  if (field === 'date_modified' || field === 'date_last_imported') return String(p[field] ?? '');
  return p[field];
}

/** Every SKU a write brings, checked against each other and the store, ignoring case. */
function assertSkus(data: StoreData, skus: string[], exceptVariantIds: number[]): void {
  const seen = new Set<string>();
  for (const sku of skus.filter((s) => s !== '')) {
    if (seen.has(lower(sku)) || skuTaken(data, sku, exceptVariantIds)) throw conflict('sku', `The SKU "${sku}" is already in use.`);
    seen.add(lower(sku));
  }
}

function writeSkus(write: ProductWrite): string[] {
  return [...(write.sku !== undefined ? [write.sku] : []), ...(write.variants ?? []).flatMap((v) => (v.sku !== undefined ? [v.sku] : []))];
}

function checkWrite(data: StoreData, write: ProductWrite, product?: Product): void {
  assertProductName(data, write.name, product?.id);
  assertSkus(data, writeSkus(write), product ? [product.base_variant.id] : []);
  assertCategories(data, write.categories);
}

function inventoryEvent(req: ApiRequest, product: Product, write: ProductWrite): void {
  if (write.inventory_level === undefined) return;
  emitEvent(req.rt, req.store, 'store/product/inventory/updated', {
    type: 'product',
    id: product.id,
    inventory: { product_id: product.id, method: 'absolute', value: write.inventory_level },
  });
}

export const productRoutes: ApiRoute[] = [
  {
    method: 'GET',
    version: 'v3',
    path: '/catalog/products',
    scopes: CATALOG_READ,
    handle: (req) => {
      const q = parseQuery(listQuery, req.query);
      const data = req.store.data;
      const field = q.sort ?? 'id';
      const sign = q.direction === 'desc' ? -1 : 1;
      const products = data.products
        .filter((p) => matches(p, q))
        .sort((a, b) => {
          const x = sortValue(data, a, field);
          const y = sortValue(data, b, field);
          return x === y ? a.id - b.id : (x < y ? -1 : 1) * sign;
        });
      const view = productView(req.query);
      // Including options or modifiers caps a page at 10 products (reference §2.3).
      const maxLimit = view.includes?.has('options') || view.includes?.has('modifiers') ? 10 : undefined;
      return v3List(products, req.query, 50, maxLimit, (p) => renderProduct(data, p, view));
    },
  },
  {
    method: 'POST',
    version: 'v3',
    path: '/catalog/products',
    scopes: CATALOG_WRITE,
    handle: async (req) => {
      const write = validate(productCreate, await req.json(), 'product');
      const data = req.store.data;
      checkWrite(data, write);
      const product = createProduct(data, req.store.hash, write, req.rt.now());
      emitEvent(req.rt, req.store, 'store/product/created', { type: 'product', id: product.id });
      inventoryEvent(req, product, write);
      // A product created with `variants` answers with them (the spec's 200 example), so a client learns their ids in the same call.
      const view = productView(req.query);
      const includes = write.variants && write.variants.length > 0 ? new Set([...(view.includes ?? []), 'variants']) : view.includes;
      return v3One(renderProduct(data, product, { ...view, includes }));
    },
  },
  {
    method: 'PUT',
    version: 'v3',
    path: '/catalog/products',
    scopes: CATALOG_WRITE,
    batchLimit: { max: 10 },
    handle: async (req) => {
      const items = validate(z.array(productBatchItem).min(1), await req.json(), 'products');
      const data = req.store.data;
      const targets = items.map((item) => {
        const product = data.products.find((p) => p.id === item.id);
        if (!product) throw new ApiError(404, `Product with id ${item.id} was not found.`);
        checkWrite(data, item, product);
        return { item, product };
      });
      assertSkus(data, items.flatMap(writeSkus), targets.map((t) => t.product.base_variant.id));
      for (const { item, product } of targets) {
        updateProduct(data, req.store.hash, product, item, req.rt.now());
        emitEvent(req.rt, req.store, 'store/product/updated', { type: 'product', id: product.id });
        inventoryEvent(req, product, item);
      }
      return { status: 200, body: { data: targets.map((t) => renderProduct(data, t.product, productView(req.query))), meta: {} } };
    },
  },
  {
    method: 'DELETE',
    version: 'v3',
    path: '/catalog/products',
    scopes: CATALOG_WRITE,
    handle: (req) => {
      const q = parseQuery(z.object({ 'id:in': intCsv.optional() }), req.query);
      // Without a filter BigCommerce refuses rather than emptying the catalog.
      if (!q['id:in']) throw new ApiError(422, 'A filter such as id:in is required to delete products.', { 'id:in': 'Please provide a filter.' });
      removeProducts(req, q['id:in']);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    version: 'v3',
    path: '/catalog/products/:productId',
    scopes: CATALOG_READ,
    handle: (req) => v3One(renderProduct(req.store.data, findProduct(req), productView(req.query))),
  },
  {
    method: 'PUT',
    version: 'v3',
    path: '/catalog/products/:productId',
    scopes: CATALOG_WRITE,
    handle: async (req) => {
      const product = findProduct(req);
      const write = validate(productWrite, await req.json(), 'product');
      const data = req.store.data;
      checkWrite(data, write, product);
      updateProduct(data, req.store.hash, product, write, req.rt.now());
      emitEvent(req.rt, req.store, 'store/product/updated', { type: 'product', id: product.id });
      inventoryEvent(req, product, write);
      return v3One(renderProduct(data, product, productView(req.query)));
    },
  },
  {
    method: 'DELETE',
    version: 'v3',
    path: '/catalog/products/:productId',
    scopes: CATALOG_WRITE,
    handle: (req) => {
      removeProducts(req, [findProduct(req).id]);
      return { status: 204 };
    },
  },
];

function removeProducts(req: ApiRequest, ids: number[]): void {
  const data = req.store.data;
  for (const product of data.products.filter((p) => ids.includes(p.id))) {
    dropStock(data, allVariants(product).map((v) => v.id));
    emitEvent(req.rt, req.store, 'store/product/deleted', { type: 'product', id: product.id });
  }
  data.products = data.products.filter((p) => !ids.includes(p.id));
}
