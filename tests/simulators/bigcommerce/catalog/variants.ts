import { nextId, type StoreData } from '../store-data';
import { onHand } from './stock';
import type { Product, Variant, VariantOptionValue } from './types';

/** Fields a client may set on a variant; everything else is derived. */
export type VariantFields = Partial<Omit<Variant, 'id' | 'product_id' | 'sku_id' | 'option_values'>>;

export function newVariant(data: StoreData, productId: number, fields: VariantFields, optionValues: VariantOptionValue[]): Variant {
  const id = nextId(data, 'variant');
  return {
    id,
    product_id: productId,
    sku: '',
    // Base variants have no V2 SKU; option variants do.
    sku_id: optionValues.length > 0 ? id + 1000 : null,
    price: null,
    sale_price: null,
    retail_price: null,
    map_price: null,
    cost_price: null,
    weight: null,
    width: null,
    height: null,
    depth: null,
    is_free_shipping: false,
    fixed_cost_shipping_price: null,
    purchasing_disabled: false,
    purchasing_disabled_message: '',
    image_url: '',
    upc: '',
    mpn: '',
    gtin: '',
    inventory_warning_level: 0,
    bin_picking_number: '',
    ...fields,
    option_values: optionValues,
  };
}

/** A simple product shows its base variant; one with option variants shows only those. */
export function visibleVariants(product: Product): Variant[] {
  return product.variants.length > 0 ? product.variants : [product.base_variant];
}

export function allVariants(product: Product): Variant[] {
  return [product.base_variant, ...product.variants];
}

export function findVariant(data: StoreData, variantId: number): { product: Product; variant: Variant } | undefined {
  for (const product of data.products) {
    const variant = allVariants(product).find((v) => v.id === variantId);
    if (variant) return { product, variant };
  }
  return undefined;
}

/** SKUs are unique across products and variants, ignoring case (reference §2.3); empty SKUs never clash. */
export function skuTaken(data: StoreData, sku: string, exceptVariantIds: readonly number[] = []): boolean {
  if (sku === '') return false;
  const wanted = sku.toLowerCase();
  return data.products.some((p) => allVariants(p).some((v) => !exceptVariantIds.includes(v.id) && v.sku.toLowerCase() === wanted));
}

export interface VariantIndex {
  bySku(sku: string): { product: Product; variant: Variant } | undefined;
  byId(variantId: number): { product: Product; variant: Variant } | undefined;
}

/**
 * SKU and variant-id lookups for one request that resolves many items (an inventory adjustment of up to
 * 2,000): one pass over the catalog instead of one per item, with the same precedence as findBySku.
 */
export function indexVariants(data: StoreData): VariantIndex {
  const skus = new Map<string, { product: Product; variant: Variant }>();
  const ids = new Map<number, { product: Product; variant: Variant }>();
  for (const product of data.products) {
    for (const variant of [...product.variants, product.base_variant]) {
      const sku = variant.sku.toLowerCase();
      if (sku !== '' && !skus.has(sku)) skus.set(sku, { product, variant });
    }
    for (const variant of allVariants(product)) if (!ids.has(variant.id)) ids.set(variant.id, { product, variant });
  }
  return { bySku: (sku) => skus.get(sku.toLowerCase()), byId: (id) => ids.get(id) };
}

export function findBySku(data: StoreData, sku: string): { product: Product; variant: Variant } | undefined {
  const wanted = sku.toLowerCase();
  for (const product of data.products) {
    // Option variants first: a product's own SKU only stands for its base variant.
    const variant = [...product.variants, product.base_variant].find((v) => v.sku !== '' && v.sku.toLowerCase() === wanted);
    if (variant) return { product, variant };
  }
  return undefined;
}

export function renderVariant(data: StoreData, product: Product, variant: Variant) {
  const price = variant.price ?? product.price;
  const sale = variant.sale_price ?? product.sale_price;
  return {
    ...variant,
    calculated_price: sale > 0 && sale < price ? sale : price,
    calculated_weight: variant.weight ?? product.weight,
    inventory_level: onHand(data, variant.id),
  };
}
