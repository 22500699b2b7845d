import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Location } from '../catalog/inventory-types';
import { MAX_STOCK, setOnHand, stockOf } from '../catalog/stock';
import type { Product, Variant } from '../catalog/types';
import { indexVariants, visibleVariants, type VariantIndex } from '../catalog/variants';
import type { StoreData } from '../store-data';
import { emitEvent } from '../webhooks/delivery';
import { idParam } from './catalog-common';
import { ApiError, validate } from './errors';
import { v3List } from './paging';
import { csv, intCsv, parseQuery } from './query';
import type { ApiRoute } from './route';

const INVENTORY_READ = ['store_inventory_read_only', 'store_inventory'];
const INVENTORY_WRITE = ['store_inventory'];

/** Up to 2000 items per adjustment (reference §2.4); the spec lists only 422 for refusals, so that is the status. */
const MAX_ADJUSTMENT_ITEMS = 2000;

const adjustmentItem = z.object({
  location_id: z.number().int(),
  sku: z.string().optional(),
  variant_id: z.number().int().optional(),
  product_id: z.number().int().optional(),
  quantity: z.number().int(),
});
const absoluteAdjustment = z.object({ reason: z.string().optional(), items: z.array(adjustmentItem).min(1) });

interface Target {
  location: Location;
  product: Product;
  variant: Variant;
  quantity: number;
  byProduct: boolean;
}

/** Resolves one item as the Inventory API does, refusing ids that do not match the product's tracking mode. */
function resolveItem(data: StoreData, variants: VariantIndex, item: z.output<typeof adjustmentItem>, index: number): Target {
  const fail = (title: string) => new ApiError(422, `[${title}]`, { [`items.${index}`]: title });
  const location = data.locations.find((l) => l.id === item.location_id);
  if (!location) throw fail(`Location with id ${item.location_id} does not exist`);
  if (item.quantity < 0) throw fail(`Quantity for item ${index} must not be negative`);
  if (item.quantity > MAX_STOCK) throw fail(`Quantity for item ${index} exceeds ${MAX_STOCK}`);

  if (item.product_id !== undefined) {
    const product = data.products.find((p) => p.id === item.product_id);
    if (!product) throw fail(`Item with product_id ${item.product_id} does not exist`);
    if (product.inventory_tracking === 'variant') throw fail(`Item with product_id ${product.id} is tracked by variant, please update stock by variant id`);
    return { location, product, variant: product.base_variant, quantity: item.quantity, byProduct: true };
  }
  const found = item.variant_id !== undefined ? variants.byId(item.variant_id) : item.sku !== undefined ? variants.bySku(item.sku) : undefined;
  const what = item.variant_id !== undefined ? `variant_id ${item.variant_id}` : `sku ${item.sku ?? ''}`;
  if (!found) throw fail(`Item with ${what} does not exist`);
  const isBase = found.variant.id === found.product.base_variant.id;
  if (!isBase && found.product.inventory_tracking === 'product') {
    throw fail(`Item with ${what} is tracked by product, please update stock by product id`);
  }
  return { ...found, location, quantity: item.quantity, byProduct: isBase };
}

function itemIdentity(product: Product, variant: Variant) {
  return { sku: variant.sku, variant_id: variant.id, product_id: product.id, sku_id: variant.sku_id };
}

function levelsAt(data: StoreData, location: Location, variantId: number) {
  const level = stockOf(data, location.id, variantId);
  const onHand = level?.on_hand ?? 0;
  const safety = level?.safety_stock ?? 0;
  return {
    available_to_sell: Math.max(0, onHand - safety),
    total_inventory_onhand: onHand,
    settings: {
      safety_stock: safety,
      is_in_stock: level?.is_in_stock ?? true,
      warning_level: level?.warning_level ?? 0,
      bin_picking_number: level?.bin_picking_number ?? '',
    },
  };
}

const itemQuery = z.object({
  'sku:in': csv.optional(),
  'variant_id:in': intCsv.optional(),
  'product_id:in': intCsv.optional(),
  'location_id:in': intCsv.optional(),
  'location_code:in': csv.optional(),
});

function variantsMatching(data: StoreData, q: z.output<typeof itemQuery>) {
  const skus = q['sku:in']?.map((s) => s.toLowerCase());
  return data.products.flatMap((product) =>
    visibleVariants(product)
      .filter(
        (v) =>
          (skus === undefined || skus.includes(v.sku.toLowerCase())) &&
          (q['variant_id:in'] === undefined || q['variant_id:in'].includes(v.id)) &&
          (q['product_id:in'] === undefined || q['product_id:in'].includes(product.id)),
      )
      .map((variant) => ({ product, variant })),
  );
}

export const inventoryRoutes: ApiRoute[] = [
  {
    method: 'PUT',
    version: 'v3',
    path: '/inventory/adjustments/absolute',
    scopes: INVENTORY_WRITE,
    batchLimit: { max: MAX_ADJUSTMENT_ITEMS, key: 'items', status: 422 },
    handle: async (req) => {
      const body = validate(absoluteAdjustment, await req.json(), 'adjustment');
      const data = req.store.data;
      // All items resolve before any stock moves: one bad item refuses the whole adjustment.
      const variants = indexVariants(data);
      const targets = body.items.map((item, i) => resolveItem(data, variants, item, i));
      for (const t of targets) {
        setOnHand(data, { location_id: t.location.id, product_id: t.product.id, variant_id: t.variant.id }, t.quantity);
        if (t.byProduct) {
          emitEvent(req.rt, req.store, 'store/product/inventory/updated', {
            type: 'product',
            id: t.product.id,
            inventory: { product_id: t.product.id, method: 'absolute', value: t.quantity },
          });
        } else {
          emitEvent(req.rt, req.store, 'store/sku/inventory/updated', {
            type: 'sku',
            id: t.variant.id,
            inventory: { product_id: t.product.id, variant_id: t.variant.id, method: 'absolute', value: t.quantity },
          });
        }
      }
      return { status: 200, body: { transaction_id: randomUUID() } };
    },
  },
  {
    method: 'GET',
    version: 'v3',
    path: '/inventory/items',
    scopes: INVENTORY_READ,
    handle: (req) => {
      const q = parseQuery(itemQuery, req.query);
      const data = req.store.data;
      const locations = data.locations.filter(
        (l) => (q['location_id:in'] === undefined || q['location_id:in'].includes(l.id)) && (q['location_code:in'] === undefined || q['location_code:in'].includes(l.code)),
      );
      const items = variantsMatching(data, q).map(({ product, variant }) => ({
        identity: itemIdentity(product, variant),
        locations: locations.map((l) => ({ location_id: l.id, location_code: l.code, location_name: l.label, location_enabled: l.enabled, ...levelsAt(data, l, variant.id) })),
      }));
      // "At most 1000 items" per page (reference §2.4).
      return v3List(items, req.query, 50, 1000);
    },
  },
  {
    method: 'GET',
    version: 'v3',
    path: '/inventory/locations/:locationId/items',
    scopes: INVENTORY_READ,
    handle: (req) => {
      const id = idParam(req, 'locationId');
      const data = req.store.data;
      const location = data.locations.find((l) => l.id === id);
      if (!location) throw new ApiError(404, `Location with id ${id} was not found.`);
      const items = variantsMatching(data, parseQuery(itemQuery, req.query)).map(({ product, variant }) => {
        const { sku_id: _skuId, ...identity } = itemIdentity(product, variant);
        return { identity, ...levelsAt(data, location, variant.id) };
      });
      return v3List(items, req.query, 50, 1000);
    },
  },
];
