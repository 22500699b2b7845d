/** Catalog V3 shapes (products_catalog.v3.yml). Money and weights are numbers, dates ISO 8601. */

export interface VariantOptionValue {
  id: number;
  label: string;
  option_id: number;
  option_display_name: string;
}

/** Stored without `inventory_level`: stock lives in the inventory store, per location. */
export interface Variant {
  id: number;
  product_id: number;
  sku: string;
  /** Null for the base variant of a simple product. */
  sku_id: number | null;
  price: number | null;
  sale_price: number | null;
  retail_price: number | null;
  map_price: number | null;
  cost_price: number | null;
  weight: number | null;
  width: number | null;
  height: number | null;
  depth: number | null;
  is_free_shipping: boolean;
  fixed_cost_shipping_price: number | null;
  purchasing_disabled: boolean;
  purchasing_disabled_message: string;
  image_url: string;
  upc: string;
  mpn: string;
  gtin: string;
  inventory_warning_level: number;
  bin_picking_number: string;
  option_values: VariantOptionValue[];
}

export interface OptionValue {
  id: number;
  label: string;
  sort_order: number;
  value_data: Record<string, unknown> | null;
  is_default: boolean;
}

export interface ProductOption {
  id: number;
  product_id: number;
  name: string;
  display_name: string;
  type: 'radio_buttons' | 'rectangles' | 'dropdown' | 'product_list' | 'product_list_with_images' | 'swatch';
  config: Record<string, unknown>;
  sort_order: number;
  option_values: OptionValue[];
}

export interface ProductImage {
  id: number;
  product_id: number;
  is_thumbnail: boolean;
  sort_order: number;
  description: string;
  image_file: string;
  image_url: string;
  url_zoom: string;
  url_standard: string;
  url_thumbnail: string;
  url_tiny: string;
  date_modified: string;
}

export interface CustomField {
  id: number;
  name: string;
  value: string;
}

/** `product_Full` scalar fields, as stored; sub-resources are kept beside them. */
export interface ProductFields {
  id: number;
  name: string;
  type: 'physical' | 'digital';
  sku: string;
  description: string;
  weight: number;
  width: number;
  depth: number;
  height: number;
  price: number;
  cost_price: number;
  retail_price: number;
  sale_price: number;
  map_price: number;
  tax_class_id: number;
  product_tax_code: string;
  categories: number[];
  brand_id: number;
  inventory_warning_level: number;
  inventory_tracking: 'none' | 'product' | 'variant';
  fixed_cost_shipping_price: number;
  is_free_shipping: boolean;
  is_visible: boolean;
  is_featured: boolean;
  related_products: number[];
  warranty: string;
  bin_picking_number: string;
  layout_file: string;
  upc: string;
  mpn: string;
  gtin: string;
  search_keywords: string;
  availability: 'available' | 'disabled' | 'preorder';
  availability_description: string;
  gift_wrapping_options_type: 'any' | 'none' | 'list';
  gift_wrapping_options_list: number[];
  sort_order: number;
  condition: 'New' | 'Used' | 'Refurbished';
  is_condition_shown: boolean;
  order_quantity_minimum: number;
  order_quantity_maximum: number;
  page_title: string;
  meta_keywords: string[];
  meta_description: string;
  view_count: number;
  preorder_release_date: string | null;
  preorder_message: string;
  is_preorder_only: boolean;
  is_price_hidden: boolean;
  price_hidden_label: string;
  custom_url: { url: string; is_customized: boolean };
  open_graph_type: string;
  open_graph_title: string;
  open_graph_description: string;
  open_graph_use_meta_description: boolean;
  open_graph_use_product_name: boolean;
  open_graph_use_image: boolean;
  date_last_imported: string | null;
  reviews_rating_sum: number;
  reviews_count: number;
  total_sold: number;
  date_created: string;
  date_modified: string;
}

export interface Product extends ProductFields {
  /** A simple product's only variant; hidden once option variants exist (then `base_variant_id` is null). */
  base_variant: Variant;
  variants: Variant[];
  options: ProductOption[];
  images: ProductImage[];
  custom_fields: CustomField[];
}
