import { accountViewFor, NotConnectedError } from '@/lib/accountview-connection';
import type { BigCommerceClient } from '@/lib/bigcommerce';
import { getDatabase } from '@/lib/db/client';
import { advanceCheckpoint, readCheckpoint } from '@/lib/db/queries/checkpoints';
import { createIdMap } from '@/lib/db/queries/id-map';
import { readOrderSettings, saveOrderMapping } from '@/lib/db/queries/order-settings';
import type { AccountViewClient } from '@/lib/accountview';
import { defineHandler, type FlowContext, type RunSummary } from '@/lib/engine';
import { env } from '@/lib/env';
import type { MappingOverrides } from '@/lib/mapping';
import { bigCommerceFor } from '@/lib/store-clients';
import { ensureOrderWebhooks } from '@/lib/webhooks';
import { exportOrders, pollOrders } from './export-orders';
import { checkOrderMapping, type MappingCheck } from './mapping-check';
import type { ExportSummary, OrdersContext } from './ports';
import type { OrderFlowSettings } from './settings';

/**
 * The orders flow's entry points for both engines: each builds the store's context (clients,
 * settings, id-map) and calls the plain flow. Nothing here decides what happens to an order.
 */

const POLL_CHECKPOINT = 'orders.poll';
// A store's first poll looks back this far; older orders come in through "import history".
const FIRST_POLL_LOOKBACK_MS = 60 * 60 * 1000;
const POLL_EVERY_MS = 15 * 60 * 1000;

interface StorePorts {
  bigcommerce: BigCommerceClient;
  accountview: AccountViewClient;
  settings: OrderFlowSettings;
  mapping: MappingOverrides;
}

/** The store's clients, settings and mapping, or why the flow cannot run for it now. */
async function storePorts(storeHash: string, options: { requireEnabled: boolean }): Promise<{ ok: true; ports: StorePorts } | { ok: false; message: string }> {
  const database = await getDatabase();
  const stored = await readOrderSettings(database.db, storeHash);
  if (options.requireEnabled && (!stored.enabled || stored.paused)) {
    return { ok: false, message: `The orders flow is ${stored.paused ? 'paused' : 'switched off'}; nothing was sent.` };
  }
  if (!stored.ok) {
    const fields = stored.problems.map((p) => p.path || 'settings').join(', ');
    return { ok: false, message: `The orders settings need attention (${fields}); nothing was sent until they are saved again.` };
  }
  const bigcommerce = await bigCommerceFor(storeHash);
  if (!bigcommerce) return { ok: false, message: 'The store no longer has the app installed.' };
  try {
    return { ok: true, ports: { bigcommerce, accountview: await accountViewFor(storeHash), settings: stored.settings, mapping: stored.mapping } };
  } catch (error) {
    if (error instanceof NotConnectedError) {
      return { ok: false, message: 'AccountView is not connected (or no administration is chosen); nothing was sent.' };
    }
    throw error;
  }
}

type Prepared = { ok: true; context: OrdersContext; bigcommerce: BigCommerceClient } | { ok: false; summary: RunSummary };

async function prepare(ctx: FlowContext): Promise<Prepared> {
  const found = await storePorts(ctx.storeHash, { requireEnabled: true });
  if (!found.ok) return { ok: false, summary: { message: found.message } };
  const database = await getDatabase();
  return {
    ok: true,
    bigcommerce: found.ports.bigcommerce,
    context: {
      ...ctx,
      ...found.ports,
      idMap: createIdMap(database.db, ctx.storeHash, database.lock),
      now: () => new Date(),
    },
  };
}

/**
 * Saves a store's mapping overrides after checking them on real orders (the given ones, else the
 * store's latest order) through a preview of the flow; nothing is saved when a problem is found.
 */
export async function updateOrderMapping(storeHash: string, overrides: MappingOverrides, sampleOrderIds?: number[]): Promise<MappingCheck | { ok: false; problems: [{ reason: string }] }> {
  const found = await storePorts(storeHash, { requireEnabled: false });
  if (!found.ok) return { ok: false, problems: [{ reason: found.message }] };
  const samples = sampleOrderIds ?? (await latestOrderIds(found.ports.bigcommerce, 1));
  const check = await checkOrderMapping({ storeHash, ...found.ports, now: () => new Date() }, overrides, samples);
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
