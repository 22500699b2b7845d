import type { AccountViewClient } from '@/lib/accountview';
import type { BigCommerceClient } from '@/lib/bigcommerce';
import type { IdMap } from '@/lib/db/queries/id-map';
import type { FlowContext } from '@/lib/engine';
import type { OrderFlowSettings } from './settings';

export type { IdMap, IdMapEntry } from '@/lib/db/queries/id-map';
export type { FlowContext, RecordEntry, RunLogger, Step } from '@/lib/engine';

/** What the orders flow is given: the store's clients, settings, id-map and mapping overrides, plus the run's step and log. */
export interface OrdersContext extends FlowContext {
  bigcommerce: Pick<BigCommerceClient, 'getOrder' | 'listOrders' | 'listOrderProducts' | 'getStoreInformation' | 'request'>;
  accountview: Pick<AccountViewClient, 'readAll' | 'insert' | 'update'>;
  settings: OrderFlowSettings;
  idMap: IdMap;
  /** The store's own mapping expressions, keyed `<record>.<target>` (see lib/mapping/defaults/orders.ts). */
  mapping?: Partial<Record<string, string>>;
  now: () => Date;
}

export type RecordOutcome = 'created' | 'updated' | 'skipped' | 'failed';

export interface OrderResult {
  orderId: number;
  /** The sales document, or for credits the credit document. */
  entity: 'order' | 'refund';
  sourceId: string;
  outcome: RecordOutcome;
  targetRef?: string;
  message?: string;
  /** Set when the store's mapping, not the order or AccountView, is what failed. */
  cause?: 'mapping';
}

export interface ExportSummary {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  results: OrderResult[];
}
