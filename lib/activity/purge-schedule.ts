import { cron, type InngestFunction } from 'inngest';
import { getDatabase, type Database } from '@/lib/db/client';
import { inngest } from '@/lib/engine/inngest/client';
import type { EngineLogger } from '@/lib/engine/run-log';
import { logger } from '@/lib/logger';
import { purgeAllStores } from './retention';

/**
 * The activity log's purge runs on its own schedule, beside the flows' polls: a timer in the app's
 * process when it runs the in-process engine, an Inngest cron otherwise. It is not a flow handler,
 * so it writes no run of its own into the log it cleans and never waits behind a store's flow.
 */
export const PURGE_EVERY_MS = 6 * 60 * 60 * 1000;
/** Daily at 03:40 UTC: a quiet hour for Dutch and Belgian shops. */
export const PURGE_CRON = '40 3 * * *';

export interface PurgeDeps {
  database: () => Promise<Database>;
  logger: EngineLogger;
  now?: () => Date;
}

export async function runPurge(deps: PurgeDeps): Promise<{ stores: number; runs: number; records: number }> {
  const { db } = await deps.database();
  const results = await purgeAllStores(db, (deps.now ?? (() => new Date()))(), (storeHash, error) =>
    deps.logger.error({ err: error, storeHash }, 'activity log purge failed for a store'),
  );
  const totals = Object.values(results).reduce((sum, r) => ({ runs: sum.runs + r.runs, records: sum.records + r.records }), { runs: 0, records: 0 });
  if (totals.runs > 0) deps.logger.info({ ...totals }, 'activity log purged');
  return { stores: Object.keys(results).length, ...totals };
}

/** Starts the in-process purge: once shortly after start, then every `everyMs`. Returns its stop. */
export function startPurgeTimer(deps: PurgeDeps, everyMs = PURGE_EVERY_MS): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await runPurge(deps);
    } catch (error) {
      deps.logger.error({ err: error }, 'activity log purge failed');
    } finally {
      busy = false;
    }
  };
  const first = setTimeout(() => void tick(), Math.min(everyMs, 60_000));
  const timer = setInterval(() => void tick(), everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/** The Inngest cron for the same purge, served with the flows' functions at /api/inngest. */
export function activityPurgeFunction(deps: PurgeDeps): InngestFunction.Any {
  return inngest.createFunction({ id: 'activity-log-purge', triggers: [cron(PURGE_CRON)], retries: 2 }, async ({ step }) =>
    step.run('purge', () => runPurge(deps)),
  );
}

type Holder = { stop?: () => void };
const holder = globalThis as typeof globalThis & { __avbcPurge?: Holder };
const state: Holder = (holder.__avbcPurge ??= {});

/** The app's purge timer, started once per process (Next may load this module more than once). */
export function startAppPurgeTimer(deps: PurgeDeps): void {
  state.stop ??= startPurgeTimer(deps);
}

/** The app's purge dependencies: its database and server log. */
export function appPurgeDeps(): PurgeDeps {
  return {
    database: getDatabase,
    // Resolved per call: reading the environment (through logger()) at import time would break `next build`.
    logger: { info: (meta, message) => logger().info(meta, message), warn: (meta, message) => logger().warn(meta, message), error: (meta, message) => logger().error(meta, message) },
  };
}
