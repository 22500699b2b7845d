import { z } from 'zod';
import { customFieldWrite } from '../catalog/product-input';
import type { Product } from '../catalog/types';
import { nextId } from '../store-data';
import { CATALOG_READ, CATALOG_WRITE, conflict, findProduct, idParam, touchProduct } from './catalog-common';
import { ApiError, validate } from './errors';
import { v3List, v3One } from './paging';
import type { ApiRequest, ApiRoute } from './route';

/** At most 200 per product, each name-value pair unique within it (reference §2.3). */
const MAX_CUSTOM_FIELDS = 200;

const fieldUpdate = z.object({ name: z.string().min(1).max(250).optional(), value: z.string().min(1).max(250).optional() });

function findField(req: ApiRequest) {
  const product = findProduct(req);
  const id = idParam(req, 'fieldId');
  const field = product.custom_fields.find((f) => f.id === id);
  if (!field) throw new ApiError(404, `Custom field with id ${id} was not found.`);
  return { product, field };
}

function assertUniquePair(product: Product, name: string, value: string, exceptId?: number): void {
  if (product.custom_fields.some((f) => f.id !== exceptId && f.name === name && f.value === value)) {
    throw conflict('name', `The custom field "${name}: ${value}" already exists on this product.`);
  }
}

export const customFieldRoutes: ApiRoute[] = [
  {
    method: 'GET',
    version: 'v3',
    path: '/catalog/products/:productId/custom-fields',
    scopes: CATALOG_READ,
    handle: (req) => v3List(findProduct(req).custom_fields, req.query),
  },
  {
    method: 'POST',
    version: 'v3',
    path: '/catalog/products/:productId/custom-fields',
    scopes: CATALOG_WRITE,
    handle: async (req) => {
      const product = findProduct(req);
      const body = validate(customFieldWrite.omit({ id: true }), await req.json(), 'custom field');
      if (product.custom_fields.length >= MAX_CUSTOM_FIELDS) throw new ApiError(422, `A product can have at most ${MAX_CUSTOM_FIELDS} custom fields.`);
      assertUniquePair(product, body.name, body.value);
      const field = { id: nextId(req.store.data, 'customField'), name: body.name, value: body.value };
      product.custom_fields.push(field);
      touchProduct(req, product);
      return v3One(field);
    },
  },
  {
    method: 'GET',
    version: 'v3',
    path: '/catalog/products/:productId/custom-fields/:fieldId',
    scopes: CATALOG_READ,
    handle: (req) => v3One(findField(req).field),
  },
  {
    method: 'PUT',
    version: 'v3',
    path: '/catalog/products/:productId/custom-fields/:fieldId',
    scopes: CATALOG_WRITE,
    handle: async (req) => {
      const { product, field } = findField(req);
      const body = validate(fieldUpdate, await req.json(), 'custom field');
      assertUniquePair(product, body.name ?? field.name, body.value ?? field.value, field.id);
      Object.assign(field, body);
      touchProduct(req, product);
      return v3One(field);
    },
  },
  {
    method: 'DELETE',
    version: 'v3',
    path: '/catalog/products/:productId/custom-fields/:fieldId',
    scopes: CATALOG_WRITE,
    handle: (req) => {
      const { product, field } = findField(req);
      product.custom_fields = product.custom_fields.filter((f) => f.id !== field.id);
      touchProduct(req, product);
      return { status: 204 };
    },
  },
];
