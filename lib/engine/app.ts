import type { InngestFunction } from 'inngest';
import { getDatabase } from '@/lib/db/client';
import { logger } from '@/lib/logger';
import { eventIdOf, type EngineEvent } from './events';
import { inngest } from './inngest/client';
import { createInngestFunctions } from './inngest/functions';
import { parseEvent } from './invoke';
import type { EngineLogger } from './run-log';
import { createRunner, type Runner } from './runner/runner';
import { inngestSettingsFromEnv, usesInngest, type InngestSettings } from './settings';
import { listSyncableStores } from '@/lib/db/queries/stores';
import type { AnyHandler, OnRunEnd } from './types';
import { appNotifier, DAILY_SUMMARY_CHECK_MS, dailySummaryFunction } from '@/lib/notifications';

/**
 * The app's engine: the composition of the database, the handler list and the settings. Kept on
 * globalThis because Next may load this module more than once (route bundles, dev reloads) and
 * there must be one runner per process.
 */
type Holder = { runner?: Promise<Runner> };
const holder = globalThis as typeof globalThis & { __avbcEngine?: Holder };
const state: Holder = (holder.__avbcEngine ??= {});

// Resolved per call: reading env() (through logger()) at import time would break `next build`.
const engineLogger: EngineLogger = {
  info: (meta, message) => logger().info(meta, message),
  warn: (meta, message) => logger().warn(meta, message),
  error: (meta, message) => logger().error(meta, message),
};

const listStores = async () => listSyncableStores((await getDatabase()).db);

// Notifications: told of every run's end by both engines; the daily summary on a timer / an Inngest cron.
const onRunEnd: OnRunEnd = async (end) => (await appNotifier()).runFinished(end);
const sendDailySummaries = async () => (await appNotifier()).sendDailySummaries();

/** The process's runner, started on first use. */
export function appRunner(): Promise<Runner> {
  state.runner ??= (async () => {
    // Imported here, not at the top: the handler list imports the flows, which import this module.
    const { handlers } = await import('./handlers');
    const runner = createRunner({
      database: await getDatabase(),
      handlers,
      listStores,
      logger: engineLogger,
      onRunEnd,
      timers: [{ everyMs: DAILY_SUMMARY_CHECK_MS, run: sendDailySummaries }],
    });
    runner.start();
    return runner;
  })().catch((error: unknown) => {
    state.runner = undefined;
    throw error;
  });
  return state.runner;
}

/**
 * Hands an event to whichever engine runs here: Inngest when configured, else the in-process runner
 * (which has saved it by the time this resolves). Validates the event first.
 */
export async function sendEvent(event: EngineEvent, settings: InngestSettings = inngestSettingsFromEnv()): Promise<void> {
  const valid = parseEvent(event);
  if (usesInngest(settings)) {
    const id = eventIdOf(valid);
    await inngest.send({ name: valid.name, data: valid.data, ...(id ? { id } : {}) });
    return;
  }
  await (await appRunner()).send(valid);
}

/**
 * Starts the in-process runner at server start when no Inngest is configured, so jobs left by the
 * previous process and the schedules run without waiting for the first event.
 */
export async function startEngine(settings: InngestSettings = inngestSettingsFromEnv()): Promise<void> {
  if (!usesInngest(settings)) await appRunner();
}

export async function stopEngine(): Promise<void> {
  const runner = state.runner;
  state.runner = undefined;
  if (runner) await (await runner).stop();
}

/** The Inngest functions for /api/inngest. */
export function inngestFunctions(handlers: readonly AnyHandler[]): InngestFunction.Any[] {
  return [
    ...createInngestFunctions(handlers, {
      database: getDatabase,
      listStores,
      logger: engineLogger,
      onRunEnd,
    }),
    dailySummaryFunction(sendDailySummaries),
  ];
}
