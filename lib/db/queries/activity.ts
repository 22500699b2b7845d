import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { FLOW_NAMES, syncRecords, syncRuns } from '../schema/engine';
import { syncCheckpoints } from '../schema/checkpoints';
import { idMap } from '../schema/orders';
import { stores } from '../schema/stores';
import { newestFirst, type Executor } from './runs';

/**
 * What the dashboard, the retries and the retention purge read and write beyond the run log itself.
 * Every query is scoped by store and served by an index (tests/lib/activity/explain.test.ts).
 */
type Flow = (typeof FLOW_NAMES)[number];

/** Both drivers' `execute` answers: postgres-js gives an array, PGlite `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

export interface DayCounts {
  /** YYYY-MM-DD in the merchant's time zone. */
  day: string;
  flow: Flow;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
}

/**
 * Records per day, flow and outcome, summed from the runs' counts (which also hold the records a flow
 * counted without a row, such as unchanged stock levels): a few hundred runs, not 100,000 records.
 */
export function dailyCountsQuery(db: Executor, storeHash: string, since: Date, timeZone: string) {
  const day = sql<string>`to_char(${syncRuns.queuedAt} at time zone ${timeZone}, 'YYYY-MM-DD')`;
  return db
    .select({
      day,
      flow: syncRuns.flow,
      created: sql<number>`sum(${syncRuns.created})::int`,
      updated: sql<number>`sum(${syncRuns.updated})::int`,
      skipped: sql<number>`sum(${syncRuns.skipped})::int`,
      failed: sql<number>`sum(${syncRuns.failed})::int`,
    })
    .from(syncRuns)
    .where(and(eq(syncRuns.storeHash, storeHash), gte(syncRuns.queuedAt, since)))
    // By position: the time zone is a parameter, and Postgres does not see two parameters as one expression.
    .groupBy(sql`1`, sql`2`)
    .orderBy(sql`1`);
}

export async function dailyCounts(db: Executor, storeHash: string, since: Date, timeZone: string): Promise<DayCounts[]> {
  const rows = await dailyCountsQuery(db, storeHash, since, timeZone);
  return rows.map((r) => ({ ...r, created: Number(r.created), updated: Number(r.updated), skipped: Number(r.skipped), failed: Number(r.failed) }));
}

/** The newest run of `flow` that ended without a failure (one index probe per flow). */
export function lastSuccessQuery(db: Executor, storeHash: string, flow: Flow) {
  return db
    .select({ id: syncRuns.id, flow: syncRuns.flow, endedAt: syncRuns.endedAt, queuedAt: syncRuns.queuedAt, summary: syncRuns.summary })
    .from(syncRuns)
    .where(and(eq(syncRuns.storeHash, storeHash), eq(syncRuns.flow, flow), eq(syncRuns.state, 'success')))
    .orderBy(newestFirst(syncRuns.queuedAt), newestFirst(syncRuns.id))
    .limit(1);
}

/**
 * The id-map entity a logged record stands for, so a failure that a later run fixed without logging a
 * row (stock only logs refusals) counts as fixed once its id-map row is done after the failure.
 */
const ID_MAP_ENTITY = sql.raw(`case
  when r.flow = 'customers' and r.entity = 'debtor' then 'customer'
  when r.entity = 'article' then 'product'
  when r.entity = 'article-image' then 'product-image'
  when r.entity = 'article-group' then 'category'
  else r.entity end`);

export interface OpenFailure {
  id: number;
  runId: string;
  flow: Flow;
  entity: string;
  sourceId: string;
  message: string | null;
  hint: string | null;
  createdAt: Date;
}

/**
 * Failed records nothing has fixed since: no later row for the same record and no id-map entry done
 * after it. Newest first; walks sync_records_store_outcome_idx and probes sync_records_store_source_idx.
 */
export function openFailuresQuery(storeHash: string, limit: number) {
  return sql`
    select r.id, r.run_id as "runId", r.flow, r.entity, r.source_id as "sourceId", r.message, r.hint, r.created_at as "createdAt"
    from sync_records r
    where r.store_hash = ${storeHash} and r.outcome = 'failed'
      and not exists (
        select 1 from sync_records later
        where later.store_hash = ${storeHash} and later.source_id = r.source_id and later.entity = r.entity and later.id > r.id)
      and not exists (
        select 1 from id_map m
        where m.store_hash = ${storeHash} and m.entity = ${ID_MAP_ENTITY} and m.source_id = r.source_id
          and m.state = 'done' and m.updated_at > r.created_at)
    order by r.id desc nulls last
    limit ${limit}`;
}

