import { getDatabase } from '@/lib/db/client';
import { readFlowSettings } from '@/lib/db/queries/flow-settings';
import { defineHandler, type FlowContext, type RunSummary } from '@/lib/engine';
import type { StockContext, StockSummary } from './ports';
import { stockFlowSettings } from './settings';
import { syncStock } from './sync-stock';
import { openStoreFlow } from '../store-ports';

/**
 * The stock flow's entry point for both engines: builds the store's context (clients, settings,
 * id-map) and calls the plain flow. Nothing here decides what a level is.
 */

export const STOCK_FLOW = 'stock';
/** Stock moves with every sale; unchanged levels cost one AccountView read and no BigCommerce call. */
const SYNC_EVERY_MS = 5 * 60 * 1000;

async function prepare(ctx: FlowContext): Promise<{ ok: true; context: StockContext } | { ok: false; summary: RunSummary }> {
  const stored = await readFlowSettings((await getDatabase()).db, ctx.storeHash, STOCK_FLOW, stockFlowSettings);
  const opened = await openStoreFlow(ctx.storeHash, 'stock', stored);
  if (!opened.ok) return { ok: false, summary: { message: opened.message } };
  return { ok: true, context: { ...ctx, ...opened.ports, settings: opened.settings } };
}

/** The run's sentence, and the levels that got no row of their own (unchanged, unknown) as counts. */
export function describeStock(summary: StockSummary): RunSummary {
  if (summary.locationMissing) return { message: 'Stock: the chosen BigCommerce location does not exist; nothing was sent.', counts: { skipped: summary.unchanged } };
  const parts = [`${summary.sent} level(s) sent`, `${summary.unchanged} unchanged`];
  if (summary.unknown > 0) parts.push(`${summary.unknown} SKU(s) not in BigCommerce`);
  if (summary.untracked > 0) parts.push(`${summary.untracked} variant(s) of products tracked per product`);
  if (summary.refused > 0) parts.push(`${summary.refused} refused by BigCommerce`);
  if (summary.trackingSet > 0) parts.push(`inventory tracking switched on for ${summary.trackingSet} product(s)`);
  // Each group of skipped SKUs has one summary record, which counts itself.
  const skipped = summary.unchanged + Math.max(0, summary.unknown - 1) + Math.max(0, summary.untracked - 1);
  return { message: `Stock: ${parts.join(', ')}.`, counts: { updated: summary.sent, skipped } };
}

export const stockHandlers = [
  /** On a schedule, and "sync now" from the app (the same event). */
  defineHandler({
    id: 'stock-sync',
    flow: 'stock',
    event: 'accountview/stock.sync-requested',
    schedule: { everyMs: SYNC_EVERY_MS, cron: '*/5 * * * *', event: 'accountview/stock.sync-requested' },
    async handle(ctx) {
      const prepared = await prepare(ctx);
      if (!prepared.ok) return prepared.summary;
      return describeStock(await syncStock(prepared.context));
    },
  }),
];
