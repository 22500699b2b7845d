import type { AccountViewClient } from '@/lib/accountview';
import type { BigCommerceClient } from '@/lib/bigcommerce';
import type { IdMap } from '@/lib/db/queries/id-map';
import type { FlowContext } from '@/lib/engine';
import type { StockFlowSettings } from './settings';

/** What the stock flow is given: the store's clients, settings and id-map, plus the run's step and log. */
export interface StockContext extends FlowContext {
  bigcommerce: Pick<BigCommerceClient, 'listVariants' | 'listProducts' | 'updateProducts' | 'adjustInventoryAbsolute' | 'listLocations'>;
  accountview: Pick<AccountViewClient, 'readPages'>;
  settings: StockFlowSettings;
  idMap: IdMap;
}

export interface StockSyncOptions {
  /** Items per inventory adjustment; BigCommerce's limit (2000) unless a test wants smaller batches. */
  batchSize?: number;
}

export interface StockSummary {
  /** Articles read from AccountView (with a code). */
  articles: number;
  /** Levels sent to BigCommerce. */
  sent: number;
  /** Levels equal to what was last sent: no write. */
  unchanged: number;
  /** SKUs BigCommerce does not know. */
  unknown: number;
  /** SKUs BigCommerce cannot take a level for as the product is tracked (variant of a product tracked per product). */
  untracked: number;
  /** Levels BigCommerce refused one by one (logged per SKU; sent again next run). */
  refused: number;
  /** The configured location does not exist; nothing was sent. */
  locationMissing: boolean;
  /** Products whose `inventory_tracking` was switched on. */
  trackingSet: number;
  adjustmentCalls: number;
}
