import type { Db } from '@/lib/db/client';
import { readFlowSettings, type StoredFlowSettings } from '@/lib/db/queries/flow-settings';
import { productFlowSettings, type ProductFlowSettings } from './settings';

export const PRODUCTS_FLOW = 'products';

export type StoredProductSettings = StoredFlowSettings<ProductFlowSettings>;

/** A store's products settings with defaults filled in; a store without a row gets the defaults, switched off. */
export function readProductSettings(db: Db, storeHash: string): Promise<StoredProductSettings> {
  return readFlowSettings(db, storeHash, PRODUCTS_FLOW, productFlowSettings);
}
