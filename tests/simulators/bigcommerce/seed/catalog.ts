import { DEFAULT_LOCATION_ID } from '../catalog/inventory-types';
import type { ProductWrite } from '../catalog/product-input';
import { createProduct } from '../catalog/products';
import { setOnHand } from '../catalog/stock';
import type { Product } from '../catalog/types';
import type { StoreData } from '../store-data';

export const CATALOG_SEED_TIME = Date.parse('2025-10-01T09:00:00Z');

/** A seeded product plus its stock; `stock` is per location for the product, or per variant SKU. */
export function seedProduct(
  data: StoreData,
  storeHash: string,
  write: ProductWrite & { name: string },
  stock: { location?: number; sku?: string; quantity: number }[] = [],
): Product {
  const product = createProduct(data, storeHash, write, CATALOG_SEED_TIME);
  for (const s of stock) {
    const variant = s.sku ? product.variants.find((v) => v.sku === s.sku) : product.base_variant;
    if (!variant) throw new Error(`Seed product ${product.name} has no variant ${s.sku}`);
    setOnHand(data, { location_id: s.location ?? DEFAULT_LOCATION_ID, product_id: product.id, variant_id: variant.id }, s.quantity);
  }
  return product;
}
