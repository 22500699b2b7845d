import type { ServerResponse } from 'node:http';
import { ZodError } from 'zod';
import { sendJson } from './http';
import { createOrdersHelper } from './orders/helper';
import type { SimRuntime } from './runtime';

/**
 * `POST /__sim/stores/{hash}/orders` with an order as the test helper takes it: a shopper checks out,
 * the order is stored and `store/order/created` goes to the app's webhooks, exactly as
 * `bc.orders.create` does in-process. For end-to-end tests that run the simulator as a separate process.
 */
const PATH = /^\/__sim\/stores\/([^/]+)\/orders$/;

export function isAdminOrdersRoute(method: string, pathname: string): boolean {
  return method === 'POST' && PATH.test(pathname);
}

export function handleAdminOrders(rt: SimRuntime, pathname: string, raw: string, res: ServerResponse): void {
  const hash = decodeURIComponent(PATH.exec(pathname)?.[1] ?? '');
  if (!rt.state.stores[hash]) return sendJson(res, 404, { error: `No store ${hash}` });
  let input: unknown;
  try {
    input = raw.trim() === '' ? {} : (JSON.parse(raw) as unknown);
  } catch {
    return sendJson(res, 400, { error: 'The body must be an order as JSON' });
  }
  try {
    return sendJson(res, 201, createOrdersHelper(rt).create(hash, input as never));
  } catch (error) {
    if (error instanceof ZodError) return sendJson(res, 422, { error: 'Invalid order', issues: error.issues });
    throw error;
  }
}
