import type { SimStore } from '../types';
import { ApiError } from './errors';
import type { ApiRequest, ApiRoute } from './route';

/**
 * `GET /v2/shipping/zones` and `GET /v2/shipping/zones/:id/methods`, as BigCommerce documents them (no
 * OpenAPI file for Shipping V2 is in specs/bigcommerce/): bare arrays of zones and of methods. A store
 * has its home country (zone 1) and the rest of Europe (zone 2), the orders' builder numbers consignments
 * the same way; each zone offers the usual carriers plus every method its orders name, so what orders
 * carry can always be chosen.
 */
const BASE_METHODS: Record<number, { name: string; type: string }[]> = {
  1: [
    { name: 'Verzending PostNL', type: 'perorder' },
    { name: 'Afhalen in de winkel', type: 'pickupinstore' },
  ],
  2: [{ name: 'Verzending DHL Europa', type: 'weight' }],
};

function zonesOf(store: SimStore) {
  return [
    { id: 1, name: store.info.country || 'Home', type: 'country', enabled: true },
    { id: 2, name: 'Europa', type: 'country', enabled: true },
  ];
}

function methodsOf(store: SimStore, zoneId: number) {
  const methods = (BASE_METHODS[zoneId] ?? []).map((m, i) => ({ id: zoneId * 100 + i + 1, ...m, enabled: true, handling_fees: { fixed_surcharge: '0', percentage_surcharge: '0' }, is_fallback: false }));
  for (const order of store.data.orders) {
    for (const address of order.shippingAddresses) {
      const name = address.shipping_method;
      if (address.shipping_zone_id !== zoneId || !name || methods.some((m) => m.name.toLowerCase() === name.toLowerCase())) continue;
      methods.push({ id: zoneId * 100 + methods.length + 1, name, type: 'perorder', enabled: true, handling_fees: { fixed_surcharge: '0', percentage_surcharge: '0' }, is_fallback: false });
    }
  }
  return methods;
}

function zoneOf(req: ApiRequest): number {
  const id = Number(req.params.id);
  if (!zonesOf(req.store).some((z) => z.id === id)) throw new ApiError(404, 'The requested resource was not found.');
  return id;
}

const SCOPES = ['store_v2_information_read_only', 'store_v2_information'];

export const shippingRoutes: ApiRoute[] = [
  { method: 'GET', version: 'v2', path: '/shipping/zones', scopes: SCOPES, handle: ({ store }) => ({ status: 200, body: zonesOf(store) }) },
  { method: 'GET', version: 'v2', path: '/shipping/zones/:id/methods', scopes: SCOPES, handle: (req) => ({ status: 200, body: methodsOf(req.store, zoneOf(req)) }) },
];
