import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lt, lte, min, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '@/lib/db/queries/runs';
import { engineJobs, engineSteps } from '@/lib/db/schema/engine';
import { UnknownStoreError } from '../errors';
import type { FlowName, RunTrigger } from '../types';

/**
 * The runner's queue in SQL. A job is one handler invocation: its events, its attempts, and while it
 * runs, the lease of the runner that claimed it. Every statement here is safe to run from several
 * app instances at once on Postgres; PGlite has one process, which runs one statement at a time.
 */
export type JobRow = typeof engineJobs.$inferSelect;

export interface EnqueueInput {
  storeHash: string;
  handler: string;
  flow: FlowName;
  trigger: RunTrigger;
  data: unknown;
  now: Date;
  /** Collect into the store's open batch for this handler; the batch may start when full or when the window ends. */
  batch?: { maxSize: number; timeoutMs: number };
  /** Enqueue at most once per key (a schedule tick), and not at all while the handler already has work waiting. */
  dedupeKey?: string;
}

/**
 * Adds an event for a handler, together with its queued sync_runs row, in one statement: either a new
 * job, or (for a batched handler) the event is appended to the store's open batch. The partial unique
 * index on open batches makes concurrent sends append to the same row instead of racing.
 */
export async function enqueue(db: Executor, input: EnqueueInput): Promise<void> {
  const runId = randomUUID();
  const data = JSON.stringify([input.data]);
  const closed = input.batch ? input.batch.maxSize <= 1 : true;
  const state = closed ? 'pending' : 'collecting';
  const runAt = new Date(input.now.getTime() + (closed ? 0 : (input.batch?.timeoutMs ?? 0)));
  // Typed, because a VALUES list in a subquery would otherwise read every parameter as text.
  const values = sql`(${input.storeHash}::text, ${input.handler}::text, ${input.flow}::text, ${runId}::uuid,
    ${state}::text, ${input.trigger}::text, ${data}::jsonb, 1, ${runAt.toISOString()}::timestamptz, ${input.dedupeKey ?? null}::text)`;
  const columns = sql`(store_hash, handler, flow, run_id, state, trigger, events, event_count, run_at, dedupe_key)`;
  const insertJob = input.batch
    ? sql`insert into engine_jobs ${columns} values ${values}
        on conflict (store_hash, handler) where state = 'collecting' do update set
          events = engine_jobs.events || excluded.events,
          event_count = engine_jobs.event_count + 1,
          state = case when engine_jobs.event_count + 1 >= ${input.batch.maxSize}::int then 'pending' else 'collecting' end,
          run_at = case when engine_jobs.event_count + 1 >= ${input.batch.maxSize}::int
            then least(engine_jobs.run_at, ${input.now.toISOString()}::timestamptz) else engine_jobs.run_at end
        returning run_id, (xmax = 0) as inserted`
    : input.dedupeKey
      ? sql`insert into engine_jobs ${columns} select * from (values ${values}) v
          where not exists (select 1 from engine_jobs w where w.store_hash = ${input.storeHash}
            and w.handler = ${input.handler} and w.state <> 'running')
          on conflict (store_hash, handler, dedupe_key) do nothing
          returning run_id, true as inserted`
      : sql`insert into engine_jobs ${columns} values ${values} returning run_id, true as inserted`;
  try {
    await db.execute(sql`
      with job as (${insertJob})
      insert into sync_runs (id, store_hash, flow, handler, trigger, state)
      select run_id, ${input.storeHash}, ${input.flow}, ${input.handler}, ${input.trigger}, 'queued' from job where inserted`);
  } catch (error) {
    if (sqlState(error) === '23503') throw new UnknownStoreError(input.storeHash);
    throw error;
  }
}

/**
 * Claims the next job that may start, for `leaseMs`. A job may start when it is due and no job of
 * the same store and flow is running; a running job whose lease ran out belonged to a runner that
 * died and is taken over. `FOR UPDATE SKIP LOCKED` lets instances claim side by side without
 * waiting on each other; if two claim different jobs of one store and flow at the same instant, the
 * unique index on running jobs refuses the second, which then simply finds nothing this time.
 */
