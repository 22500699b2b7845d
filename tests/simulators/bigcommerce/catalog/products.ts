import { iso8601, wholeSeconds } from '../dates';
import { nextId, type StoreData } from '../store-data';
import { DEFAULT_LOCATION_ID } from './inventory-types';
import { addImage, fileNameOf } from './images';
import type { ProductWrite, VariantWrite } from './product-input';
import { MAX_STOCK, onHand, setOnHand } from './stock';
import type { OptionValue, Product, ProductFields, VariantOptionValue } from './types';
import { newVariant, renderVariant, visibleVariants, type VariantFields } from './variants';

export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function defaults(id: number, name: string, nowMs: number): ProductFields {
  const now = iso8601(nowMs);
  return {
    id, name, type: 'physical', sku: '', description: '', weight: 0, width: 0, depth: 0, height: 0,
    price: 0, cost_price: 0, retail_price: 0, sale_price: 0, map_price: 0, tax_class_id: 0, product_tax_code: '',
    categories: [], brand_id: 0, inventory_warning_level: 0, inventory_tracking: 'none', fixed_cost_shipping_price: 0,
    is_free_shipping: false, is_visible: true, is_featured: false, related_products: [], warranty: '', bin_picking_number: '',
    layout_file: 'product.html', upc: '', mpn: '', gtin: '', search_keywords: '', availability: 'available',
    availability_description: '', gift_wrapping_options_type: 'any', gift_wrapping_options_list: [], sort_order: 0,
    condition: 'New', is_condition_shown: false, order_quantity_minimum: 0, order_quantity_maximum: 0, page_title: '',
    meta_keywords: [], meta_description: '', view_count: 0, preorder_release_date: null, preorder_message: '',
    is_preorder_only: false, is_price_hidden: false, price_hidden_label: '', custom_url: { url: `/${slug(name)}/`, is_customized: false },
    open_graph_type: 'product', open_graph_title: '', open_graph_description: '', open_graph_use_meta_description: true,
    open_graph_use_product_name: true, open_graph_use_image: true, date_last_imported: null, reviews_rating_sum: 0,
    reviews_count: 0, total_sold: 0, date_created: now, date_modified: now,
  };
}

/** Sub-resources and inventory are handled apart; the rest are plain field copies. */
function scalarFields(write: ProductWrite): Partial<ProductFields> {
  const { custom_fields: _cf, images: _im, variants: _va, inventory_level: _il, custom_url, ...fields } = write;
  return { ...fields, ...(custom_url ? { custom_url: { url: custom_url.url, is_customized: custom_url.is_customized ?? true } } : {}) };
}

function variantFields(write: VariantWrite): VariantFields {
  const { option_values: _ov, inventory_level: _il, inventory_warning_level, bin_picking_number, ...fields } = write;
  return {
    ...fields,
    ...(inventory_warning_level != null ? { inventory_warning_level } : {}),
    ...(bin_picking_number != null ? { bin_picking_number } : {}),
  };
}

/** `option_values: [{option_display_name, label}]` in a product POST creates the options on the fly. */
function optionValuesFor(data: StoreData, product: Product, write: VariantWrite): VariantOptionValue[] {
  return (write.option_values ?? []).map((ov) => {
    let option = product.options.find((o) => o.id === ov.option_id || (ov.option_display_name !== undefined && o.display_name === ov.option_display_name));
    if (!option) {
      const name = ov.option_display_name ?? `Optie ${product.options.length + 1}`;
      option = { id: nextId(data, 'option'), product_id: product.id, name: `${name}${product.id}`, display_name: name, type: 'rectangles', config: {}, sort_order: product.options.length, option_values: [] };
      product.options.push(option);
    }
    let value: OptionValue | undefined = option.option_values.find((v) => v.id === ov.id || (ov.label !== undefined && v.label === ov.label));
    if (!value) {
      value = { id: nextId(data, 'optionValue'), label: ov.label ?? String(ov.id), sort_order: option.option_values.length, value_data: null, is_default: false };
      option.option_values.push(value);
    }
    return { id: value.id, label: value.label, option_id: option.id, option_display_name: option.display_name };
  });
}

export function addVariant(data: StoreData, product: Product, write: VariantWrite, optionValues = optionValuesFor(data, product, write)) {
  const variant = newVariant(data, product.id, variantFields(write), optionValues);
  product.variants.push(variant);
  if (write.inventory_level != null) setOnHand(data, { location_id: DEFAULT_LOCATION_ID, product_id: product.id, variant_id: variant.id }, Math.min(write.inventory_level, MAX_STOCK));
  return variant;
}

