import { z } from 'zod';

/**
 * Writable product fields. The spec's JSON schema checks the body first (api/spec-validation.ts); this
 * schema types what the handlers read and still guards the simulator when the specs are absent.
 */
const money = z.number().min(0);
const id = z.number().int();

export const variantWrite = z.object({
  sku: z.string().max(255).optional(),
  price: money.nullable().optional(),
  sale_price: money.nullable().optional(),
  retail_price: money.nullable().optional(),
  map_price: money.nullable().optional(),
  cost_price: money.nullable().optional(),
  weight: money.nullable().optional(),
  width: money.nullable().optional(),
  height: money.nullable().optional(),
  depth: money.nullable().optional(),
  is_free_shipping: z.boolean().optional(),
  fixed_cost_shipping_price: money.nullable().optional(),
  purchasing_disabled: z.boolean().optional(),
  purchasing_disabled_message: z.string().max(255).optional(),
  image_url: z.string().optional(),
  upc: z.string().max(14).optional(),
  mpn: z.string().optional(),
  gtin: z.string().max(14).optional(),
  inventory_level: z.number().int().min(0).nullable().optional(),
  inventory_warning_level: z.number().int().min(0).nullable().optional(),
  bin_picking_number: z.string().max(255).nullable().optional(),
  option_values: z
    .array(z.object({ id: id.optional(), option_id: id.optional(), option_display_name: z.string().optional(), label: z.string().optional() }))
    .optional(),
});
export type VariantWrite = z.output<typeof variantWrite>;

export const imageWrite = z.object({
  image_url: z.string().max(255).optional(),
  is_thumbnail: z.boolean().optional(),
  sort_order: z.number().int().optional(),
  description: z.string().optional(),
});

export const customFieldWrite = z.object({ id: id.optional(), name: z.string().min(1).max(250), value: z.string().min(1).max(250) });

export const productWrite = z.object({
  name: z.string().min(1).max(250).optional(),
  type: z.enum(['physical', 'digital']).optional(),
  sku: z.string().max(255).optional(),
  description: z.string().optional(),
  weight: money.optional(),
  width: money.optional(),
  depth: money.optional(),
  height: money.optional(),
  price: money.optional(),
  cost_price: money.optional(),
  retail_price: money.optional(),
  sale_price: money.optional(),
  map_price: money.optional(),
  tax_class_id: id.optional(),
  product_tax_code: z.string().optional(),
  categories: z.array(id).max(1000).optional(),
  brand_id: id.optional(),
  inventory_level: z.number().int().optional(),
  inventory_warning_level: z.number().int().optional(),
  inventory_tracking: z.enum(['none', 'product', 'variant']).optional(),
  fixed_cost_shipping_price: money.optional(),
  is_free_shipping: z.boolean().optional(),
  is_visible: z.boolean().optional(),
  is_featured: z.boolean().optional(),
  related_products: z.array(id).optional(),
  warranty: z.string().optional(),
  bin_picking_number: z.string().optional(),
  layout_file: z.string().optional(),
  upc: z.string().max(14).optional(),
  mpn: z.string().optional(),
  gtin: z.string().max(14).optional(),
  search_keywords: z.string().optional(),
  availability: z.enum(['available', 'disabled', 'preorder']).optional(),
  availability_description: z.string().optional(),
  gift_wrapping_options_type: z.enum(['any', 'none', 'list']).optional(),
  gift_wrapping_options_list: z.array(id).optional(),
  sort_order: id.optional(),
  condition: z.enum(['New', 'Used', 'Refurbished']).optional(),
  is_condition_shown: z.boolean().optional(),
  order_quantity_minimum: id.optional(),
  order_quantity_maximum: id.optional(),
  page_title: z.string().optional(),
  meta_keywords: z.array(z.string()).optional(),
  meta_description: z.string().optional(),
  preorder_release_date: z.string().nullable().optional(),
  preorder_message: z.string().optional(),
  is_preorder_only: z.boolean().optional(),
  is_price_hidden: z.boolean().optional(),
  price_hidden_label: z.string().optional(),
  custom_url: z.object({ url: z.string(), is_customized: z.boolean().optional() }).optional(),
  open_graph_type: z.string().optional(),
  open_graph_title: z.string().optional(),
  open_graph_description: z.string().optional(),
  open_graph_use_meta_description: z.boolean().optional(),
  open_graph_use_product_name: z.boolean().optional(),
  open_graph_use_image: z.boolean().optional(),
  date_last_imported: z.string().optional(),
  custom_fields: z.array(customFieldWrite).optional(),
  images: z.array(imageWrite).optional(),
  variants: z.array(variantWrite).optional(),
});
export type ProductWrite = z.output<typeof productWrite>;

/** What `POST /catalog/products` needs on top (reference §2.3). */
export const productCreate = productWrite.extend({
  name: z.string().min(1).max(250),
  type: z.enum(['physical', 'digital']),
  weight: money,
  price: money,
});

export const productBatchItem = productWrite.extend({ id });
