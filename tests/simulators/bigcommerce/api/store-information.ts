import type { ApiRoute } from './route';

/** Read-write implies read-only, as in BigCommerce's scope model. */
const INFORMATION_SCOPES = ['store_v2_information_read_only', 'store_v2_information'];

export const storeInformationRoutes: ApiRoute[] = [
  {
    method: 'GET',
    version: 'v2',
    path: '/store',
    scopes: INFORMATION_SCOPES,
    handle: ({ store }) => ({ status: 200, body: store.info }),
  },
  {
    method: 'GET',
    version: 'v2',
    path: '/time',
    scopes: INFORMATION_SCOPES,
    handle: ({ rt }) => ({ status: 200, body: { time: Math.floor(rt.now() / 1000) } }),
  },
];
