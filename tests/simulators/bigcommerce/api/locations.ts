import { z } from 'zod';
import { DEFAULT_LOCATION_ID } from '../catalog/inventory-types';
import { v3List } from './paging';
import { bool, csv, intCsv, parseQuery } from './query';
import type { ApiRoute } from './route';

const LOCATION_READ = ['store_locations_read_only', 'store_locations'];

const listQuery = z.object({
  'location_id:in': intCsv.optional(),
  'location_code:in': csv.optional(),
  'type_id:in': csv.optional(),
  is_default: bool.optional(),
  is_active: bool.optional(),
  storefront_visibility: bool.optional(),
  managed_by_external_source: bool.optional(),
});

export const locationRoutes: ApiRoute[] = [
  {
    method: 'GET',
    version: 'v3',
    path: '/inventory/locations',
    scopes: LOCATION_READ,
    handle: (req) => {
      const q = parseQuery(listQuery, req.query);
      const locations = req.store.data.locations.filter(
        (l) =>
          (q['location_id:in'] === undefined || q['location_id:in'].includes(l.id)) &&
          (q['location_code:in'] === undefined || q['location_code:in'].includes(l.code)) &&
          (q['type_id:in'] === undefined || q['type_id:in'].includes(l.type_id)) &&
          (q.is_default === undefined || (l.id === DEFAULT_LOCATION_ID) === q.is_default) &&
          (q.is_active === undefined || l.enabled === q.is_active) &&
          (q.storefront_visibility === undefined || l.storefront_visibility === q.storefront_visibility) &&
          (q.managed_by_external_source === undefined || l.managed_by_external_source === q.managed_by_external_source),
      );
      return v3List(locations, req.query);
    },
  },
];
