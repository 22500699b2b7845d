import { z } from 'zod';
import { variantWrite, type VariantWrite } from '../catalog/product-input';
import { addVariant } from '../catalog/products';
import { DEFAULT_LOCATION_ID } from '../catalog/inventory-types';
import { dropStock, MAX_STOCK, setOnHand } from '../catalog/stock';
import type { Product, Variant, VariantOptionValue } from '../catalog/types';
import { findVariant, renderVariant, skuTaken, visibleVariants } from '../catalog/variants';
import type { StoreData } from '../store-data';
import { emitEvent } from '../webhooks/delivery';
import { CATALOG_READ, CATALOG_WRITE, conflict, findProduct, idParam, touchProduct } from './catalog-common';
import { ApiError, validate } from './errors';
import { v3List, v3One } from './paging';
import { csv, int, intCsv, parseQuery } from './query';
import type { ApiRequest, ApiRoute } from './route';

/** Up to 600 SKUs per product (reference §2.3). */
const MAX_VARIANTS = 600;

// No variants spec ships in the specs folder, so these bodies are checked here (reference §2.3).
const variantCreate = variantWrite.extend({
  sku: z.string().min(1).max(255),
  option_values: z.array(z.object({ id: z.number().int(), option_id: z.number().int() })).min(1),
});
const batchItem = variantWrite.extend({ id: z.number().int().optional(), product_id: z.number().int().optional() });

function assertSku(data: StoreData, sku: string | undefined, exceptVariantId?: number): void {
  if (sku !== undefined && skuTaken(data, sku, exceptVariantId === undefined ? [] : [exceptVariantId])) {
    throw conflict('sku', `The SKU "${sku}" is already in use.`);
  }
}

/** Option values must exist on the product, one per option, and the combination must be new. */
function resolveOptionValues(product: Product, wanted: { id: number; option_id: number }[]): VariantOptionValue[] {
  const values = wanted.map(({ id, option_id }) => {
    const option = product.options.find((o) => o.id === option_id);
    const value = option?.option_values.find((v) => v.id === id);
    if (!option || !value) {
      throw new ApiError(422, 'The option values are not valid for this product.', { option_values: `Option value ${id} of option ${option_id} does not exist on product ${product.id}.` });
    }
    return { id: value.id, label: value.label, option_id: option.id, option_display_name: option.display_name };
  });
  const key = (ovs: readonly { id: number }[]) => ovs.map((v) => v.id).sort((a, b) => a - b).join(',');
  if (product.variants.some((v) => key(v.option_values) === key(values))) {
    throw conflict('option_values', 'A variant with these option values already exists.');
  }
  return values;
}

function createVariant(req: ApiRequest, product: Product, body: z.output<typeof variantCreate>): Variant {
  const data = req.store.data;
  if (product.variants.length >= MAX_VARIANTS) throw new ApiError(422, `A product can have at most ${MAX_VARIANTS} variants.`);
  assertSku(data, body.sku);
  const variant = addVariant(data, product, body, resolveOptionValues(product, body.option_values));
  touchProduct(req, product);
  emitEvent(req.rt, req.store, 'store/sku/created', { type: 'sku', id: variant.id, sku: { product_id: product.id, variant_id: variant.id } });
  return variant;
}

function updateVariant(req: ApiRequest, product: Product, variant: Variant, body: VariantWrite): void {
  const data = req.store.data;
  assertSku(data, body.sku, variant.id);
  const { option_values: _ov, inventory_level, inventory_warning_level, bin_picking_number, ...fields } = body;
  Object.assign(variant, fields);
  if (inventory_warning_level != null) variant.inventory_warning_level = inventory_warning_level;
  if (bin_picking_number != null) variant.bin_picking_number = bin_picking_number;
  if (variant.id === product.base_variant.id && body.sku !== undefined) product.sku = body.sku;
  if (inventory_level != null) {
    setOnHand(data, { location_id: DEFAULT_LOCATION_ID, product_id: product.id, variant_id: variant.id }, Math.min(inventory_level, MAX_STOCK));
  }
  touchProduct(req, product);
  emitEvent(req.rt, req.store, 'store/sku/updated', { type: 'sku', id: variant.id, sku: { product_id: product.id, variant_id: variant.id } });
}

function findProductVariant(req: ApiRequest): { product: Product; variant: Variant } {
  const product = findProduct(req);
  const id = idParam(req, 'variantId');
  const variant = visibleVariants(product).find((v) => v.id === id);
  if (!variant) throw new ApiError(404, `Variant with id ${id} was not found.`);
  return { product, variant };
}

const variantListQuery = z.object({
  id: int.optional(),
  'id:in': intCsv.optional(),
  sku: z.string().optional(),
  'sku:in': csv.optional(),
  'product_id:in': intCsv.optional(),
});

