import { z } from 'zod';

/**
 * The parts of a BigCommerce V2 order (read with `include=consignments.line_items,fees` and
 * `consignment_structure=object`) the flow uses, parsed once at the boundary. Money becomes integer
 * cents; unit prices keep their four decimals. Unknown fields pass through untouched in `raw`.
 */

export type Cents = number;

const text = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined ? '' : String(v)));

/** `"12.3400"` or `12.34` → 1234. */
const cents = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === '') return 0;
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `not an amount: ${String(v)}` });
      return z.NEVER;
    }
    return Math.round(n * 100);
  });

/** A unit price with up to four decimals, as a number. */
const price = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === '') return 0;
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: `not a price: ${String(v)}` });
      return z.NEVER;
    }
    return Math.round(n * 10_000) / 10_000;
  });

const int = z.union([z.number(), z.string().regex(/^-?\d+$/).transform(Number)]);

const address = z.looseObject({
  first_name: text,
  last_name: text,
  company: text,
  street_1: text,
  street_2: text,
  city: text,
  state: text,
  zip: text,
  country: text,
  country_iso2: text,
  phone: text,
  email: text,
});
export type OrderAddress = z.output<typeof address>;

const appliedDiscount = z.looseObject({ amount: cents, name: text, code: text });

const lineItem = z.looseObject({
  id: int,
  product_id: int.optional().default(0),
  variant_id: int.nullish(),
  order_address_id: int.nullish(),
  name: text,
  sku: text,
  upc: text,
  type: text,
  quantity: z.number(),
  price_ex_tax: price,
  price_inc_tax: price,
  total_ex_tax: cents,
  total_inc_tax: cents,
  total_tax: cents,
  discounted_total_inc_tax: cents.optional(),
  applied_discounts: z.array(appliedDiscount).nullish().transform((v) => v ?? []),
  quantity_refunded: z.number().nullish().transform((v) => v ?? 0),
  refund_amount: cents,
  parent_order_product_id: int.nullish(),
});
export type OrderLine = z.output<typeof lineItem>;

const consignmentItems = z.looseObject({
  line_items: z.array(z.unknown()).nullish().transform((v) => v ?? []),
  __warning__: z.unknown().optional(),
});

const shippingConsignment = consignmentItems.extend({
  id: int,
  ...address.shape,
  shipping_method: text,
  cost_ex_tax: cents,
  cost_inc_tax: cents,
  cost_tax: cents,
});

const consignments = z.looseObject({
  shipping: z.array(shippingConsignment).nullish().transform((v) => v ?? []),
  pickups: z.array(consignmentItems).nullish().transform((v) => v ?? []),
  downloads: z.array(consignmentItems).nullish().transform((v) => v ?? []),
  email: z
    .looseObject({ gift_certificates: z.array(consignmentItems).nullish().transform((v) => v ?? []) })
    .nullish()
    .transform((v) => v ?? { gift_certificates: [] }),
});

const fee = z.looseObject({
  id: int,
  display_name_merchant: text,
  display_name_customer: text,
  cost_ex_tax: cents,
  cost_inc_tax: cents,
  cost_tax: cents,
});

const orderSchema = z.looseObject({
  id: int,
  status_id: int,
  status: text,
  customer_id: int.nullish().transform((v) => v ?? 0),
  date_created: text,
  date_modified: text,
  channel_id: int.nullish().transform((v) => v ?? 1),
  currency_code: text,
  default_currency_code: text,
  store_default_currency_code: text,
  is_tax_inclusive_pricing: z.boolean().nullish(),
  shipping_cost_ex_tax: cents,
  shipping_cost_inc_tax: cents,
  shipping_cost_tax: cents,
  handling_cost_ex_tax: cents,
  handling_cost_inc_tax: cents,
  handling_cost_tax: cents,
  wrapping_cost_ex_tax: cents,
  wrapping_cost_inc_tax: cents,
  wrapping_cost_tax: cents,
  total_ex_tax: cents,
  total_inc_tax: cents,
  total_tax: cents,
  refunded_amount: cents,
  gift_certificate_amount: cents,
  store_credit_amount: cents,
  discount_amount: cents,
  coupon_discount: cents,
  payment_method: text,
  customer_message: text,
  staff_notes: text,
  is_deleted: z.boolean().nullish(),
  billing_address: address,
  consignments: z.unknown(),
  fees: z.unknown(),
});

export interface ShippingConsignment extends OrderAddress {
  id: number;
  shippingMethod: string;
  cost: { ex: Cents; inc: Cents; tax: Cents };
}

export interface OrderFee {
  id: number;
  name: string;
  cost: { ex: Cents; inc: Cents; tax: Cents };
}

