import { accountViewFor, NotConnectedError } from '@/lib/accountview-connection';
import type { BigCommerceClient } from '@/lib/bigcommerce';
import { getDatabase } from '@/lib/db/client';
import { advanceCheckpoint, readCheckpoint } from '@/lib/db/queries/checkpoints';
import { createIdMap } from '@/lib/db/queries/id-map';
import { readOrderSettings } from '@/lib/db/queries/order-settings';
import { defineHandler, type FlowContext, type RunSummary } from '@/lib/engine';
import { env } from '@/lib/env';
import { bigCommerceFor } from '@/lib/store-clients';
import { ensureOrderWebhooks } from '@/lib/webhooks';
import { exportOrders, pollOrders } from './export-orders';
import type { ExportSummary, OrdersContext } from './ports';

/**
 * The orders flow's entry points for both engines: each builds the store's context (clients,
 * settings, id-map) and calls the plain flow. Nothing here decides what happens to an order.
 */

const POLL_CHECKPOINT = 'orders.poll';
// A store's first poll looks back this far; older orders come in through "import history".
const FIRST_POLL_LOOKBACK_MS = 60 * 60 * 1000;
const POLL_EVERY_MS = 15 * 60 * 1000;

type Prepared = { ok: true; context: OrdersContext; bigcommerce: BigCommerceClient } | { ok: false; summary: RunSummary };

async function prepare(ctx: FlowContext): Promise<Prepared> {
  const database = await getDatabase();
  const stored = await readOrderSettings(database.db, ctx.storeHash);
  if (!stored.enabled || stored.paused) {
    return { ok: false, summary: { message: `The orders flow is ${stored.paused ? 'paused' : 'switched off'}; nothing was sent.` } };
  }
  if (!stored.ok) {
    const fields = stored.problems.map((p) => p.path || 'settings').join(', ');
    return { ok: false, summary: { message: `The orders settings need attention (${fields}); nothing was sent until they are saved again.` } };
  }
  const bigcommerce = await bigCommerceFor(ctx.storeHash);
  if (!bigcommerce) return { ok: false, summary: { message: 'The store no longer has the app installed.' } };
  let accountview;
  try {
    accountview = await accountViewFor(ctx.storeHash);
  } catch (error) {
    if (error instanceof NotConnectedError) {
      return { ok: false, summary: { message: 'AccountView is not connected (or no administration is chosen); nothing was sent.' } };
    }
    throw error;
  }
  return {
    ok: true,
    bigcommerce,
    context: {
      ...ctx,
      bigcommerce,
      accountview,
      settings: stored.settings,
      idMap: createIdMap(database.db, ctx.storeHash, database.lock),
      now: () => new Date(),
    },
  };
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
