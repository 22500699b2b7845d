import { z } from 'zod';
import { idSegment } from '../batch';
import { BigCommerceResponseError } from '../errors';
import type { Call } from '../request';

/**
 * The store's shipping methods, for the settings page's shipping-method map. No OpenAPI file for Shipping
 * V2 is in specs/bigcommerce/, so the shapes are BigCommerce's documented ones, checked here with zod:
 * `GET /v2/shipping/zones` → `[{ id, name, type, enabled, … }]` and
 * `GET /v2/shipping/zones/{id}/methods` → `[{ id, name, type, enabled, … }]` (scope Information & Settings,
 * read-only or modify). Neither list is paged; a store has a few zones with a few methods each.
 */
export const shippingZone = z.looseObject({ id: z.number().int(), name: z.string(), enabled: z.boolean().optional() });
export type ShippingZone = z.output<typeof shippingZone>;

export const shippingMethod = z.looseObject({ id: z.number().int(), name: z.string(), type: z.string().optional(), enabled: z.boolean().optional() });
export type ShippingMethod = z.output<typeof shippingMethod>;

async function list<T>(call: Call, path: `/v2/${string}`, item: z.ZodType<T>): Promise<T[]> {
  const response = await call('GET', path);
  // v2 lists answer 204 with no body when empty.
  if (response.body === undefined) return [];
  const parsed = z.array(item).safeParse(response.body);
  if (!parsed.success) throw new BigCommerceResponseError('the list is not understood', 'GET', path, { cause: parsed.error });
  return parsed.data;
}

export function shippingEndpoints(call: Call) {
  return {
    listShippingZones: (): Promise<ShippingZone[]> => list(call, '/v2/shipping/zones', shippingZone),
    listShippingZoneMethods: (zoneId: number): Promise<ShippingMethod[]> => list(call, `/v2/shipping/zones/${idSegment(zoneId)}/methods`, shippingMethod),
  };
}
