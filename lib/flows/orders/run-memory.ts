import type { ArticleInfo } from './articles';
import type { OrdersContext } from './ports';

/**
 * What one run has learned from AccountView and BigCommerce, so a batch of orders asks each question
 * once: articles by code and EAN, debtors by e-mail, delivery addresses per debtor, the store's price basis.
 */
export interface RunMemory {
  articles: Map<string, ArticleInfo | null>;
  debtors: Map<string, string>;
  deliveryAddresses: Map<string, DeliveryAddressInfo[]>;
  store?: { pricesIncludeTax: boolean | undefined };
  /** AccountView VAT code → percentage, when the administration's VAT table says (read once per run). */
  vatPercentages?: Record<string, number>;
}

export interface DeliveryAddressInfo {
  recId: string;
  name: string;
  address: string;
  postcode: string;
  city: string;
  country: string;
}

const memories = new WeakMap<object, RunMemory>();

/** The memory of the run `ctx` belongs to (one per context object, i.e. per run). */
export function runMemory(ctx: OrdersContext): RunMemory {
  let memory = memories.get(ctx);
  if (!memory) {
    memory = { articles: new Map(), debtors: new Map(), deliveryAddresses: new Map() };
    memories.set(ctx, memory);
  }
  return memory;
}