export async function claim(
  db: Executor,
  options: { now: Date; leaseMs: number; handlers?: readonly string[] },
): Promise<JobRow | undefined> {
  const running = alias(engineJobs, 'running');
  // Only work this instance can do: during a rolling deploy an older instance must leave a new
  // handler's jobs to the instances that have it, instead of failing them as unknown.
  const known = options.handlers ? inArray(engineJobs.handler, [...options.handlers]) : undefined;
  const due = db
    .select({ id: engineJobs.id })
    .from(engineJobs)
    .where(
      and(
        known,
        or(
        and(
          inArray(engineJobs.state, ['pending', 'collecting']),
          lte(engineJobs.runAt, options.now),
          sql`not exists (${db
            .select({ one: sql`1` })
            .from(running)
            .where(
              and(eq(running.storeHash, engineJobs.storeHash), eq(running.flow, engineJobs.flow), eq(running.state, 'running')),
            )})`,
        ),
        and(eq(engineJobs.state, 'running'), lt(engineJobs.lockedUntil, options.now)),
        ),
      ),
    )
    .orderBy(asc(engineJobs.runAt), asc(engineJobs.id))
    .limit(1)
    .for('update', { skipLocked: true });
  try {
    const [job] = await db
      .update(engineJobs)
      .set({
        state: 'running',
        lockedBy: randomUUID(),
        lockedUntil: new Date(options.now.getTime() + options.leaseMs),
      })
      .where(eq(engineJobs.id, sql`(${due})`))
      .returning();
    return job;
  } catch (error) {
    if (sqlState(error) === '23505') return undefined;
    throw error;
  }
}

/** Keeps the leases of jobs this runner is still working on; returns the ids it still holds. */
export async function extendLeases(db: Executor, jobs: JobRow[], until: Date): Promise<Set<number>> {
  if (jobs.length === 0) return new Set();
  const held = await db
    .update(engineJobs)
    .set({ lockedUntil: until })
    .where(
      and(
        eq(engineJobs.state, 'running'),
        or(...jobs.map((job) => and(eq(engineJobs.id, job.id), eq(engineJobs.lockedBy, job.lockedBy ?? '')))),
      ),
    )
    .returning({ id: engineJobs.id });
  return new Set(held.map((row) => row.id));
}

const heldBy = (job: JobRow) => and(eq(engineJobs.id, job.id), eq(engineJobs.lockedBy, job.lockedBy ?? ''));

/**
 * Removes a finished job and its memoised steps; false when this runner no longer held it (its lease
 * ran out and another runner took it over, which will finish it instead).
 */
export async function removeJob(db: Executor, job: JobRow): Promise<boolean> {
  const removed = await db.delete(engineJobs).where(heldBy(job)).returning({ id: engineJobs.id });
  if (removed.length === 0) return false;
  await db.delete(engineSteps).where(eq(engineSteps.runId, job.runId));
  return true;
}

/**
 * Puts a claimed job back in the queue, to start again at `runAt`: after a failed attempt (`failed`
 * counts it), at the end of a durable sleep, or when the runner stops.
 */
export async function requeue(
  db: Executor,
  job: JobRow,
  options: { runAt: Date; failed?: { error: string } },
): Promise<void> {
  await db
    .update(engineJobs)
    .set({
      state: 'pending',
      runAt: options.runAt,
      lockedBy: null,
      lockedUntil: null,
      ...(options.failed ? { attempts: sql`${engineJobs.attempts} + 1`, lastError: options.failed.error } : {}),
    })
    .where(heldBy(job));
}

/**
 * When the next queued job becomes due, so an idle runner can sleep until then. One min() per state:
 * each is the first entry of the (state, run_at) index, where a min() over `state in (…)` would read
 * the whole queue on every wake-up once a backlog builds.
 */
export async function nextDue(db: Executor): Promise<Date | undefined> {
  const first = (state: 'pending' | 'collecting') =>
    db.select({ at: min(engineJobs.runAt) }).from(engineJobs).where(eq(engineJobs.state, state));
  const [[pending], [collecting]] = await Promise.all([first('pending'), first('collecting')]);
  const times = [pending?.at, collecting?.at].filter((at): at is Date => at instanceof Date);
  return times.length === 0 ? undefined : new Date(Math.min(...times.map((at) => at.getTime())));
}

export async function hasJobs(db: Executor): Promise<boolean> {
  const rows = await db.select({ id: engineJobs.id }).from(engineJobs).limit(1);
  return rows.length > 0;
}

export async function loadSteps(db: Executor, runId: string): Promise<Map<string, unknown>> {
  const rows = await db
    .select({ stepId: engineSteps.stepId, output: engineSteps.output })
    .from(engineSteps)
    .where(eq(engineSteps.runId, runId));
  return new Map(rows.map((row) => [row.stepId, row.output]));
}

/** Saves a step's result; if a runner that lost its lease saved one first, that one stands. */
export async function saveStep(db: Executor, job: JobRow, stepId: string, output: unknown): Promise<void> {
  await db
    .insert(engineSteps)
    .values({ runId: job.runId, storeHash: job.storeHash, stepId, output })
    .onConflictDoNothing();
}

/** Postgres' SQLSTATE of a failed query, through drizzle's wrapper and either driver. */
export function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

