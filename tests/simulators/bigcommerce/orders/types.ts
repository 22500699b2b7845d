/** Order shapes as V2 answers them (orders.v2.oas2.yml); money is a 4-decimal string, as on BigCommerce. */

export interface FormField {
  name: string;
  value: string;
}

export interface OrderAddress {
  first_name: string;
  last_name: string;
  company: string;
  street_1: string;
  street_2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  country_iso2: string;
  phone: string;
  email: string;
}

export interface BillingAddress extends OrderAddress {
  form_fields: FormField[];
}

/** `order_Resp` without the link objects, which depend on the request (`include=`). */
export interface OrderRecord {
  id: number;
  customer_id: number;
  date_created: string;
  date_modified: string;
  date_shipped: string;
  status_id: number;
  status: string;
  custom_status: string;
  subtotal_ex_tax: string;
  subtotal_inc_tax: string;
  subtotal_tax: string;
  base_shipping_cost: string;
  shipping_cost_ex_tax: string;
  shipping_cost_inc_tax: string;
  shipping_cost_tax: string;
  shipping_cost_tax_class_id: number;
  base_handling_cost: string;
  handling_cost_ex_tax: string;
  handling_cost_inc_tax: string;
  handling_cost_tax: string;
  handling_cost_tax_class_id: number;
  base_wrapping_cost: string;
  wrapping_cost_ex_tax: string;
  wrapping_cost_inc_tax: string;
  wrapping_cost_tax: string;
  wrapping_cost_tax_class_id: number;
  total_ex_tax: string;
  total_inc_tax: string;
  total_tax: string;
  items_total: number;
  items_shipped: number;
  payment_method: string;
  payment_provider_id: string;
  payment_status: string;
  refunded_amount: string;
  order_is_digital: boolean;
  store_credit_amount: string;
  gift_certificate_amount: string;
  ip_address: string;
  ip_address_v6: string;
  geoip_country: string;
  geoip_country_iso2: string;
  currency_id: number;
  currency_code: string;
  currency_exchange_rate: string;
  default_currency_id: number;
  default_currency_code: string;
  store_default_currency_code: string;
  store_default_to_transactional_exchange_rate: string;
  staff_notes: string;
  customer_message: string;
  discount_amount: string;
  coupon_discount: string;
  shipping_address_count: number;
  is_deleted: boolean;
  ebay_order_id: string;
  cart_id: string;
  billing_address: BillingAddress;
  is_email_opt_in: boolean;
  credit_card_type: string | null;
  order_source: string;
  channel_id: number;
  external_source: string | null;
  external_id: string | null;
  external_merchant_id: string | null;
  tax_provider_id: string;
  customer_locale: string;
  external_order_id: string;
  is_tax_inclusive_pricing: boolean;
}

export interface AppliedDiscount {
  id: string;
  amount: string;
  name: string;
  code: string | null;
  target: 'order' | 'product';
}

export interface OrderProduct {
  id: number;
  order_id: number;
  product_id: number;
  variant_id: number;
  order_pickup_method_id: number;
  order_address_id: number;
  name: string;
  name_customer: string;
  name_merchant: string;
  sku: string;
  upc: string;
  type: 'physical' | 'digital' | 'giftcertificate';
  base_price: string;
  price_ex_tax: string;
  price_inc_tax: string;
  price_tax: string;
  base_total: string;
  total_ex_tax: string;
  total_inc_tax: string;
  total_tax: string;
  weight: string;
  width: string;
  height: string;
  depth: string;
  quantity: number;
  base_cost_price: string;
  cost_price_inc_tax: string;
  cost_price_ex_tax: string;
  cost_price_tax: string;
  is_refunded: boolean;
  quantity_refunded: number;
  refund_amount: string;
  return_id: number;
  wrapping_id: number;
  wrapping_name: string | null;
  base_wrapping_cost: string;
  wrapping_cost_ex_tax: string;
  wrapping_cost_inc_tax: string;
  wrapping_cost_tax: string;
  wrapping_message: string;
  quantity_shipped: number;
  event_name: string | null;
  event_date: string | null;
  fixed_shipping_cost: string;
  ebay_item_id: string;
  ebay_transaction_id: string;
  option_set_id: number | null;
  parent_order_product_id: number | null;
  is_bundled_product: boolean;
  bin_picking_number: string;
  external_id: string | null;
  brand: string;
  applied_discounts: AppliedDiscount[];
  product_options: unknown[];
  configurable_fields: unknown[];
  gift_certificate_id: number | null;
  discounted_total_inc_tax: string;
}

export interface OrderShippingAddress extends OrderAddress {
  id: number;
  order_id: number;
  items_total: number;
  items_shipped: number;
  shipping_method: string;
  base_cost: string;
  cost_ex_tax: string;
  cost_inc_tax: string;
  cost_tax: string;
  cost_tax_class_id: number;
  base_handling_cost: string;
  handling_cost_ex_tax: string;
  handling_cost_inc_tax: string;
  handling_cost_tax: string;
  handling_cost_tax_class_id: number;
  shipping_zone_id: number;
  shipping_zone_name: string;
  form_fields: FormField[];
}

export interface OrderCoupon {
  id: number;
  coupon_id: number;
  order_id: number;
  code: string;
  amount: number;
  /** 0 per item, 1 percentage, 2 per total, 3 shipping, 4 free shipping, 5 promotion. */
  type: 0 | 1 | 2 | 3 | 4 | 5;
  discount: number;
}

export interface OrderFee {
  id: number;
  type: 'custom_fee';
  display_name_customer: string;
  display_name_merchant: string;
  source: string;
  base_cost: string;
  cost_ex_tax: string;
  cost_inc_tax: string;
  cost_tax: string;
  tax_class_id: number | null;
}

/** Shaped like Orders V3 refunds, so `store/order/refund/created`'s `refund_id` points at something real. */
export interface OrderRefund {
  id: number;
  order_id: number;
  user_id: number;
  created: string;
  reason: string;
  total_amount: number;
  total_tax: number;
  uses_merchant_override_values: boolean;
  payments: { id: number; provider_id: string; amount: number; offline: boolean; is_declined: boolean; declined_message: string }[];
  items: { item_type: 'PRODUCT' | 'SHIPPING'; item_id: number; quantity: number; requested_amount: string | null; reason: string }[];
}

export interface StoredOrder {
  order: OrderRecord;
  /** Epoch ms of `date_created` / `date_modified`, for filtering and sorting. */
  createdMs: number;
  modifiedMs: number;
  products: OrderProduct[];
  shippingAddresses: OrderShippingAddress[];
  coupons: OrderCoupon[];
  fees: OrderFee[];
  /** Gift certificate recipients by order product id; BigCommerce shows them only in consignments. */
  giftCertificateRecipients: Record<string, string>;
}
