import { z } from 'zod';
import { toCents } from '../money';
import { v2Base } from '../orders/helper';
import { renderOrder, renderShippingAddress, type RenderOptions } from '../orders/render';
import { ORDER_STATUSES } from '../orders/statuses';
import type { StoredOrder } from '../orders/types';
import { ApiError } from './errors';
import { v2List } from './paging';
import { csv, int, parseQuery, queryDate } from './query';
import type { ApiRequest, ApiRoute } from './route';

/** Orders are readable with either orders scope (read-only is what the app asks for). */
const ORDER_SCOPES = ['store_v2_orders_read_only', 'store_v2_orders'];

const SORT_FIELDS = ['id', 'customer_id', 'date_created', 'date_modified', 'status_id', 'channel_id', 'external_id'] as const;

const includeQuery = z.object({
  include: csv.pipe(z.array(z.enum(['consignments', 'consignments.line_items', 'fees']))).optional(),
  consignment_structure: z.literal('object').optional(),
});

const listQuery = includeQuery.extend({
  min_id: int.optional(),
  max_id: int.optional(),
  min_total: z.coerce.number().optional(),
  max_total: z.coerce.number().optional(),
  customer_id: int.optional(),
  email: z.string().optional(),
  status_id: int.optional(),
  cart_id: z.string().optional(),
  payment_method: z.string().optional(),
  min_date_created: queryDate.optional(),
  max_date_created: queryDate.optional(),
  min_date_modified: queryDate.optional(),
  max_date_modified: queryDate.optional(),
  channel_id: int.optional(),
  external_order_id: z.string().optional(),
  sort: z
    .string()
    .regex(new RegExp(`^(${SORT_FIELDS.join('|')})(:(asc|desc))?$`), `sort must be one of ${SORT_FIELDS.join(', ')}, with :asc or :desc`)
    .optional(),
});
type ListQuery = z.output<typeof listQuery>;

function renderOptions(req: ApiRequest, q: z.output<typeof includeQuery>): RenderOptions {
  return {
    v2Base: v2Base(req.rt, req.store),
    includes: new Set(q.include ?? []),
    consignmentStructure: q.consignment_structure === 'object' ? 'object' : 'array',
  };
}

