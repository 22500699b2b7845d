import type { BigCommerceClient } from '@/lib/bigcommerce';
import { getDatabase } from '@/lib/db/client';
import { advanceCheckpoint, readCheckpoint } from '@/lib/db/queries/checkpoints';
import { readOrderSettings, saveOrderMapping } from '@/lib/db/queries/order-settings';
import { defineHandler, type FlowContext, type RunSummary } from '@/lib/engine';
import { env } from '@/lib/env';
import type { MappingOverrides } from '@/lib/mapping';
import { ensureOrderWebhooks } from '@/lib/webhooks';
import { exportOrders, pollOrders } from './export-orders';
import { checkOrderMapping, type MappingCheck } from './mapping-check';
import type { ExportSummary, OrdersContext } from './ports';
import type { OrderFlowSettings } from './settings';
import { openStoreFlow, type StorePorts } from '../store-ports';

/**
 * The orders flow's entry points for both engines: each builds the store's context (clients,
 * settings, id-map) and calls the plain flow. Nothing here decides what happens to an order.
 */

const POLL_CHECKPOINT = 'orders.poll';
// A store's first poll looks back this far; older orders come in through "import history".
const FIRST_POLL_LOOKBACK_MS = 60 * 60 * 1000;
const POLL_EVERY_MS = 15 * 60 * 1000;

type Opened = { ok: true; settings: OrderFlowSettings; mapping: MappingOverrides; ports: StorePorts } | { ok: false; message: string };

async function openOrders(storeHash: string, options: { requireEnabled: boolean }): Promise<Opened> {
  const stored = await readOrderSettings((await getDatabase()).db, storeHash);
  const opened = await openStoreFlow(storeHash, 'orders', stored, options);
  if (!opened.ok) return opened;
  return { ...opened, mapping: stored.ok ? stored.mapping : {} };
}

type Prepared = { ok: true; context: OrdersContext; bigcommerce: BigCommerceClient } | { ok: false; summary: RunSummary };

async function prepare(ctx: FlowContext): Promise<Prepared> {
  const opened = await openOrders(ctx.storeHash, { requireEnabled: true });
  if (!opened.ok) return { ok: false, summary: { message: opened.message } };
  return {
    ok: true,
    bigcommerce: opened.ports.bigcommerce,
    context: { ...ctx, ...opened.ports, settings: opened.settings, mapping: opened.mapping },
  };
}

/**
 * Saves a store's mapping overrides after checking them on real orders (the given ones, else the
 * store's latest order) through a preview of the flow; nothing is saved when a problem is found.
 */
export async function updateOrderMapping(storeHash: string, overrides: MappingOverrides, sampleOrderIds?: number[]): Promise<MappingCheck | { ok: false; problems: [{ reason: string }] }> {
  const opened = await openOrders(storeHash, { requireEnabled: false });
  if (!opened.ok) return { ok: false, problems: [{ reason: opened.message }] };
  const samples = sampleOrderIds ?? (await latestOrderIds(opened.ports.bigcommerce, 1));
  const check = await checkOrderMapping({ storeHash, ...opened.ports, settings: opened.settings }, overrides, samples);
  if (check.ok) await saveOrderMapping((await getDatabase()).db, storeHash, overrides);
  return check;
}

async function latestOrderIds(bigcommerce: BigCommerceClient, count: number): Promise<number[]> {
  const ids: number[] = [];
  for await (const order of bigcommerce.listOrders({ sort: 'date_created:desc', limit: count })) {
    if (typeof order.id === 'number') ids.push(order.id);
    if (ids.length >= count) break;
  }
  return ids;
}

function describe(summary: ExportSummary): RunSummary {
  const parts = [`${summary.created} created`, `${summary.updated} updated`, `${summary.skipped} skipped`, `${summary.failed} failed`];
  return { message: `Orders: ${parts.join(', ')}.` };
}

const unique = (ids: number[]) => [...new Set(ids)];

export const orderHandlers = [
  /** Webhooks of one store collected for two seconds: one list call per 250 orders. */
  defineHandler({
    id: 'orders-export',
    flow: 'orders',
    event: 'bigcommerce/order.changed',
    batch: { maxSize: 250, timeoutMs: 2_000 },
    async handle(ctx, events) {
      const prepared = await prepare(ctx);
      if (!prepared.ok) return prepared.summary;
      return describe(await exportOrders(prepared.context, { orderIds: unique(events.map((e) => e.orderId)) }));
    },
  }),
  /** "Export these orders again" from the app. */
  defineHandler({
    id: 'orders-export-requested',
    flow: 'orders',
    event: 'orders/export.requested',
    async handle(ctx, events) {
      const prepared = await prepare(ctx);
      if (!prepared.ok) return prepared.summary;
      return describe(await exportOrders(prepared.context, { orderIds: unique(events.flatMap((e) => e.orderIds)) }));
    },
  }),
  /**
   * The catch-up poll: repairs the store's webhooks (BigCommerce deactivates them after failed
   * deliveries), then sends what changed since the checkpoint, including orders whose webhook was lost.
   */
  defineHandler({
    id: 'orders-poll',
    flow: 'orders',
    event: 'orders/poll.requested',
    schedule: { everyMs: POLL_EVERY_MS, cron: '*/15 * * * *', event: 'orders/poll.requested' },
    async handle(ctx) {
      const prepared = await prepare(ctx);
      if (!prepared.ok) return prepared.summary;
      const { context, bigcommerce } = prepared;
      const database = await getDatabase();
      const hooks = await ctx.step.run('repair-webhooks', () =>
        ensureOrderWebhooks({
          db: database.db,
          bigcommerce,
          storeHash: ctx.storeHash,
          destination: `${env().APP_URL}/api/webhooks/bigcommerce`,
          encryptionKey: env().ENCRYPTION_KEY,
        }),
      );
      const repaired = hooks.created.length + hooks.reactivated.length;
      if (repaired > 0) ctx.log.warn('order webhooks were repaired', { created: hooks.created, reactivated: hooks.reactivated });
      const since = (await readCheckpoint(database.db, ctx.storeHash, POLL_CHECKPOINT)) ?? new Date(Date.now() - FIRST_POLL_LOOKBACK_MS);
      const { nextCheckpoint, summary } = await pollOrders(context, { since });
      await advanceCheckpoint(database.db, ctx.storeHash, POLL_CHECKPOINT, new Date(nextCheckpoint));
      const described = describe(summary);
      return repaired > 0 ? { message: `${described.message} ${repaired} deactivated or missing webhook(s) were turned back on.` } : described;
    },
  }),
  /** "Import history from date X": like the poll, from the given date, leaving the poll's checkpoint alone. */
  defineHandler({
    id: 'orders-history',
    flow: 'orders',
    event: 'orders/history.requested',
    async handle(ctx, events) {
      const prepared = await prepare(ctx);
      if (!prepared.ok) return prepared.summary;
      const since = new Date(Math.min(...events.map((e) => Date.parse(e.since))));
      return describe((await pollOrders(prepared.context, { since })).summary);
    },
  }),
];
