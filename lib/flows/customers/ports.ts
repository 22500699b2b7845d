import type { AccountViewClient } from '@/lib/accountview';
import type { BigCommerceClient } from '@/lib/bigcommerce';
import type { IdMap } from '@/lib/db/queries/id-map';
import type { FlowContext } from '@/lib/engine';
import type { CustomerFlowSettings } from './settings';

/** What the customers flow is given: the store's clients, settings and id-map, plus the run's step and log. */
export interface CustomersContext extends FlowContext {
  bigcommerce: Pick<BigCommerceClient, 'listCustomers' | 'createCustomers' | 'updateCustomers' | 'request'>;
  accountview: Pick<AccountViewClient, 'readPages'>;
  settings: CustomerFlowSettings;
  idMap: IdMap;
  now: () => Date;
}

export interface CustomerSyncInput {
  /** Debtors changed on or after this moment (AccountView's change date); all debtors when absent. */
  since?: Date;
}

export interface CustomerSummary {
  /** Debtors read from AccountView. */
  read: number;
  created: number;
  updated: number;
  /** Mapped to what was sent last time: no write. */
  unchanged: number;
  /** Logged one by one (no e-mail, duplicate e-mail). */
  skipped: number;
  failed: number;
  /** Where the next run starts reading: shortly before this one started. */
  nextCheckpoint: string;
}