function within(value: number, min: number | undefined, max: number | undefined): boolean {
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

/** Archived orders (`is_deleted`) drop out of lists and counts, as in the control panel. */
function filterOrders(orders: StoredOrder[], q: ListQuery): StoredOrder[] {
  return orders.filter(({ order: o, createdMs, modifiedMs }) => {
    const total = toCents(Number(o.total_inc_tax));
    return (
      !o.is_deleted &&
      within(o.id, q.min_id, q.max_id) &&
      within(total, q.min_total === undefined ? undefined : toCents(q.min_total), q.max_total === undefined ? undefined : toCents(q.max_total)) &&
      within(createdMs, q.min_date_created, q.max_date_created) &&
      within(modifiedMs, q.min_date_modified, q.max_date_modified) &&
      (q.customer_id === undefined || o.customer_id === q.customer_id) &&
      (q.email === undefined || o.billing_address.email.toLowerCase() === q.email.toLowerCase()) &&
      (q.status_id === undefined || o.status_id === q.status_id) &&
      (q.cart_id === undefined || o.cart_id === q.cart_id) &&
      (q.payment_method === undefined || o.payment_method === q.payment_method) &&
      (q.channel_id === undefined || o.channel_id === q.channel_id) &&
      (q.external_order_id === undefined || o.external_order_id === q.external_order_id)
    );
  });
}

function sortKey(order: StoredOrder, field: (typeof SORT_FIELDS)[number]): number | string {
  switch (field) {
    case 'date_created':
      return order.createdMs;
    case 'date_modified':
      return order.modifiedMs;
    case 'external_id':
      return order.order.external_id ?? '';
    default:
      return order.order[field];
  }
}

/** Default order is id ascending (reference §2.1); ties keep id order so paging is stable. */
function sortOrders(orders: StoredOrder[], sort: string | undefined): StoredOrder[] {
  const [field = 'id', direction = 'asc'] = (sort ?? 'id').split(':') as [(typeof SORT_FIELDS)[number], string?];
  const sign = direction === 'desc' ? -1 : 1;
  return [...orders].sort((a, b) => {
    const x = sortKey(a, field);
    const y = sortKey(b, field);
    if (x !== y) return (x < y ? -1 : 1) * sign;
    return a.order.id - b.order.id;
  });
}

function findOrder(req: ApiRequest): StoredOrder {
  const id = Number(req.params.id);
  const order = Number.isInteger(id) ? req.store.data.orders.find((o) => o.order.id === id) : undefined;
  if (!order) throw new ApiError(404, 'The requested resource was not found.');
  return order;
}

export const orderRoutes: ApiRoute[] = [
  {
    method: 'GET',
    version: 'v2',
    path: '/orders/count',
    scopes: ORDER_SCOPES,
    handle: (req) => {
      const orders = filterOrders(req.store.data.orders, parseQuery(listQuery, req.query));
      const statuses = ORDER_STATUSES.map((s) => ({ ...s, count: orders.filter((o) => o.order.status_id === s.id).length }));
      return { status: 200, body: { statuses, count: orders.length } };
    },
  },
  {
    method: 'GET',
    version: 'v2',
    path: '/orders',
    scopes: ORDER_SCOPES,
    handle: (req) => {
      const q = parseQuery(listQuery, req.query);
      const opts = renderOptions(req, q);
      const orders = sortOrders(filterOrders(req.store.data.orders, q), q.sort);
      return v2List(orders, req.query, (o) => renderOrder(opts, o));
    },
  },
  {
    method: 'GET',
    version: 'v2',
    path: '/orders/:id',
    scopes: ORDER_SCOPES,
    handle: (req) => ({ status: 200, body: renderOrder(renderOptions(req, parseQuery(includeQuery, req.query)), findOrder(req)) }),
  },
  {
    method: 'GET',
    version: 'v2',
    path: '/orders/:id/products',
    scopes: ORDER_SCOPES,
    handle: (req) => v2List(findOrder(req).products, req.query),
  },
  {
    method: 'GET',
    version: 'v2',
    path: '/orders/:id/products/:productId',
    scopes: ORDER_SCOPES,
    handle: (req) => {
      const product = findOrder(req).products.find((p) => String(p.id) === req.params.productId);
      if (!product) throw new ApiError(404, 'The requested resource was not found.');
      return { status: 200, body: product };
    },
  },
  {
    method: 'GET',
    version: 'v2',
    path: '/orders/:id/shipping_addresses',
    scopes: ORDER_SCOPES,
    handle: (req) => v2List(findOrder(req).shippingAddresses, req.query, (a) => renderShippingAddress(v2Base(req.rt, req.store), a)),
  },
  {
    method: 'GET',
    version: 'v2',
    path: '/orders/:id/shipping_addresses/:addressId',
    scopes: ORDER_SCOPES,
    handle: (req) => {
      const address = findOrder(req).shippingAddresses.find((a) => String(a.id) === req.params.addressId);
      if (!address) throw new ApiError(404, 'The requested resource was not found.');
      return { status: 200, body: renderShippingAddress(v2Base(req.rt, req.store), address) };
    },
  },
  {
    method: 'GET',
    version: 'v2',
    path: '/orders/:id/coupons',
    scopes: ORDER_SCOPES,
    handle: (req) => v2List(findOrder(req).coupons, req.query),
  },
  {
    method: 'GET',
    version: 'v2',
    path: '/orders/:id/fees',
    scopes: ORDER_SCOPES,
    // The spec's schema describes a single fee, its example a `{fees: [...]}` wrapper; the example is followed.
    handle: (req) => ({ status: 200, body: { fees: findOrder(req).fees } }),
  },
  {
    method: 'GET',
    version: 'v2',
    path: '/orders/:id/consignments',
    scopes: ORDER_SCOPES,
    handle: (req) => {
      const q = parseQuery(z.object({ include: csv.pipe(z.array(z.literal('consignments.line_items'))).optional() }), req.query);
      const opts: RenderOptions = { v2Base: v2Base(req.rt, req.store), includes: new Set(q.include ?? []), consignmentStructure: 'object' };
      return { status: 200, body: renderOrder({ ...opts, includes: new Set(['consignments', ...opts.includes]) }, findOrder(req)).consignments };
    },
  },
  {
    method: 'GET',
    version: 'v2',
    path: '/order_statuses',
    scopes: ORDER_SCOPES,
    handle: () => ({ status: 200, body: [...ORDER_STATUSES].sort((a, b) => a.id - b.id).map(({ sort_order: _sortOrder, ...s }) => s) }),
  },
  {
    method: 'GET',
    version: 'v2',
    path: '/order_statuses/:id',
    scopes: ORDER_SCOPES,
    handle: (req) => {
      const status = ORDER_STATUSES.find((s) => String(s.id) === req.params.id);
      if (!status) throw new ApiError(404, 'The requested resource was not found.');
      const { sort_order: _sortOrder, ...body } = status;
      return { status: 200, body };
    },
  },
];
