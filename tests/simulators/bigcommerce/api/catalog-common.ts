import { z } from 'zod';
import { wholeSeconds, iso8601 } from '../dates';
import { PRODUCT_INCLUDES, type ProductView } from '../catalog/products';
import type { Product } from '../catalog/types';
import type { StoreData } from '../store-data';
import { ApiError } from './errors';
import { csv, parseQuery } from './query';
import type { ApiRequest } from './route';

/** Modify implies read, as in BigCommerce's scope model. */
export const CATALOG_READ = ['store_v2_products_read_only', 'store_v2_products'];
export const CATALOG_WRITE = ['store_v2_products'];

export const viewQuery = z.object({
  include: csv.pipe(z.array(z.enum(PRODUCT_INCLUDES))).optional(),
  include_fields: csv.optional(),
  exclude_fields: csv.optional(),
});

export function productView(query: URLSearchParams): ProductView {
  const q = parseQuery(viewQuery, query);
  return { includes: new Set(q.include ?? []), fields: new Set(q.include_fields ?? []), exclude: new Set(q.exclude_fields ?? []) };
}

export function idParam(req: ApiRequest, name: string): number {
  const value = Number(req.params[name]);
  if (!Number.isInteger(value) || value <= 0) throw new ApiError(404, 'The requested resource was not found.');
  return value;
}

export function findProduct(req: ApiRequest, name = 'productId'): Product {
  const id = idParam(req, name);
  const product = req.store.data.products.find((p) => p.id === id);
  if (!product) throw new ApiError(404, `Product with id ${id} was not found.`);
  return product;
}

export function touchProduct(req: ApiRequest, product: Product): void {
  product.date_modified = iso8601(wholeSeconds(req.rt.now()));
}

/** 409 as BigCommerce answers duplicates (status-codes doc: "duplicate name or SKU, bad category"). */
export function conflict(field: string, message: string): ApiError {
  return new ApiError(409, message, { [field]: message });
}

export function assertCategories(data: StoreData, categories: readonly number[] | undefined): void {
  const unknown = (categories ?? []).filter((id) => !data.categories.some((c) => c.category_id === id));
  if (unknown.length > 0) throw conflict('categories', `Invalid category ids: ${unknown.join(', ')}.`);
}

export function assertProductName(data: StoreData, name: string | undefined, exceptId?: number): void {
  if (name === undefined) return;
  if (data.products.some((p) => p.id !== exceptId && p.name.toLowerCase() === name.toLowerCase())) {
    throw conflict('name', `The product name "${name}" is a duplicate.`);
  }
}
