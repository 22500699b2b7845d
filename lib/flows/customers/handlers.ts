import { getDatabase } from '@/lib/db/client';
import { advanceCheckpoint, readCheckpoint } from '@/lib/db/queries/checkpoints';
import { readFlowSettings } from '@/lib/db/queries/flow-settings';
import { defineHandler, type FlowContext, type RunSummary } from '@/lib/engine';
import type { CustomerSummary, CustomersContext } from './ports';
import { customerFlowSettings } from './settings';
import { syncCustomers } from './sync-customers';
import { openStoreFlow } from '../store-ports';

/**
 * The customers flow's entry point for both engines: builds the store's context, reads and advances the
 * checkpoint, and calls the plain flow. Nothing here decides what a customer looks like.
 */

export const CUSTOMERS_FLOW = 'customers';
export const CUSTOMERS_CHECKPOINT = 'customers.sync';
/**
 * Hourly: debtors change seldom and matter for the next order, not the next minute, and an hour keeps a
 * large administration's change read off the API budget the 5-minute stock sync shares. "Sync now" runs it at once.
 */
const SYNC_EVERY_MS = 60 * 60 * 1000;

async function prepare(ctx: FlowContext): Promise<{ ok: true; context: CustomersContext } | { ok: false; summary: RunSummary }> {
  const stored = await readFlowSettings((await getDatabase()).db, ctx.storeHash, CUSTOMERS_FLOW, customerFlowSettings);
  const opened = await openStoreFlow(ctx.storeHash, 'customers', stored);
  if (!opened.ok) return { ok: false, summary: { message: opened.message } };
  return { ok: true, context: { ...ctx, ...opened.ports, settings: opened.settings } };
}

/** The run's sentence; unchanged debtors get no row of their own and are counted as skipped. */
export function describeCustomers(summary: CustomerSummary): RunSummary {
  const parts = [`${summary.created} created`, `${summary.updated} updated`, `${summary.unchanged} unchanged`, `${summary.skipped} skipped`, `${summary.failed} failed`];
  return { message: `Customers: ${parts.join(', ')}.`, counts: { skipped: summary.unchanged } };
}

export const customerHandlers = [
  /** On a schedule, and "sync now" from the app (the same event). */
  defineHandler({
    id: 'customers-sync',
    flow: 'customers',
    event: 'accountview/customers.sync-requested',
    schedule: { everyMs: SYNC_EVERY_MS, cron: '0 * * * *', event: 'accountview/customers.sync-requested' },
    async handle(ctx) {
      const prepared = await prepare(ctx);
      if (!prepared.ok) return prepared.summary;
      const database = await getDatabase();
      // No checkpoint yet: the first run reads every debtor.
      const since = await readCheckpoint(database.db, ctx.storeHash, CUSTOMERS_CHECKPOINT);
      const summary = await syncCustomers(prepared.context, since ? { since } : {});
      await advanceCheckpoint(database.db, ctx.storeHash, CUSTOMERS_CHECKPOINT, new Date(summary.nextCheckpoint));
      return describeCustomers(summary);
    },
  }),
];
