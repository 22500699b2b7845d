import { z } from 'zod';

/**
 * What a test (or the seed) says about an order. Everything is optional; prices are unit prices
 * as entered in the store, i.e. tax-inclusive when the order uses tax-inclusive pricing.
 */
const address = z.object({
  first_name: z.string(),
  last_name: z.string(),
  company: z.string(),
  street_1: z.string(),
  street_2: z.string(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  country: z.string(),
  country_iso2: z.string().length(2),
  phone: z.string(),
  email: z.string(),
});

export const orderLineInput = z.object({
  product_id: z.number().int().nonnegative().optional(),
  variant_id: z.number().int().nonnegative().optional(),
  name: z.string().min(1).optional(),
  sku: z.string().optional(),
  quantity: z.number().int().positive().default(1),
  price: z.number().nonnegative().optional(),
  /** VAT in percent: 21, 9 (NL reduced), 6 (BE reduced), 0. */
  tax_rate: z.number().nonnegative().optional(),
  type: z.enum(['physical', 'digital', 'giftcertificate']).optional(),
  /** Index into `shipping_addresses` for physical lines. */
  address: z.number().int().nonnegative().default(0),
  weight: z.number().nonnegative().optional(),
  brand: z.string().optional(),
  upc: z.string().optional(),
  quantity_shipped: z.number().int().nonnegative().default(0),
  recipient_email: z.string().optional(),
});

export const shippingAddressInput = address.partial().extend({
  shipping_method: z.string().default('Verzending PostNL'),
  cost: z.number().nonnegative().default(6.95),
  tax_rate: z.number().nonnegative().default(21),
  shipping_zone_name: z.string().optional(),
});

export const couponInput = z.object({
  code: z.string().min(1),
  /** 1 percentage, 2 per total; others need an explicit `discount`. */
  type: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]).default(2),
  amount: z.number().nonnegative(),
  discount: z.number().nonnegative().optional(),
});

export const feeInput = z.object({
  name: z.string().min(1),
  cost: z.number().nonnegative(),
  tax_rate: z.number().nonnegative().default(21),
});

export const orderInput = z.object({
  customer_id: z.number().int().nonnegative().default(0),
  status_id: z.number().int().optional(),
  /** Epoch ms or any date string; defaults to the simulator clock. */
  date_created: z.union([z.number(), z.string()]).optional(),
  billing_address: address.partial().optional(),
  products: z.array(orderLineInput).optional(),
  /** Omit for the billing address; `[]` for an order without shipping (digital only). */
  shipping_addresses: z.array(shippingAddressInput).optional(),
  coupons: z.array(couponInput).default([]),
  fees: z.array(feeInput).default([]),
  discount_amount: z.number().nonnegative().default(0),
  gift_certificate_amount: z.number().nonnegative().default(0),
  store_credit_amount: z.number().nonnegative().default(0),
  payment_method: z.string().optional(),
  payment_provider_id: z.string().optional(),
  payment_status: z.string().optional(),
  customer_message: z.string().default(''),
  staff_notes: z.string().default(''),
  channel_id: z.number().int().positive().default(1),
  order_source: z.string().default('www'),
  external_source: z.string().nullable().default(null),
  external_order_id: z.string().default(''),
  customer_locale: z.string().default('nl'),
  ip_address: z.string().default('84.241.193.12'),
  is_tax_inclusive_pricing: z.boolean().optional(),
  is_email_opt_in: z.boolean().default(false),
  cart_id: z.string().optional(),
});

export type OrderInput = z.input<typeof orderInput>;
export type ParsedOrderInput = z.output<typeof orderInput>;
export type OrderLineInput = z.output<typeof orderLineInput>;
export type ShippingAddressInput = z.output<typeof shippingAddressInput>;

/** Fields `sim.orders.update` may change; each change fires the webhooks BigCommerce would. */
export const orderPatch = z.object({
  status_id: z.number().int().optional(),
  is_deleted: z.boolean().optional(),
  staff_notes: z.string().optional(),
  customer_message: z.string().optional(),
  payment_status: z.string().optional(),
  billing_address: address.partial().optional(),
  external_order_id: z.string().optional(),
  items_shipped: z.number().int().nonnegative().optional(),
});
export type OrderPatch = z.input<typeof orderPatch>;

export const refundInput = z.object({
  /** Order product ids and quantities to refund. */
  items: z.array(z.object({ order_product_id: z.number().int(), quantity: z.number().int().positive() })).default([]),
  /** Also refund the shipping cost. */
  shipping: z.boolean().default(false),
  /** Amount in the order currency; defaults to the value of `items` (+ shipping), or the whole remainder if neither is given. */
  amount: z.number().positive().optional(),
  reason: z.string().default(''),
  provider_id: z.string().optional(),
});
export type RefundInput = z.input<typeof refundInput>;
