import type { SimRuntime } from '../runtime';
import type { SimStore } from '../types';
import { emitEvent } from '../webhooks/delivery';
import { buildOrder } from './build';
import { orderPatch, type OrderInput, type OrderPatch, type RefundInput } from './input';
import { applyRefund, applyStatus, touch } from './mutations';
import { renderOrder, type OrderV2 } from './render';
import type { OrderRefund, StoredOrder } from './types';

export interface OrdersHelper {
  /** Places an order as a shopper would; ids increase and the dates come from the simulator clock. */
  create(storeHash: string, order?: OrderInput): OrderV2;
  /** Changes an order as the merchant would (e.g. `{ status_id: 2 }`) and bumps `date_modified`. */
  update(storeHash: string, id: number, patch: OrderPatch): OrderV2;
  /** Refunds items, shipping or an amount (everything left by default); moves status and payment status on. */
  refund(storeHash: string, id: number, refund?: RefundInput): { refund: OrderRefund; order: OrderV2 };
  /** The stored order with its lines, addresses, coupons and fees. */
  get(storeHash: string, id: number): StoredOrder | undefined;
}

function storeOf(rt: SimRuntime, storeHash: string): SimStore {
  const store = rt.state.stores[storeHash];
  if (!store) throw new Error(`Unknown store ${storeHash}`);
  return store;
}

function orderOf(store: SimStore, id: number): StoredOrder {
  const order = store.data.orders.find((o) => o.order.id === id);
  if (!order) throw new Error(`Store ${store.hash} has no order ${id}`);
  return order;
}

export function v2Base(rt: SimRuntime, store: SimStore): string {
  return `${rt.baseUrl}/stores/${store.hash}/v2`;
}

function plain(rt: SimRuntime, store: SimStore, order: StoredOrder): OrderV2 {
  return renderOrder({ v2Base: v2Base(rt, store), includes: new Set(), consignmentStructure: 'object' }, order);
}

function statusEvent(rt: SimRuntime, store: SimStore, id: number, previous: number, current: number): void {
  if (previous === current) return;
  emitEvent(rt, store, 'store/order/statusUpdated', { type: 'order', id, status: { previous_status_id: previous, new_status_id: current } });
}

export function createOrdersHelper(rt: SimRuntime): OrdersHelper {
  return {
    create(storeHash, input = {}) {
      const store = storeOf(rt, storeHash);
      const order = buildOrder({ info: store.info, data: store.data, nowMs: rt.now() }, input);
      store.data.orders.push(order);
      emitEvent(rt, store, 'store/order/created', { type: 'order', id: order.order.id });
      return plain(rt, store, order);
    },
    update(storeHash, id, raw) {
      const store = storeOf(rt, storeHash);
      const order = orderOf(store, id);
      const { status_id, is_deleted, billing_address, ...fields } = orderPatch.parse(raw);
      touch(order, rt.now());
      Object.assign(order.order, fields);
      if (billing_address) Object.assign(order.order.billing_address, billing_address);
      if (status_id !== undefined) statusEvent(rt, store, id, applyStatus(order, status_id, rt.now()), status_id);
      if (is_deleted !== undefined && is_deleted !== order.order.is_deleted) {
        order.order.is_deleted = is_deleted;
        if (is_deleted) emitEvent(rt, store, 'store/order/archived', { type: 'order', id });
      }
      emitEvent(rt, store, 'store/order/updated', { type: 'order', id });
      return plain(rt, store, order);
    },
    refund(storeHash, id, input = {}) {
      const store = storeOf(rt, storeHash);
      const order = orderOf(store, id);
      const { refund, previousStatusId } = applyRefund({ data: store.data, userId: store.ownerId, nowMs: rt.now() }, order, input);
      emitEvent(rt, store, 'store/order/refund/created', { type: 'order', id, refund: { refund_id: refund.id } });
      statusEvent(rt, store, id, previousStatusId, order.order.status_id);
      emitEvent(rt, store, 'store/order/updated', { type: 'order', id });
      return { refund, order: plain(rt, store, order) };
    },
    get(storeHash, id) {
      return storeOf(rt, storeHash).data.orders.find((o) => o.order.id === id);
    },
  };
}
