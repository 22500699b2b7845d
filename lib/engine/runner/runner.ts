import type { Database } from '@/lib/db/client';
import { failRun, finishRun, startRun } from '@/lib/db/queries/runs';
import { logger as serverLogger } from '@/lib/logger';
import { describeError, EngineError, isRetryable, retryAfterMs, UnknownHandlerError } from '../errors';
import { triggerOf, type EngineEvent, type StoreEventName } from '../events';
import { invokeHandler, parseEvent } from '../invoke';
import { createRunLogger, type EngineLogger } from '../run-log';
import { DEFAULT_RETRIES, type AnyHandler, type FlowContext, type OnRunEnd, type RunEnd, type RunSummary } from '../types';
import { defaultBackoffMs } from './backoff';
import { createDurableStep, RunControl, type DurableStep, type Interrupt } from './durable-step';
import { claim, enqueue, extendLeases, hasJobs, loadSteps, nextDue, removeJob, requeue, type JobRow } from './jobs';

export interface RunnerOptions {
  database: Database;
  handlers: readonly AnyHandler[];
  /** The installed stores, for schedules. */
  listStores: () => Promise<string[]>;
  now?: () => Date;
  logger?: EngineLogger;
  /** Runs at once in this process (never two of one store and flow). Default 4. */
  concurrency?: number;
  /** Longest idle wait before looking at the queue again (other instances may have added work). Default 1 s. */
  pollMs?: number;
  /** How long a claim holds without a heartbeat: a dead runner's jobs are taken over after this. Default 60 s. */
  leaseMs?: number;
  /** Wait before retry n (1-based). Default: 15 s · 4ⁿ⁻¹ with jitter, at most 30 min. */
  backoffMs?: (attempt: number) => number;
  /** Longer sleeps free the run's slot and resume from the queue. Default 10 s. */
  inlineSleepMaxMs?: number;
  /** How long `stop()` waits for steps that are executing to finish and be saved. Default 10 s. */
  stopTimeoutMs?: number;
  /** Told how each run ended (notifications); its failures are logged, never the run's. */
  onRunEnd?: OnRunEnd;
  /** Other periodic work of the app (the daily summary), started and stopped with the runner. */
  timers?: Array<{ everyMs: number; run: () => Promise<void> }>;
}

export interface Runner {
  /** Persists the event (one job per handler of it) before resolving. */
  send(event: EngineEvent): Promise<void>;
  /** Starts claiming work, including jobs left unfinished by an earlier process, and the schedules. */
  start(): void;
  /** Stops claiming; runs in progress stop at their next step and go back to the queue. */
  stop(): Promise<void>;
  /** Resolves once the queue is empty and nothing runs (tests, benchmarks). */
  drain(): Promise<void>;
}

interface ActiveRun {
  job: JobRow;
  control: RunControl;
  step?: DurableStep;
  finished: Promise<void>;
}

type Outcome = { kind: 'done'; summary: RunSummary | void } | { kind: 'error'; error: unknown } | Interrupt;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The embedded engine: Inngest's guarantees for one machine, kept in the app's own database. Jobs
 * survive a crash, run one at a time per store and flow, are batched, retried with backoff, and
 * resume with their completed steps memoised.
 */
