import { createHash } from 'node:crypto';
import { cron, NonRetriableError, RetryAfterError, type GetStepTools, type InngestFunction } from 'inngest';
import { z } from 'zod';
import type { Database } from '@/lib/db/client';
import { failRun, finishRun, openRun } from '@/lib/db/queries/runs';
import { describeError, isRetryable, retryAfterMs } from '../errors';
import { triggerOf, type EngineEvent } from '../events';
import { invokeHandler, parseEvent } from '../invoke';
import { createRunLogger, type EngineLogger } from '../run-log';
import { DEFAULT_RETRIES, type AnyHandler, type OnRunEnd, type RunEnd, type Step } from '../types';
import { batchCollected, inngest, inngestEvents } from './client';
import { batchTimeout, MAX_BATCH_SIZE, STORE_THROTTLE, storeConcurrency } from './flow-control';

export interface InngestDeps {
  database: () => Promise<Database>;
  /** The installed stores, for schedules. */
  listStores: () => Promise<string[]>;
  logger: EngineLogger;
  /** Told how each run ended (notifications); its failures are logged, never the run's. */
  onRunEnd?: OnRunEnd;
}

type InngestStep = GetStepTools<typeof inngest>;
type Retries = NonNullable<InngestFunction.Options['retries']>;

/** Inngest accepts 0 to 20 retries. */
const retriesOf = (handler: AnyHandler) =>
  Math.min(20, Math.max(0, Math.trunc(handler.retries ?? DEFAULT_RETRIES))) as Retries;

/** An event's data as far as the collector needs it; the worker validates it fully. */
const storeData = z.looseObject({ storeHash: z.string().min(1) });

/**
 * One Inngest function per handler, plus:
 * - for a batched handler, a collecting function in front of it. Inngest ignores a concurrency key
 *   on a function with `batchEvents` and rejects idempotency there, so batches are collected per
 *   store by `<id>-collect` and handed over as one `engine/batch.collected` event to `<id>`, which
 *   keeps the per-store concurrency and throttle;
 * - for a scheduled handler, `<id>-schedule`: a cron that sends the event once per installed store.
 */
export function createInngestFunctions(handlers: readonly AnyHandler[], deps: InngestDeps): InngestFunction.Any[] {
  return handlers.flatMap((handler) => [
    ...(handler.batch ? [collector(handler)] : []),
    worker(handler, deps),
    ...(handler.schedule ? [scheduler(handler, deps)] : []),
  ]);
}

function collector(handler: AnyHandler): InngestFunction.Any {
  const batch = handler.batch ?? { maxSize: MAX_BATCH_SIZE, timeoutMs: 1000 };
  return inngest.createFunction(
    {
      id: `${handler.id}-collect`,
      triggers: [inngestEvents[handler.event]],
      batchEvents: {
        maxSize: Math.min(batch.maxSize, MAX_BATCH_SIZE),
        timeout: batchTimeout(batch.timeoutMs),
        key: 'event.data.storeHash',
      },
      retries: retriesOf(handler),
    },
    async ({ events, step }) => {
      const byStore = new Map<string, Array<Record<string, unknown>>>();
      for (const event of events) {
        const data = storeData.parse(event.data);
        byStore.set(data.storeHash, [...(byStore.get(data.storeHash) ?? []), data]);
      }
      await step.sendEvent(
        'hand-over',
        [...byStore].map(([storeHash, data]) => batchCollected.create({ handler: handler.id, storeHash, events: data })),
      );
      return { events: events.length };
    },
  );
}