export const variantRoutes: ApiRoute[] = [
  {
    method: 'GET',
    version: 'v3',
    path: '/catalog/products/:productId/variants',
    scopes: CATALOG_READ,
    handle: (req) => {
      const product = findProduct(req);
      return v3List(visibleVariants(product).map((v) => renderVariant(req.store.data, product, v)), req.query);
    },
  },
  {
    method: 'POST',
    version: 'v3',
    path: '/catalog/products/:productId/variants',
    scopes: CATALOG_WRITE,
    handle: async (req) => {
      const product = findProduct(req);
      const variant = createVariant(req, product, validate(variantCreate, await req.json(), 'variant'));
      return v3One(renderVariant(req.store.data, product, variant));
    },
  },
  {
    method: 'GET',
    version: 'v3',
    path: '/catalog/products/:productId/variants/:variantId',
    scopes: CATALOG_READ,
    handle: (req) => {
      const { product, variant } = findProductVariant(req);
      return v3One(renderVariant(req.store.data, product, variant));
    },
  },
  {
    method: 'PUT',
    version: 'v3',
    path: '/catalog/products/:productId/variants/:variantId',
    scopes: CATALOG_WRITE,
    handle: async (req) => {
      const { product, variant } = findProductVariant(req);
      updateVariant(req, product, variant, validate(variantWrite, await req.json(), 'variant'));
      return v3One(renderVariant(req.store.data, product, variant));
    },
  },
  {
    method: 'DELETE',
    version: 'v3',
    path: '/catalog/products/:productId/variants/:variantId',
    scopes: CATALOG_WRITE,
    handle: (req) => {
      const { product, variant } = findProductVariant(req);
      if (variant.id === product.base_variant.id) throw new ApiError(422, 'The base variant of a product cannot be deleted.');
      product.variants = product.variants.filter((v) => v.id !== variant.id);
      dropStock(req.store.data, [variant.id]);
      touchProduct(req, product);
      emitEvent(req.rt, req.store, 'store/sku/deleted', { type: 'sku', id: variant.id, sku: { product_id: product.id, variant_id: variant.id } });
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    version: 'v3',
    path: '/catalog/variants',
    scopes: CATALOG_READ,
    handle: (req) => {
      const q = parseQuery(variantListQuery, req.query);
      const data = req.store.data;
      const skus = q['sku:in']?.map((s) => s.toLowerCase());
      const rows = data.products.flatMap((p) =>
        visibleVariants(p)
          .filter(
            (v) =>
              (q.id === undefined || v.id === q.id) &&
              (q['id:in'] === undefined || q['id:in'].includes(v.id)) &&
              (q.sku === undefined || v.sku.toLowerCase() === q.sku.toLowerCase()) &&
              (skus === undefined || skus.includes(v.sku.toLowerCase())) &&
              (q['product_id:in'] === undefined || q['product_id:in'].includes(p.id)),
          )
          .map((v) => renderVariant(data, p, v)),
      );
      return v3List(rows.sort((a, b) => a.id - b.id), req.query);
    },
  },
  {
    method: 'PUT',
    version: 'v3',
    path: '/catalog/variants',
    scopes: CATALOG_WRITE,
    batchLimit: { max: 50 },
    handle: async (req) => {
      const items = validate(z.array(batchItem).min(1), await req.json(), 'variants');
      const data = req.store.data;
      // Everything is checked before anything changes, so a refused batch leaves the catalog as it was.
      const newCombinations = new Set<string>();
      const plans = items.map((item, i) => {
        if (item.id !== undefined) {
          const found = findVariant(data, item.id);
          if (!found) throw new ApiError(422, `Variant ${item.id} does not exist.`, { [`${i}.id`]: 'Variant not found.' });
          assertSku(data, item.sku, item.id);
          return { kind: 'update' as const, item, ...found };
        }
        const create = variantCreate.extend({ product_id: z.number().int() }).safeParse(item);
        if (!create.success) {
          throw new ApiError(422, 'A new variant needs product_id, sku and option_values.', { [String(i)]: 'Provide id to update, or product_id, sku and option_values to create.' });
        }
        const product = data.products.find((p) => p.id === create.data.product_id);
        if (!product) throw new ApiError(422, `Product ${create.data.product_id} does not exist.`, { [`${i}.product_id`]: 'Product not found.' });
        assertSku(data, create.data.sku);
        // Option values and their combination are checked here too, so a clash refuses the batch before any update is applied.
        const values = resolveOptionValues(product, create.data.option_values);
        const combination = `${product.id}:${values.map((v) => v.id).sort((a, b) => a - b).join(',')}`;
        if (newCombinations.has(combination)) throw conflict('option_values', 'The batch creates two variants with the same option values.');
        newCombinations.add(combination);
        return { kind: 'create' as const, item: create.data, product };
      });
      const skus = items.flatMap((it) => (it.sku ? [it.sku.toLowerCase()] : []));
      if (new Set(skus).size !== skus.length) throw conflict('sku', 'The batch holds the same SKU twice.');
      const results = plans.map((plan) => {
        if (plan.kind === 'update') {
          updateVariant(req, plan.product, plan.variant, plan.item);
          return renderVariant(data, plan.product, plan.variant);
        }
        return renderVariant(data, plan.product, createVariant(req, plan.product, plan.item));
      });
      return { status: 200, body: { data: results, meta: {} } };
    },
  },
];
