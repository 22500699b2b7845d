import { createHash } from 'node:crypto';
import type { Product } from './catalog/types';
import type { Category, CategoryTree } from './catalog/category-types';
import type { Customer } from './customers/types';
import type { Location, StockLevel } from './catalog/inventory-types';
import type { OrderRefund, StoredOrder } from './orders/types';
import type { Webhook } from './webhooks/types';

/** Ids are per store and only go up, as on BigCommerce; each kind has its own sequence. */
export const ID_KINDS = [
  'order',
  'orderProduct',
  'orderAddress',
  'orderCoupon',
  'orderFee',
  'refund',
  'hook',
  'product',
  'variant',
  'option',
  'optionValue',
  'image',
  'customField',
  'category',
  'tree',
  'customer',
  'address',
  'location',
] as const;
export type IdKind = (typeof ID_KINDS)[number];

/** Everything one store holds behind its REST API. Plain JSON, so `/__sim/state` can dump it. */
export interface StoreData {
  /** The last id handed out per kind. */
  lastIds: Record<IdKind, number>;
  orders: StoredOrder[];
  refunds: OrderRefund[];
  hooks: Webhook[];
  products: Product[];
  trees: CategoryTree[];
  categories: Category[];
  customers: Customer[];
  locations: Location[];
  stock: StockLevel[];
}

/** First ids as a young BigCommerce store hands them out (orders start at 100). */
const FIRST_IDS: Record<IdKind, number> = {
  order: 100,
  orderProduct: 1,
  orderAddress: 1,
  orderCoupon: 1,
  orderFee: 1,
  refund: 1,
  hook: 25_000_001,
  product: 111,
  variant: 1,
  option: 101,
  optionValue: 1,
  image: 1,
  customField: 1,
  category: 18,
  tree: 1,
  customer: 1,
  address: 1,
  location: 1,
};

export function nextId(data: StoreData, kind: IdKind): number {
  data.lastIds[kind] += 1;
  return data.lastIds[kind];
}

export function emptyStoreData(): StoreData {
  return {
    lastIds: Object.fromEntries(ID_KINDS.map((k) => [k, FIRST_IDS[k] - 1])) as Record<IdKind, number>,
    orders: [],
    refunds: [],
    hooks: [],
    products: [],
    trees: [],
    categories: [],
    customers: [],
    locations: [],
    stock: [],
  };
}

/** A UUID-shaped id derived from a key, so seeded data is the same on every run. */
export function stableUuid(key: string): string {
  const hex = createHash('sha1').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
