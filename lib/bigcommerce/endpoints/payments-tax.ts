import { z } from 'zod';
import { BigCommerceResponseError } from '../errors';
import type { Call } from '../request';

/**
 * The two v2 lists the settings page offers as choices. No OpenAPI file for them is in
 * specs/bigcommerce/, so the shapes are BigCommerce's documented ones, checked here with zod:
 * `GET /v2/payments/methods` → `[{ code, name, test_mode }]` (scope `store_payments_methods_read`),
 * `GET /v2/tax_classes` → `[{ id, name, created_at, updated_at }]` (scope Information read-only).
 * A store has a handful of each, so one page of 250 is all of them.
 */
export const paymentMethod = z.object({ code: z.string(), name: z.string(), test_mode: z.boolean().optional() });
export type PaymentMethod = z.output<typeof paymentMethod>;

export const taxClass = z.object({ id: z.number().int(), name: z.string() });
export type TaxClass = z.output<typeof taxClass>;

async function list<T>(call: Call, path: '/v2/payments/methods' | '/v2/tax_classes', item: z.ZodType<T>): Promise<T[]> {
  const response = await call('GET', path, { query: { limit: 250 } });
  // v2 lists answer 204 with no body when empty.
  if (response.body === undefined) return [];
  const parsed = z.array(item).safeParse(response.body);
  if (!parsed.success) throw new BigCommerceResponseError('the list is not understood', 'GET', path, { cause: parsed.error });
  return parsed.data;
}

export function paymentTaxEndpoints(call: Call) {
  return {
    /** The store's enabled payment methods (gateways and offline methods). */
    listPaymentMethods: (): Promise<PaymentMethod[]> => list(call, '/v2/payments/methods', paymentMethod),
    listTaxClasses: (): Promise<TaxClass[]> => list(call, '/v2/tax_classes', taxClass),
  };
}
