import { idSegment } from '../batch';
import { specShaped, objectBody } from '../envelope';
import { BigCommerceResponseError } from '../errors';
import { listV2 } from '../paging';
import type { Call } from '../request';
import type { Order, OrderListQuery, OrderProduct, OrderStatus } from '../types';

/**
 * Orders are read with their consignments, line items and fees in one call, so the sync needs no
 * second request per order. Above 50 line items BigCommerce truncates and adds `__warning__`;
 * `listOrderProducts` then gives all of them (reference §2.1).
 */
const ORDER_INCLUDES = { include: 'consignments.line_items,fees', consignment_structure: 'object' } as const;

export function orderEndpoints(call: Call) {
  return {
    /** Orders V2 is the only order list BigCommerce has (there is no v3 one). */
    listOrders(query: OrderListQuery = {}): AsyncGenerator<Order> {
      return listV2<Order>(call, '/v2/orders', { ...query, ...ORDER_INCLUDES });
    },

    async getOrder(id: number): Promise<Order> {
      const path = `/v2/orders/${idSegment(id)}` as const;
      return specShaped<Order>(objectBody(await call('GET', path, { query: ORDER_INCLUDES }), 'GET', path));
    },

    listOrderProducts(orderId: number, query: { page?: number; limit?: number } = {}): AsyncGenerator<OrderProduct> {
      return listV2<OrderProduct>(call, `/v2/orders/${idSegment(orderId)}/products`, query);
    },

    async listOrderStatuses(): Promise<OrderStatus[]> {
      const response = await call('GET', '/v2/order_statuses');
      if (!Array.isArray(response.body)) throw new BigCommerceResponseError('the order statuses are not a list', 'GET', '/v2/order_statuses');
      return specShaped<OrderStatus[]>(response.body);
    },
  };
}