function worker(handler: AnyHandler, deps: InngestDeps): InngestFunction.Any {
  const retries = retriesOf(handler);
  // Triggered by name: the handler's events are validated by invokeHandler with the same schemas.
  const trigger: { event: string; if?: string } = handler.batch
    ? { event: batchCollected.name, if: `event.data.handler == "${handler.id}"` }
    : { event: handler.event };
  return inngest.createFunction(
    {
      id: handler.id,
      triggers: [trigger],
      concurrency: storeConcurrency(handler.flow),
      throttle: STORE_THROTTLE,
      retries,
    },
    async ({ events, step, runId, attempt }) => {
      const datas = handler.batch
        ? events.flatMap((event: { data: unknown }) => batchCollected.schema.parse(event.data).events)
        : events.map((event: { data: unknown }) => event.data);
      let head: EngineEvent;
      try {
        head = parseEvent({ name: handler.event, data: datas[0] });
      } catch (error) {
        throw toInngestError(error);
      }
      const { storeHash } = head.data;
      const trigger = triggerOf(head.name, head.data);
      const database = await deps.database();
      const syncRunId = uuidFrom(`${handler.id}:${runId}`);
      const run = { storeHash, runId: syncRunId, flow: handler.flow };
      await openRun(database.db, storeHash, {
        id: syncRunId,
        flow: handler.flow,
        handler: handler.id,
        trigger,
        inngestRunId: runId,
        attempt: attempt + 1,
      });
      try {
        const summary = await invokeHandler(
          handler,
          {
            ...run,
            trigger,
            step: adaptStep(step),
            log: createRunLogger(database.db, run, deps.logger),
          },
          datas,
        );
        const row = await finishRun(database.db, storeHash, syncRunId, summary ?? {});
        if (row) await reportEnd(deps, { ...run, state: row.state === 'partial' ? 'partial' : 'success', failed: row.failed });
        return { runId: syncRunId, message: summary?.message ?? null };
      } catch (error) {
        // A failed step has used its own retries; a typed permanent error has none; else Inngest retries.
        const final = !isRetryable(error) || (error instanceof Error && error.name === 'StepError') || attempt >= retries;
        if (final) {
          await failRun(database.db, storeHash, syncRunId, describeError(error));
          await reportEnd(deps, { ...run, state: 'failed', failed: 0, error, errorMessage: describeError(error) });
        }
        throw toInngestError(error);
      }
    },
  );
}

/** Notifications must never turn a finished run into a failed one (or make Inngest retry it). */
async function reportEnd(deps: InngestDeps, end: RunEnd): Promise<void> {
  try {
    await deps.onRunEnd?.(end);
  } catch (error) {
    deps.logger.error({ err: error, runId: end.runId }, 'could not report how a run ended');
  }
}

function scheduler(handler: AnyHandler, deps: InngestDeps): InngestFunction.Any {
  const schedule = handler.schedule;
  if (!schedule) throw new Error(`handler ${handler.id} has no schedule`);
  return inngest.createFunction(
    { id: `${handler.id}-schedule`, triggers: [cron(schedule.cron)] },
    async ({ step }) => {
      const stores = await step.run('list-stores', () => deps.listStores());
      if (stores.length > 0) {
        await step.sendEvent(
          'fan-out',
          stores.map((storeHash: string) => ({ name: schedule.event, data: { storeHash, trigger: 'schedule' as const } })),
        );
      }
      return { stores: stores.length };
    },
  );
}

/** Inngest's step.run and step.sleep behind the engine's Step; our typed errors mapped to Inngest's. */
export function adaptStep(step: InngestStep): Step {
  return {
    run: <T>(id: string, fn: () => Promise<T>) =>
      step.run(id, async () => {
        try {
          return await fn();
        } catch (error) {
          throw toInngestError(error);
        }
      }) as Promise<T>,
    async sleep(id, ms) {
      await step.sleep(id, Math.max(0, ms));
    },
  };
}

function toInngestError(error: unknown): unknown {
  if (!isRetryable(error)) {
    return error instanceof NonRetriableError ? error : new NonRetriableError(describeError(error), { cause: error });
  }
  const wait = retryAfterMs(error);
  return wait ? new RetryAfterError(describeError(error), wait, { cause: error }) : error;
}

/** A stable uuid for a string, so every attempt of an Inngest run writes to the same sync_runs row. */
export function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
