import { z } from 'zod';
import { nextId } from '../store-data';
import { dropStock } from '../catalog/stock';
import type { ProductOption } from '../catalog/types';
import { CATALOG_READ, CATALOG_WRITE, findProduct, idParam, touchProduct } from './catalog-common';
import { ApiError, validate } from './errors';
import { v3List, v3One } from './paging';
import type { ApiRequest, ApiRoute } from './route';

// No variant-options spec ships in the specs folder; the body follows reference §2.3.
const optionCreate = z.object({
  display_name: z.string().min(1).max(255),
  type: z.enum(['radio_buttons', 'rectangles', 'dropdown', 'product_list', 'product_list_with_images', 'swatch']),
  sort_order: z.number().int().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  option_values: z
    .array(
      z.object({
        label: z.string().min(1),
        sort_order: z.number().int(),
        is_default: z.boolean().optional(),
        value_data: z.record(z.string(), z.unknown()).nullable().optional(),
      }),
    )
    .min(1)
    .max(250),
});

/** Up to 250 values per option (reference §2.3). */
const MAX_OPTION_VALUES = 250;

// One value added to an existing option: productOptionOptionValue_Base (label and sort_order required in a POST).
const optionValueCreate = z.object({
  label: z.string().min(1).max(255),
  sort_order: z.number().int(),
  is_default: z.boolean().optional(),
  value_data: z.record(z.string(), z.unknown()).nullable().optional(),
});

function findOption(req: ApiRequest) {
  const product = findProduct(req);
  const id = idParam(req, 'optionId');
  const option = product.options.find((o) => o.id === id);
  if (!option) throw new ApiError(404, `Option with id ${id} was not found.`);
  return { product, option };
}

export const optionRoutes: ApiRoute[] = [
  {
    method: 'GET',
    version: 'v3',
    path: '/catalog/products/:productId/options',
    scopes: CATALOG_READ,
    handle: (req) => v3List(findProduct(req).options, req.query),
  },
  {
    method: 'POST',
    version: 'v3',
    path: '/catalog/products/:productId/options',
    scopes: CATALOG_WRITE,
    handle: async (req) => {
      const product = findProduct(req);
      const body = validate(optionCreate, await req.json(), 'option');
      if (product.options.some((o) => o.display_name === body.display_name)) {
        throw new ApiError(409, `The option "${body.display_name}" already exists on this product.`, { display_name: 'Duplicate option.' });
      }
      const id = nextId(req.store.data, 'option');
      const option: ProductOption = {
        id,
        product_id: product.id,
        name: `${body.display_name}${product.id}`,
        display_name: body.display_name,
        type: body.type,
        config: body.config ?? {},
        sort_order: body.sort_order ?? product.options.length,
        option_values: body.option_values.map((v) => ({
          id: nextId(req.store.data, 'optionValue'),
          label: v.label,
          sort_order: v.sort_order,
          value_data: v.value_data ?? null,
          is_default: v.is_default ?? false,
        })),
      };
      product.options.push(option);
      touchProduct(req, product);
      return v3One(option);
    },
  },
  {
    method: 'GET',
    version: 'v3',
    path: '/catalog/products/:productId/options/:optionId',
    scopes: CATALOG_READ,
    handle: (req) => v3One(findOption(req).option),
  },
  {
    method: 'DELETE',
    version: 'v3',
    path: '/catalog/products/:productId/options/:optionId',
    scopes: CATALOG_WRITE,
    handle: (req) => {
      const { product, option } = findOption(req);
      // Variants built on the option go with it.
      const gone = product.variants.filter((v) => v.option_values.some((ov) => ov.option_id === option.id));
      dropStock(req.store.data, gone.map((v) => v.id));
      product.variants = product.variants.filter((v) => !gone.includes(v));
      product.options = product.options.filter((o) => o.id !== option.id);
      touchProduct(req, product);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    version: 'v3',
    path: '/catalog/products/:productId/options/:optionId/values',
    scopes: CATALOG_READ,
    handle: (req) => v3List(findOption(req).option.option_values, req.query),
  },
  {
    method: 'POST',
    version: 'v3',
    path: '/catalog/products/:productId/options/:optionId/values',
    scopes: CATALOG_WRITE,
    handle: async (req) => {
      const { product, option } = findOption(req);
      const body = validate(optionValueCreate, await req.json(), 'option value');
      if (option.option_values.length >= MAX_OPTION_VALUES) throw new ApiError(422, `An option can have at most ${MAX_OPTION_VALUES} values.`, { option_values: 'Too many values.' });
      if (option.option_values.some((v) => v.label.toLowerCase() === body.label.toLowerCase())) {
        throw new ApiError(409, `The option value "${body.label}" already exists on this option.`, { label: 'Duplicate option value.' });
      }
      if (body.is_default) for (const v of option.option_values) v.is_default = false;
      const value = { id: nextId(req.store.data, 'optionValue'), label: body.label, sort_order: body.sort_order, value_data: body.value_data ?? null, is_default: body.is_default ?? false };
      option.option_values.push(value);
      touchProduct(req, product);
      return v3One(value);
    },
  },
];
