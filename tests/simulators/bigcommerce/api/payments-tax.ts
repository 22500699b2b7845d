import type { SimStore } from '../types';
import type { ApiRoute } from './route';

/**
 * `GET /v2/payments/methods` and `GET /v2/tax_classes`, as BigCommerce documents them (no OpenAPI file
 * for either is in specs/bigcommerce/): bare arrays, `[{code, name, test_mode}]` and
 * `[{id, name, created_at, updated_at}]`. A store's payment methods are the usual Dutch/Belgian ones
 * plus every method its orders name, so what orders carry can always be chosen.
 */
const BASE_METHODS = [
  { code: 'bankdeposit', name: 'Bankoverschrijving', test_mode: false },
  { code: 'mollie.ideal', name: 'iDEAL', test_mode: false },
  { code: 'paypalcommerce.paypal', name: 'PayPal', test_mode: false },
  { code: 'mollie.bancontact', name: 'Bancontact', test_mode: false },
  { code: 'testgateway', name: 'Test Payment Gateway', test_mode: true },
];

const TAX_CLASSES = [
  { id: 0, name: 'Default Tax Class' },
  { id: 1, name: 'Non-Taxable Products' },
  { id: 2, name: 'Shipping' },
  { id: 3, name: 'Gift Wrapping' },
  { id: 4, name: 'Laag tarief' },
];

const CREATED = '2026-01-05T09:00:00+00:00';

function methodsOf(store: SimStore) {
  const methods = [...BASE_METHODS];
  for (const order of store.data.orders) {
    const name = order.order.payment_method;
    if (!name || methods.some((m) => m.name.toLowerCase() === name.toLowerCase())) continue;
    methods.push({ code: name.toLowerCase().replace(/[^a-z0-9]+/g, ''), name, test_mode: false });
  }
  return methods;
}

export const paymentTaxRoutes: ApiRoute[] = [
  {
    method: 'GET',
    version: 'v2',
    path: '/payments/methods',
    scopes: ['store_payments_methods_read'],
    handle: ({ store }) => ({ status: 200, body: methodsOf(store) }),
  },
  {
    method: 'GET',
    version: 'v2',
    path: '/tax_classes',
    scopes: ['store_v2_information_read_only', 'store_v2_information'],
    handle: () => ({ status: 200, body: TAX_CLASSES.map((t) => ({ ...t, created_at: CREATED, updated_at: CREATED })) }),
  },
];
