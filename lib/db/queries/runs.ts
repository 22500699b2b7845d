import { and, eq, gte, inArray, lt, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { RECORD_OUTCOMES, syncRecords, syncRuns } from '../schema/engine';
import type { RecordEntry } from '@/lib/engine/types';

/**
 * The run log: one sync_runs row per run, one sync_records row per record it touched. Both engines
 * write through these; the activity pages read through them. Every function is scoped by store.
 */
export type SyncRunRow = typeof syncRuns.$inferSelect;
export type SyncRecordRow = typeof syncRecords.$inferSelect;
type Flow = SyncRunRow['flow'];
type Outcome = SyncRecordRow['outcome'];
/** A database or a transaction on it. */
export type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

/** One activity-log row as flows report it (see RecordEntry for what each field means). */
export type RecordInput = RecordEntry;

/** A run Inngest started: created on its first attempt, marked running again on each later one. */
export async function openRun(
  db: Executor,
  storeHash: string,
  run: { id: string; flow: Flow; handler: string; trigger: SyncRunRow['trigger']; inngestRunId: string; attempt: number },
): Promise<void> {
  await db
    .insert(syncRuns)
    .values({ ...run, storeHash, state: 'running', startedAt: sql`now()`, attempts: run.attempt })
    .onConflictDoUpdate({
      target: syncRuns.id,
      set: { state: 'running', attempts: sql`greatest(${syncRuns.attempts}, ${run.attempt})` },
      setWhere: and(eq(syncRuns.storeHash, storeHash), sql`${syncRuns.endedAt} is null`),
    });
}

/** A queued run begins (or begins another attempt). */
export async function startRun(db: Executor, storeHash: string, runId: string, attempt: number): Promise<void> {
  await db
    .update(syncRuns)
    .set({ state: 'running', startedAt: sql`coalesce(${syncRuns.startedAt}, now())`, attempts: attempt })
    .where(and(eq(syncRuns.id, runId), eq(syncRuns.storeHash, storeHash)));
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
const countOf = (outcome: Outcome) => sql.raw(outcome);

/**
 * Writes one record and moves the run's counts in the same statement. Recording the same entity and
 * source id again in this run (a retried attempt, an Inngest replay) replaces the row and moves the
 * count from the old outcome to the new one, so nothing is counted twice.
 */
export async function recordToRun(
  db: Executor,
  storeHash: string,
  runId: string,
  flow: Flow,
  entry: RecordInput,
): Promise<void> {
  const moves = RECORD_OUTCOMES.map(
    (outcome) =>
      sql`${countOf(outcome)} = ${countOf(outcome)}
        + (select count(*) from saved where outcome = ${outcome})::int
        - (select count(*) from previous where outcome = ${outcome})::int`,
  );
  await db.execute(sql`
    with previous as (
      select outcome from sync_records
      where run_id = ${runId} and entity = ${entry.entity} and source_id = ${entry.sourceId}
    ), saved as (
      insert into sync_records
        (run_id, store_hash, flow, entity, source_id, outcome, message, hint, source, sent, answer, target_ref, search_text)
      values (${runId}, ${storeHash}, ${flow}, ${entry.entity}, ${entry.sourceId}, ${entry.outcome},
        ${entry.message ?? null}, ${entry.hint ?? null}, ${json(entry.source)}::jsonb, ${json(entry.sent)}::jsonb,
        ${json(entry.answer)}::jsonb, ${entry.targetRef ?? null}, ${entry.searchText ?? null})
      on conflict (run_id, entity, source_id) do update set
        outcome = excluded.outcome, message = excluded.message, hint = excluded.hint, source = excluded.source,
        sent = excluded.sent, answer = excluded.answer, target_ref = excluded.target_ref,
        search_text = excluded.search_text, created_at = now()
      returning outcome
    )
    update sync_runs set ${sql.join(moves, sql`, `)}
    where id = ${runId} and store_hash = ${storeHash}`);
}

/** The run finished: `partial` when some records failed, otherwise `success`. */
export async function finishRun(
  db: Executor,
  storeHash: string,
  runId: string,
  summary: { message?: string; counts?: Partial<Record<Outcome, number>> } = {},
): Promise<SyncRunRow | undefined> {
  const extra = (outcome: Outcome) => Math.max(0, Math.trunc(summary.counts?.[outcome] ?? 0));
  const [row] = await db
    .update(syncRuns)
    .set({
      created: sql`${syncRuns.created} + ${extra('created')}`,
      updated: sql`${syncRuns.updated} + ${extra('updated')}`,
      skipped: sql`${syncRuns.skipped} + ${extra('skipped')}`,
      failed: sql`${syncRuns.failed} + ${extra('failed')}`,
      state: sql`case when ${syncRuns.failed} + ${extra('failed')} > 0 then 'partial' else 'success' end`,
      summary: summary.message ?? null,
      error: null,
      endedAt: sql`now()`,
    })
    .where(and(eq(syncRuns.id, runId), eq(syncRuns.storeHash, storeHash)))
    .returning();
  return row;
}

/** The run gave up: it threw and will not be retried. `error` is in plain words. */
export async function failRun(db: Executor, storeHash: string, runId: string, error: string): Promise<void> {
  await db
    .update(syncRuns)
    .set({ state: 'failed', error, endedAt: sql`now()` })
    .where(and(eq(syncRuns.id, runId), eq(syncRuns.storeHash, storeHash)));
}

export async function findRun(db: Executor, storeHash: string, runId: string): Promise<SyncRunRow | undefined> {
  const [row] = await db
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.id, runId), eq(syncRuns.storeHash, storeHash)))
    .limit(1);
  return row;
}

