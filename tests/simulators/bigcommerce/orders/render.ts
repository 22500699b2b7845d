import type { OrderProduct, OrderRecord, OrderShippingAddress, StoredOrder } from './types';

export interface Link {
  url: string;
  resource: string;
}

/** An order as `GET /v2/orders/{id}` answers it without `include`. */
export type OrderV2 = OrderRecord & {
  products: Link;
  shipping_addresses: Link;
  coupons: Link;
  consignments: unknown;
  fees: unknown;
};

/** Only 50 line items per consignment come back with `include=consignments.line_items` (bigcommerce/docs#960). */
export const CONSIGNMENT_LINE_ITEM_CAP = 50;

export interface RenderOptions {
  /** `https://api.bigcommerce.com/stores/{hash}/v2` or the simulator's equivalent. */
  v2Base: string;
  includes: ReadonlySet<string>;
  consignmentStructure: 'object' | 'array';
}

function linkTo(v2Base: string, resource: string): Link {
  return { url: `${v2Base}${resource}`, resource };
}

function lineItems(opts: RenderOptions, order: StoredOrder, items: OrderProduct[]): { line_items: unknown[]; __warning__?: { message: string } } {
  const full = opts.includes.has('consignments.line_items');
  const shown = full ? items.slice(0, CONSIGNMENT_LINE_ITEM_CAP) : items;
  const out: { line_items: unknown[]; __warning__?: { message: string } } = {
    line_items: shown.map((p) => (full ? p : linkTo(opts.v2Base, `/orders/${order.order.id}/products/${p.id}`))),
  };
  if (shown.length < items.length) {
    out.__warning__ = {
      message: `Not all line items of this consignment are returned with this response, only ${CONSIGNMENT_LINE_ITEM_CAP} are included. Please use the \`/v2/orders/{order_id}/products\` endpoint to fetch all line items.`,
    };
  }
  return out;
}

function shippingConsignment(opts: RenderOptions, order: StoredOrder, address: OrderShippingAddress) {
  const { order_id: _orderId, base_cost, cost_ex_tax, cost_inc_tax, cost_tax, base_handling_cost, handling_cost_ex_tax, handling_cost_inc_tax, handling_cost_tax, ...fields } = address;
  // Consignments carry the same costs as shipping addresses, but as numbers (orderConsignment_Get).
  return {
    ...fields,
    ...lineItems(opts, order, order.products.filter((p) => p.order_address_id === address.id)),
    base_cost: Number(base_cost),
    cost_ex_tax: Number(cost_ex_tax),
    cost_inc_tax: Number(cost_inc_tax),
    cost_tax: Number(cost_tax),
    base_handling_cost: Number(base_handling_cost),
    handling_cost_ex_tax: Number(handling_cost_ex_tax),
    handling_cost_inc_tax: Number(handling_cost_inc_tax),
    handling_cost_tax: Number(handling_cost_tax),
    shipping_quotes: linkTo(opts.v2Base, `/orders/${order.order.id}/consignments/shipping/${address.id}/shipping_quotes`),
  };
}

export function consignments(opts: RenderOptions, order: StoredOrder) {
  const downloads = order.products.filter((p) => p.type === 'digital');
  const certificates = order.products.filter((p) => p.type === 'giftcertificate');
  const recipients = [...new Set(certificates.map((p) => order.giftCertificateRecipients[String(p.id)] ?? order.order.billing_address.email))];
  return {
    pickups: [],
    shipping: order.shippingAddresses.map((a) => shippingConsignment(opts, order, a)),
    downloads: downloads.length > 0 ? [{ recipient_email: order.order.billing_address.email, ...lineItems(opts, order, downloads) }] : [],
    email: {
      gift_certificates: recipients.map((email) => ({
        recipient_email: email,
        ...lineItems(opts, order, certificates.filter((p) => (order.giftCertificateRecipients[String(p.id)] ?? order.order.billing_address.email) === email)),
      })),
    },
  };
}

export function renderOrder(opts: RenderOptions, stored: StoredOrder): OrderV2 {
  const id = stored.order.id;
  const wantsConsignments = opts.includes.has('consignments') || opts.includes.has('consignments.line_items');
  const object = wantsConsignments ? consignments(opts, stored) : null;
  return {
    ...structuredClone(stored.order),
    products: linkTo(opts.v2Base, `/orders/${id}/products`),
    shipping_addresses: linkTo(opts.v2Base, `/orders/${id}/shipping_addresses`),
    coupons: linkTo(opts.v2Base, `/orders/${id}/coupons`),
    // Without consignment_structure=object BigCommerce still answers its legacy array form (docs PR #754).
    consignments: object ? (opts.consignmentStructure === 'object' ? object : [object]) : linkTo(opts.v2Base, `/orders/${id}/consignments`),
    fees: opts.includes.has('fees') ? structuredClone(stored.fees) : linkTo(opts.v2Base, `/orders/${id}/fees`),
  };
}

export function renderShippingAddress(v2Base: string, address: OrderShippingAddress) {
  return {
    ...address,
    shipping_quotes: linkTo(v2Base, `/orders/${address.order_id}/shipping_addresses/${address.id}/shipping_quotes`),
  };
}