export function createProduct(data: StoreData, storeHash: string, write: ProductWrite & { name: string }, nowMs: number): Product {
  const id = nextId(data, 'product');
  const fields = { ...defaults(id, write.name, wholeSeconds(nowMs)), ...scalarFields(write) };
  const product: Product = {
    ...fields,
    base_variant: newVariant(data, id, { sku: fields.sku }, []),
    variants: [],
    options: [],
    images: [],
    custom_fields: [],
  };
  data.products.push(product);
  applySubResources(data, storeHash, product, write, nowMs);
  return product;
}

export function updateProduct(data: StoreData, storeHash: string, product: Product, write: ProductWrite, nowMs: number): void {
  Object.assign(product, scalarFields(write));
  product.base_variant.sku = product.sku;
  product.date_modified = iso8601(wholeSeconds(nowMs));
  applySubResources(data, storeHash, product, write, nowMs);
}

function applySubResources(data: StoreData, storeHash: string, product: Product, write: ProductWrite, nowMs: number): void {
  // Catalog inventory is the default location's (reference §2.4), and only counts when tracked by product.
  if (write.inventory_level !== undefined) {
    setOnHand(data, { location_id: DEFAULT_LOCATION_ID, product_id: product.id, variant_id: product.base_variant.id }, Math.min(Math.max(0, write.inventory_level), MAX_STOCK));
  }
  for (const v of write.variants ?? []) addVariant(data, product, v);
  for (const img of write.images ?? []) {
    if (img.image_url) addImage(data, storeHash, product, { ...img, file: fileNameOf(img.image_url) }, nowMs);
  }
  for (const cf of write.custom_fields ?? []) {
    const existing = cf.id === undefined ? undefined : product.custom_fields.find((c) => c.id === cf.id);
    if (existing) Object.assign(existing, { name: cf.name, value: cf.value });
    else product.custom_fields.push({ id: nextId(data, 'customField'), name: cf.name, value: cf.value });
  }
}

/** The default location's stock; untracked products still report what was last stored. */
export function productInventory(data: StoreData, product: Product): number {
  if (product.inventory_tracking === 'variant') return visibleVariants(product).reduce((sum, v) => sum + onHand(data, v.id), 0);
  return onHand(data, product.base_variant.id);
}

export const PRODUCT_INCLUDES = ['variants', 'images', 'custom_fields', 'bulk_pricing_rules', 'primary_image', 'modifiers', 'options', 'videos'] as const;
export type ProductInclude = (typeof PRODUCT_INCLUDES)[number];

export interface ProductView {
  includes?: ReadonlySet<string>;
  /** Only these fields (plus `id`) when given. */
  fields?: ReadonlySet<string>;
  exclude?: ReadonlySet<string>;
}

/** A product as Catalog V3 answers it: stored fields, derived ones, and sub-resources only when included. */
export function renderProduct(data: StoreData, product: Product, view: ProductView = {}): Record<string, unknown> {
  const { base_variant: base, variants: _v, options, images, custom_fields, ...fields } = product;
  const includes = view.includes ?? new Set<string>();
  const full: Record<string, unknown> = {
    ...structuredClone(fields),
    inventory_level: productInventory(data, product),
    base_variant_id: product.variants.length > 0 ? null : base.id,
    calculated_price: product.sale_price > 0 && product.sale_price < product.price ? product.sale_price : product.price,
    option_set_id: null,
    option_set_display: 'right',
  };
  let out: Record<string, unknown> = full;
  if (view.fields && view.fields.size > 0) {
    out = Object.fromEntries(Object.entries(full).filter(([k]) => k === 'id' || view.fields?.has(k)));
  }
  for (const name of view.exclude ?? []) if (name !== 'id') delete out[name];
  if (includes.has('variants')) out.variants = visibleVariants(product).map((v) => renderVariant(data, product, v));
  if (includes.has('images')) out.images = structuredClone(images);
  if (includes.has('custom_fields')) out.custom_fields = structuredClone(custom_fields);
  if (includes.has('options')) out.options = structuredClone(options);
  if (includes.has('modifiers')) out.modifiers = [];
  if (includes.has('bulk_pricing_rules')) out.bulk_pricing_rules = [];
  if (includes.has('videos')) out.videos = [];
  if (includes.has('primary_image')) out.primary_image = structuredClone(images.find((i) => i.is_thumbnail) ?? null);
  return out;
}