/**
 * `desc nulls last`, the order drizzle-kit builds `.desc()` indexes in. Plain `desc` means nulls first
 * in Postgres, which such an index cannot serve: the planner would sort the whole store's rows instead.
 */
export const newestFirst = (column: AnyColumn) => sql`${column} desc nulls last`;

/** How a run ended, as the activity log filters it: `failed` includes runs in which some records failed. */
export const RUN_OUTCOME_FILTERS = ['success', 'failed', 'running'] as const;
export type RunOutcomeFilter = (typeof RUN_OUTCOME_FILTERS)[number];

export interface RunFilter {
  flow?: Flow;
  outcome?: RunOutcomeFilter;
  /** Runs queued at or after this moment. */
  from?: Date;
  /** Runs queued before this moment. */
  to?: Date;
  /** Keyset paging: only runs after this one in the list (older, or as old with a smaller id). */
  after?: { queuedAt: Date; id: string };
  limit?: number;
}

/**
 * A store's runs, newest first, as a query (the EXPLAIN test and the benchmark inspect it). Served by
 * sync_runs_store_queued_idx, or sync_runs_store_flow_queued_idx with a flow; the outcome is a filter
 * on the few runs of a page, never a scan.
 */
export function runsQuery(db: Executor, storeHash: string, filter: RunFilter = {}) {
  const conditions: SQL[] = [eq(syncRuns.storeHash, storeHash)];
  if (filter.flow) conditions.push(eq(syncRuns.flow, filter.flow));
  if (filter.from) conditions.push(gte(syncRuns.queuedAt, filter.from));
  if (filter.to) conditions.push(lt(syncRuns.queuedAt, filter.to));
  if (filter.outcome === 'success') conditions.push(eq(syncRuns.state, 'success'));
  if (filter.outcome === 'running') conditions.push(inArray(syncRuns.state, ['queued', 'running']));
  // A finished run with failed records is `partial` (finishRun): the state alone says it, and matches
  // the predicate of sync_runs_store_problem_idx so a store's few failed runs are found without a scan.
  if (filter.outcome === 'failed') conditions.push(inArray(syncRuns.state, ['partial', 'failed']));
  if (filter.after) {
    const { queuedAt, id } = filter.after;
    const older = or(lt(syncRuns.queuedAt, queuedAt), and(eq(syncRuns.queuedAt, queuedAt), lt(syncRuns.id, id)));
    if (older) conditions.push(older);
  }
  return db
    .select()
    .from(syncRuns)
    .where(and(...conditions))
    .orderBy(newestFirst(syncRuns.queuedAt), newestFirst(syncRuns.id))
    .limit(Math.min(filter.limit ?? 50, 500));
}

/** A store's runs, newest first. */
export async function listRuns(db: Executor, storeHash: string, options: RunFilter = {}): Promise<SyncRunRow[]> {
  return runsQuery(db, storeHash, options);
}

export interface RecordFilter {
  runId?: string;
  flow?: Flow;
  outcome?: Outcome;
  /** An order number, SKU or e-mail: matches the start of search_text or of its second word (any case), or the exact source id. */
  search?: string;
  /** Keyset paging: only records older than this id. */
  beforeId?: number;
  limit?: number;
}

/** A store's records, newest first, narrowed by run, flow, outcome and search, as a query. */
export function recordsQuery(db: Executor, storeHash: string, filter: RecordFilter = {}) {
  const conditions: SQL[] = [eq(syncRecords.storeHash, storeHash)];
  if (filter.runId) conditions.push(eq(syncRecords.runId, filter.runId));
  if (filter.flow) conditions.push(eq(syncRecords.flow, filter.flow));
  if (filter.outcome) conditions.push(eq(syncRecords.outcome, filter.outcome));
  if (filter.beforeId !== undefined) conditions.push(lt(syncRecords.id, filter.beforeId));
  const search = filter.search?.trim();
  if (search) {
    const prefix = `${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(
      sql`lower(${syncRecords.searchText}) like ${prefix}`,
      // Only an e-mail address is written as a second word (after the order number); an order number
      // or SKU is always first, so only an e-mail pays for the second index. Same expression as
      // sync_records_store_search_rest_idx, so the planner can use it.
      search.includes('@') ? sql`lower(substr(${syncRecords.searchText}, strpos(${syncRecords.searchText}, ' ') + 1)) like ${prefix}` : undefined,
      eq(syncRecords.sourceId, search),
    );
    if (match) conditions.push(match);
  }
  return db
    .select()
    .from(syncRecords)
    .where(and(...conditions))
    .orderBy(newestFirst(syncRecords.id))
    .limit(Math.min(filter.limit ?? 50, 500));
}

/** A store's records, newest first, narrowed by run, flow, outcome and search. */
export async function listRecords(db: Executor, storeHash: string, filter: RecordFilter = {}): Promise<SyncRecordRow[]> {
  return recordsQuery(db, storeHash, filter);
}

/** One record of the store, or undefined (also for another store's record). */
export async function findRecord(db: Executor, storeHash: string, id: number): Promise<SyncRecordRow | undefined> {
  const [row] = await db
    .select()
    .from(syncRecords)
    .where(and(eq(syncRecords.id, id), eq(syncRecords.storeHash, storeHash)))
    .limit(1);
  return row;
}
