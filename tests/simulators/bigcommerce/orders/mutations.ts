import { iso8601, rfc2822, wholeSeconds } from '../dates';
import { toCents, v2Money } from '../money';
import { nextId, type StoreData } from '../store-data';
import { refundInput, type RefundInput } from './input';
import { statusName } from './statuses';
import type { OrderRefund, StoredOrder } from './types';

/** Pure changes to a stored order, shared by the seed and `sim.orders`; the caller fires the webhooks. */

export function touch(order: StoredOrder, nowMs: number): void {
  order.modifiedMs = Math.max(order.modifiedMs, wholeSeconds(nowMs));
  order.order.date_modified = rfc2822(order.modifiedMs);
}

/** Returns the previous status id. */
export function applyStatus(order: StoredOrder, statusId: number, nowMs: number): number {
  const previous = order.order.status_id;
  order.order.status_id = statusId;
  order.order.status = statusName(statusId);
  order.order.custom_status = order.order.status;
  if (statusId === 2 && !order.order.date_shipped) order.order.date_shipped = rfc2822(wholeSeconds(nowMs));
  return previous;
}

const cents = (money: string) => toCents(Number(money));

interface RefundContext {
  data: StoreData;
  /** The staff user who refunds: the store owner. */
  userId: number;
  nowMs: number;
}

/**
 * Records a refund in the V2 fields (`refunded_amount`, line `quantity_refunded`/`refund_amount`,
 * `payment_status`) and moves the order to Refunded or Partially Refunded.
 */
export function applyRefund(ctx: RefundContext, order: StoredOrder, raw: RefundInput): { refund: OrderRefund; previousStatusId: number } {
  const input = refundInput.parse(raw);
  const o = order.order;
  const remaining = cents(o.total_inc_tax) - cents(o.refunded_amount);
  if (remaining <= 0) throw new Error(`Order ${o.id} is already fully refunded`);
  const everything = input.items.length === 0 && !input.shipping && input.amount === undefined;
  const items = everything
    ? order.products.filter((p) => p.quantity > p.quantity_refunded).map((p) => ({ order_product_id: p.id, quantity: p.quantity - p.quantity_refunded }))
    : input.items;

  let value = 0;
  const lines = items.map(({ order_product_id, quantity }) => {
    const line = order.products.find((p) => p.id === order_product_id);
    if (!line) throw new Error(`Order ${o.id} has no product ${order_product_id}`);
    if (quantity > line.quantity - line.quantity_refunded) throw new Error(`Order product ${line.id} has fewer than ${quantity} unrefunded items`);
    const amount = Math.round((cents(line.discounted_total_inc_tax) * quantity) / line.quantity);
    value += amount;
    return { line, quantity, amount };
  });
  const shippingRefunded = ctx.data.refunds.some((r) => r.order_id === o.id && r.items.some((i) => i.item_type === 'SHIPPING'));
  const refundShipping = (input.shipping || everything) && !shippingRefunded && cents(o.shipping_cost_inc_tax) > 0;
  if (refundShipping) value += cents(o.shipping_cost_inc_tax);
  const amount = everything ? remaining : input.amount !== undefined ? toCents(input.amount) : value;
  if (amount <= 0) throw new Error('A refund needs items, shipping or an amount');
  if (amount > remaining) throw new Error(`Refund ${amount / 100} exceeds the ${remaining / 100} left on order ${o.id}`);

  for (const { line, quantity, amount: lineAmount } of lines) {
    line.quantity_refunded += quantity;
    line.refund_amount = v2Money(cents(line.refund_amount) + lineAmount);
    line.is_refunded = line.quantity_refunded === line.quantity;
  }
  o.refunded_amount = v2Money(cents(o.refunded_amount) + amount);
  const full = cents(o.refunded_amount) === cents(o.total_inc_tax);
  o.payment_status = full ? 'refunded' : 'partially refunded';

  const total = cents(o.total_inc_tax);
  const refund: OrderRefund = {
    id: nextId(ctx.data, 'refund'),
    order_id: o.id,
    user_id: ctx.userId,
    created: iso8601(ctx.nowMs),
    reason: input.reason,
    total_amount: amount / 100,
    total_tax: (total === 0 ? 0 : Math.round((cents(o.total_tax) * amount) / total)) / 100,
    uses_merchant_override_values: input.amount !== undefined,
    payments: [{ id: 1, provider_id: input.provider_id ?? o.payment_method, amount: amount / 100, offline: false, is_declined: false, declined_message: '' }],
    items: [
      ...lines.map(({ line, quantity }) => ({ item_type: 'PRODUCT' as const, item_id: line.id, quantity, requested_amount: null, reason: input.reason })),
      ...(refundShipping ? [{ item_type: 'SHIPPING' as const, item_id: order.shippingAddresses[0]?.id ?? 0, quantity: 1, requested_amount: null, reason: input.reason }] : []),
    ],
  };
  ctx.data.refunds.push(refund);
  touch(order, ctx.nowMs);
  const previousStatusId = applyStatus(order, full ? 4 : 14, ctx.nowMs);
  return { refund, previousStatusId };
}