export function createRunner(options: RunnerOptions): Runner {
  const { database, handlers } = options;
  const db = database.db;
  const now = options.now ?? (() => new Date());
  const log: EngineLogger = options.logger ?? serverLogger();
  const concurrency = options.concurrency ?? 4;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const backoffMs = options.backoffMs ?? defaultBackoffMs;
  const inlineSleepMaxMs = options.inlineSleepMaxMs ?? 10_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const handlerById = new Map(handlers.map((handler) => [handler.id, handler]));
  const handlerIds = [...handlerById.keys()];

  const active = new Map<number, ActiveRun>();
  let running = false;
  let pumping = false;
  let pumpAgain = false;
  let wakeTimer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let scheduleTimers: NodeJS.Timeout[] = [];

  // PGlite is one process: the in-process lock serialises queue statements explicitly. On Postgres the
  // statements themselves are safe across instances (see jobs.ts).
  const queueStatement = <T>(fn: () => Promise<T>) =>
    database.kind === 'pglite' ? database.lock('engine-queue', fn) : fn();

  async function enqueueFor(event: EngineEvent, dedupeKey?: string): Promise<void> {
    const targets = handlers.filter((handler) => handler.event === event.name);
    if (targets.length === 0) log.error({ event: event.name }, 'no handler is registered for this event; nothing will run');
    for (const handler of targets) {
      await queueStatement(() =>
        enqueue(db, {
          storeHash: event.data.storeHash,
          handler: handler.id,
          flow: handler.flow,
          trigger: triggerOf(event.name, event.data),
          data: event.data,
          now: now(),
          batch: handler.batch,
          dedupeKey,
        }),
      );
    }
    wake();
  }

  function wake(): void {
    if (running) void pump();
  }

  async function pump(): Promise<void> {
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    try {
      do {
        pumpAgain = false;
        while (running && active.size < concurrency) {
          const job = await queueStatement(() => claim(db, { now: now(), leaseMs, handlers: handlerIds }));
          if (!job) break;
          if (!running) {
            // stop() ran while this claim was on its way: hand the job straight back rather than run it
            // unwatched (no heartbeat, not awaited by stop).
            await requeue(db, job, { runAt: job.runAt });
            break;
          }
          launch(job);
        }
      } while (pumpAgain && running);
      if (running) await planWake();
    } catch (error) {
      log.error({ err: error }, 'the runner could not read its queue; trying again shortly');
      if (running) setWake(pollMs);
    } finally {
      pumping = false;
    }
  }

  async function planWake(): Promise<void> {
    const due = await nextDue(db);
    const untilDue = due ? due.getTime() - now().getTime() : pollMs;
    setWake(Math.min(pollMs, Math.max(5, untilDue)));
  }

  function setWake(ms: number): void {
    clearTimeout(wakeTimer);
    wakeTimer = setTimeout(() => void pump(), ms);
  }

  function launch(job: JobRow): void {
    const run: ActiveRun = { job, control: new RunControl(), finished: Promise.resolve() };
    active.set(job.id, run);
    run.finished = execute(run)
      .catch((error: unknown) =>
        log.error({ err: error, jobId: job.id, storeHash: job.storeHash, handler: job.handler, runId: job.runId }, 'the runner could not record how a run ended'),
      )
      .finally(() => {
        active.delete(job.id);
        wake();
      });
  }

  async function execute(run: ActiveRun): Promise<void> {
    const { job, control } = run;
    const handler = handlerById.get(job.handler);
    const attempt = job.attempts + 1;
    let outcome: Outcome;
    if (!handler) {
      outcome = { kind: 'error', error: new UnknownHandlerError(job.handler) };
    } else {
      await startRun(db, job.storeHash, job.runId, attempt);
      const step = createDurableStep({ db, job, memo: await loadSteps(db, job.runId), control, now, inlineSleepMaxMs });
      run.step = step;
      const ctx: FlowContext = {
        storeHash: job.storeHash,
        runId: job.runId,
        trigger: job.trigger,
        step,
        log: createRunLogger(db, { storeHash: job.storeHash, runId: job.runId, flow: job.flow }, log),
      };
      const events = Array.isArray(job.events) ? job.events : [];
      outcome = await Promise.race([
        invokeHandler(handler, ctx, events).then(
          (summary): Outcome => ({ kind: 'done', summary }),
          (error: unknown): Outcome => ({ kind: 'error', error }),
        ),
        control.signal,
      ]);
    }
    await settle(run, outcome, handler?.retries ?? DEFAULT_RETRIES);
  }

  async function settle(run: ActiveRun, outcome: Outcome, retries: number): Promise<void> {
    const { job } = run;
    const tag = { storeHash: job.storeHash, handler: job.handler, runId: job.runId, attempt: job.attempts + 1 };
    switch (outcome.kind) {
      case 'done': {
        const summary = outcome.summary ?? {};
        const row = await db.transaction(async (tx) =>
          (await removeJob(tx, job)) ? finishRun(tx, job.storeHash, job.runId, summary) : undefined,
        );
        if (row) await reportEnd({ ...end(job), state: row.state === 'partial' ? 'partial' : 'success', failed: row.failed });
        return;
      }
      case 'error': {
        const message = describeError(outcome.error);
        if (isRetryable(outcome.error) && job.attempts < retries) {
          const wait = Math.max(backoffMs(job.attempts + 1), retryAfterMs(outcome.error) ?? 0);
          log.warn({ ...tag, err: outcome.error, retryInMs: Math.round(wait) }, 'run failed; it will be retried');
          await requeue(db, job, { runAt: new Date(now().getTime() + wait), failed: { error: message } });
          return;
        }
        log.error({ ...tag, err: outcome.error }, 'run failed');
        const failed = await db.transaction(async (tx) => {
          if (!(await removeJob(tx, job))) return false;
          await failRun(tx, job.storeHash, job.runId, message);
          return true;
        });
        if (failed) await reportEnd({ ...end(job), state: 'failed', failed: 0, error: outcome.error, errorMessage: message });
        return;
      }
      case 'suspend':
        await requeue(db, job, { runAt: outcome.until });
        return;
      case 'stop':
        // Let a step that is executing finish and be saved, so the run resumes after it, not before.
        await Promise.race([run.step?.settled(), delay(stopTimeoutMs)]);
        await requeue(db, job, { runAt: now() });
        return;
      case 'lost':
        log.warn(tag, 'run lost its claim to another runner, which carries on with it');
        return;
    }
  }

  const end = (job: JobRow) => ({ storeHash: job.storeHash, runId: job.runId, flow: job.flow });

  async function reportEnd(runEnd: RunEnd): Promise<void> {
    try {
      await options.onRunEnd?.(runEnd);
    } catch (error) {
      log.error({ err: error, runId: runEnd.runId }, 'could not report how a run ended');
    }
  }

  async function beat(): Promise<void> {
    const runs = [...active.values()].filter((run) => !run.control.interrupted);
    try {
      const held = await extendLeases(
        db,
        runs.map((run) => run.job),
        new Date(now().getTime() + leaseMs),
      );
      for (const run of runs) if (!held.has(run.job.id)) run.control.interrupt({ kind: 'lost' });
    } catch (error) {
      log.warn({ err: error }, 'could not renew the runner’s claims');
    }
  }

  async function tick(handler: AnyHandler, event: StoreEventName, everyMs: number): Promise<void> {
    try {
      const slot = Math.floor(now().getTime() / everyMs);
      for (const storeHash of await options.listStores()) {
        try {
          await enqueueFor(parseEvent({ name: event, data: { storeHash, trigger: 'schedule' } }), `schedule:${slot}`);
        } catch (error) {
          log.warn({ err: error, storeHash, handler: handler.id }, 'scheduled run was not queued');
        }
      }
    } catch (error) {
      log.error({ err: error, handler: handler.id }, 'could not list the stores for a schedule');
    }
  }

  return {
    async send(event) {
      await enqueueFor(parseEvent(event));
    },

    start() {
      if (running) return;
      running = true;
      heartbeat = setInterval(() => void beat(), Math.max(10, Math.floor(leaseMs / 3)));
      scheduleTimers = handlers.flatMap((handler) => {
        const schedule = handler.schedule;
        if (!schedule) return [];
        return [setInterval(() => void tick(handler, schedule.event, schedule.everyMs), schedule.everyMs)];
      });
      for (const timer of options.timers ?? []) {
        scheduleTimers.push(setInterval(() => void timer.run().catch((error: unknown) => log.error({ err: error }, 'a timer failed')), timer.everyMs));
      }
      void pump();
    },

    async stop() {
      running = false;
      clearTimeout(wakeTimer);
      clearInterval(heartbeat);
      for (const timer of scheduleTimers) clearInterval(timer);
      scheduleTimers = [];
      for (const run of active.values()) run.control.interrupt({ kind: 'stop' });
      await Promise.all([...active.values()].map((run) => run.finished));
    },

    async drain() {
      if (!running) throw new EngineError('Start the runner before draining it.');
      while (active.size > 0 || (await hasJobs(db))) {
        void pump();
        await delay(Math.min(pollMs, 20));
      }
    },
  };
}