/** An order as the flow reads it. */
export interface OrderView {
  id: number;
  statusId: number;
  status: string;
  customerId: number;
  createdAt: Date;
  modifiedAt: Date;
  channelId: number;
  /** The transactional currency: what the shopper paid in, and what the amounts are in. */
  currency: string;
  taxInclusive: boolean | undefined;
  email: string;
  billing: OrderAddress;
  lines: OrderLine[];
  shipping: ShippingConsignment[];
  /** Recipients of digital goods and gift certificates (no shipping address). */
  recipients: string[];
  fees: OrderFee[];
  handling: { ex: Cents; inc: Cents; tax: Cents };
  wrapping: { ex: Cents; inc: Cents; tax: Cents };
  shippingTotal: { ex: Cents; inc: Cents; tax: Cents };
  total: { ex: Cents; inc: Cents; tax: Cents };
  refunded: Cents;
  giftCertificateAmount: Cents;
  storeCreditAmount: Cents;
  paymentMethod: string;
  customerMessage: string;
  /** More line items than the consignments carry (BigCommerce caps them at 50): read them separately. */
  truncated: boolean;
  /** Whether the consignments were included at all. */
  hasConsignments: boolean;
  /** Archived by the merchant. */
  isDeleted: boolean;
}

export type OrderParse = { ok: true; order: OrderView } | { ok: false; problem: string };

function dateOf(value: string): Date {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? new Date(0) : new Date(ms);
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'order'}: ${issue.message}` : 'unreadable';
}

/** Parses one order; `lines` replaces the consignments' line items when they had to be read separately. */
export function parseOrder(raw: unknown, lines?: readonly unknown[]): OrderParse {
  const parsed = orderSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: issueText(parsed.error) };
  const o = parsed.data;
  const structured = consignments.safeParse(Array.isArray(o.consignments) ? o.consignments[0] : o.consignments);
  const hasConsignments = structured.success && o.consignments !== null && typeof o.consignments === 'object' && !('url' in o.consignments);
  const c = structured.success ? structured.data : { shipping: [], pickups: [], downloads: [], email: { gift_certificates: [] } };

  const groups = [...c.shipping, ...c.pickups, ...c.downloads, ...c.email.gift_certificates];
  const truncated = groups.some((g) => g.__warning__ !== undefined);
  const rawLines = lines ?? groups.flatMap((g) => g.line_items);
  const seen = new Set<number>();
  const parsedLines: OrderLine[] = [];
  for (const item of rawLines) {
    const line = lineItem.safeParse(item);
    if (!line.success) return { ok: false, problem: `line item: ${issueText(line.error)}` };
    if (seen.has(line.data.id)) continue;
    seen.add(line.data.id);
    parsedLines.push(line.data);
  }
  parsedLines.sort((a, b) => a.id - b.id);

  const feeList = z.array(fee).safeParse(Array.isArray(o.fees) ? o.fees : []);
  if (!feeList.success) return { ok: false, problem: `fees: ${issueText(feeList.error)}` };

  const triple = (ex: Cents, inc: Cents, tax: Cents) => ({ ex, inc, tax });
  return {
    ok: true,
    order: {
      id: o.id,
      statusId: o.status_id,
      status: o.status,
      customerId: o.customer_id,
      createdAt: dateOf(o.date_created),
      modifiedAt: dateOf(o.date_modified),
      channelId: o.channel_id,
      currency: (o.default_currency_code || o.currency_code || o.store_default_currency_code).toUpperCase(),
      taxInclusive: o.is_tax_inclusive_pricing ?? undefined,
      email: o.billing_address.email.trim(),
      billing: o.billing_address,
      lines: parsedLines,
      shipping: c.shipping.map((s) => ({
        ...s,
        shippingMethod: s.shipping_method,
        cost: triple(s.cost_ex_tax, s.cost_inc_tax, s.cost_tax),
      })),
      recipients: [...c.downloads, ...c.email.gift_certificates]
        .map((g) => (typeof g.recipient_email === 'string' ? g.recipient_email : ''))
        .filter((e) => e !== ''),
      fees: feeList.data.map((f) => ({
        id: f.id,
        name: f.display_name_merchant || f.display_name_customer,
        cost: triple(f.cost_ex_tax, f.cost_inc_tax, f.cost_tax),
      })),
      handling: triple(o.handling_cost_ex_tax, o.handling_cost_inc_tax, o.handling_cost_tax),
      wrapping: triple(o.wrapping_cost_ex_tax, o.wrapping_cost_inc_tax, o.wrapping_cost_tax),
      shippingTotal: triple(o.shipping_cost_ex_tax, o.shipping_cost_inc_tax, o.shipping_cost_tax),
      total: triple(o.total_ex_tax, o.total_inc_tax, o.total_tax),
      refunded: o.refunded_amount,
      giftCertificateAmount: o.gift_certificate_amount,
      storeCreditAmount: o.store_credit_amount,
      paymentMethod: o.payment_method,
      customerMessage: o.customer_message,
      truncated,
      hasConsignments,
      isDeleted: o.is_deleted === true,
    },
  };
}

/** The product lines as a merchant knows them: name and SKU. */
export function lineLabel(line: OrderLine): string {
  return line.sku ? `"${line.name}" (SKU ${line.sku})` : `"${line.name}"`;
}