export async function openFailures(db: Executor, storeHash: string, limit = 20): Promise<OpenFailure[]> {
  const rows = rowsOf<OpenFailure & { id: number | string; createdAt: Date | string }>(await db.execute(openFailuresQuery(storeHash, limit)));
  return rows.map((r) => ({ ...r, id: Number(r.id), createdAt: new Date(r.createdAt) }));
}

/** The failed records of one run, for "retry all failed records of this run". */
export async function failedRecordsOfRun(db: Executor, storeHash: string, runId: string) {
  return db
    .select({ id: syncRecords.id, flow: syncRecords.flow, entity: syncRecords.entity, sourceId: syncRecords.sourceId })
    .from(syncRecords)
    .where(and(eq(syncRecords.storeHash, storeHash), eq(syncRecords.runId, runId), eq(syncRecords.outcome, 'failed')))
    .orderBy(asc(syncRecords.id))
    .limit(10_000);
}

/**
 * Makes the next run of a flow send these records again: a done entry forgets the hash of what was
 * last sent (so the record no longer looks unchanged), a failed entry is removed (so the "refused
 * before and not changed since" rule of the customers flow no longer holds it back). The target id
 * stays, so an existing BigCommerce record is updated, never duplicated.
 */
export async function forgetSent(db: Executor, storeHash: string, entity: string, sourceIds: readonly string[]): Promise<void> {
  if (sourceIds.length === 0) return;
  const scoped = and(eq(idMap.storeHash, storeHash), eq(idMap.entity, entity), inArray(idMap.sourceId, [...sourceIds]));
  await db.update(idMap).set({ contentHash: null, updatedAt: sql`now()` }).where(and(scoped, eq(idMap.state, 'done')));
  await db.delete(idMap).where(and(scoped, eq(idMap.state, 'failed')));
}

/** Removes an incremental reader's checkpoint, so its next run reads everything again (unchanged records cost no write). */
export async function dropCheckpoint(db: Executor, storeHash: string, name: string): Promise<void> {
  await db.delete(syncCheckpoints).where(and(eq(syncCheckpoints.storeHash, storeHash), eq(syncCheckpoints.name, name)));
}

/** Every installed store, for the purge (a paused or disconnected store's log ages too). */
export async function listInstalledStores(db: Executor): Promise<string[]> {
  const rows = await db.select({ storeHash: stores.storeHash }).from(stores).orderBy(asc(stores.storeHash));
  return rows.map((r) => r.storeHash);
}

/** The runs a purge batch removes: finished before `cutoff`, oldest first (sync_runs_store_queued_idx). */
export function expiredRunsQuery(db: Executor, storeHash: string, cutoff: Date, limit: number) {
  return db
    .select({ id: syncRuns.id })
    .from(syncRuns)
    .where(
      and(
        eq(syncRuns.storeHash, storeHash),
        lt(syncRuns.queuedAt, cutoff),
        // A run that is still queued or running belongs to the engine, however old it is.
        inArray(syncRuns.state, ['success', 'partial', 'failed']),
        sql`coalesce(${syncRuns.endedAt}, ${syncRuns.queuedAt}) < ${cutoff.toISOString()}::timestamptz`,
      ),
    )
    // Backwards along the `desc nulls last` index: ascending with nulls first.
    .orderBy(sql`${syncRuns.queuedAt} asc nulls first`)
    .limit(limit);
}

/**
 * Deletes up to `limit` expired runs with their records; returns how many of each. Batched so a
 * first purge of a large log does not hold one long transaction; the caller repeats until 0.
 */
export async function purgeExpiredBatch(db: Executor, storeHash: string, cutoff: Date, limit = 500): Promise<{ runs: number; records: number }> {
  const ids = (await expiredRunsQuery(db, storeHash, cutoff, limit)).map((r) => r.id);
  if (ids.length === 0) return { runs: 0, records: 0 };
  const records = await db
    .delete(syncRecords)
    .where(and(eq(syncRecords.storeHash, storeHash), inArray(syncRecords.runId, ids)))
    .returning({ id: syncRecords.id });
  const runs = await db
    .delete(syncRuns)
    .where(and(eq(syncRuns.storeHash, storeHash), inArray(syncRuns.id, ids)))
    .returning({ id: syncRuns.id });
  return { runs: runs.length, records: records.length };
}
