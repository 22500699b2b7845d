import { and, desc, eq, gte, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { syncCheckpoints } from '../schema/checkpoints';
import { syncRuns } from '../schema/engine';
import { notificationProblems } from '../schema/notifications';
import { storeUsers } from '../schema/stores';

/**
 * Open problems per store (what the merchant is told about once), the daily summary's claim and the
 * figures it reports. Every function is scoped by store.
 */
export type ProblemRow = typeof notificationProblems.$inferSelect;

export interface ProblemInput {
  key: string;
  flow: string | null;
  kind: string;
  message: string;
  hint: string;
  runId?: string;
}

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];

/**
 * Records that a problem is (still) there and claims telling the merchant about it. Returns the row
 * when this caller is the one who must send the notification: the first sighting, or the first after
 * it was resolved. Concurrent runs seeing the same problem race for the claim and only one wins.
 */
export async function openProblem(db: Db, storeHash: string, input: ProblemInput): Promise<ProblemRow | undefined> {
  await db.execute(sql`
    insert into notification_problems (store_hash, key, flow, kind, message, hint, run_id)
    values (${storeHash}, ${input.key}, ${input.flow}, ${input.kind}, ${input.message}, ${input.hint}, ${input.runId ?? null})
    on conflict (store_hash, key) do update set
      message = excluded.message, hint = excluded.hint, run_id = excluded.run_id, last_seen_at = now(),
      occurrences = case when notification_problems.resolved_at is null then notification_problems.occurrences + 1 else 1 end,
      opened_at = case when notification_problems.resolved_at is null then notification_problems.opened_at else now() end,
      notified_at = case when notification_problems.resolved_at is null then notification_problems.notified_at else null end,
      resolved_at = null`);
  const [claimed] = await db
    .update(notificationProblems)
    .set({ notifiedAt: sql`now()` })
    .where(
      and(
        eq(notificationProblems.storeHash, storeHash),
        eq(notificationProblems.key, input.key),
        isNull(notificationProblems.notifiedAt),
        isNull(notificationProblems.resolvedAt),
      ),
    )
    .returning();
  return claimed;
}

/** Gives the claim back when no message could be delivered, so the next run tries again. */
export async function releaseProblemClaim(db: Db, storeHash: string, key: string): Promise<void> {
  await db
    .update(notificationProblems)
    .set({ notifiedAt: null })
    .where(and(eq(notificationProblems.storeHash, storeHash), eq(notificationProblems.key, key)));
}

/** Marks the given problems solved; returns those that were open (each only to one caller). */
export async function resolveProblems(db: Db, storeHash: string, keys: string[]): Promise<ProblemRow[]> {
  if (keys.length === 0) return [];
  return db
    .update(notificationProblems)
    .set({ resolvedAt: sql`now()` })
    .where(
      and(
        eq(notificationProblems.storeHash, storeHash),
        inArray(notificationProblems.key, keys),
        isNull(notificationProblems.resolvedAt),
      ),
    )
    .returning();
}

export async function listOpenProblems(db: Db, storeHash: string): Promise<ProblemRow[]> {
  return db
    .select()
    .from(notificationProblems)
    .where(and(eq(notificationProblems.storeHash, storeHash), isNull(notificationProblems.resolvedAt)))
    .orderBy(desc(notificationProblems.lastSeenAt));
}

export async function listResolvedSince(db: Db, storeHash: string, since: Date): Promise<ProblemRow[]> {
  return db
    .select()
    .from(notificationProblems)
    .where(
      and(
        eq(notificationProblems.storeHash, storeHash),
        isNotNull(notificationProblems.resolvedAt),
        gte(notificationProblems.resolvedAt, since),
      ),
    )
    .orderBy(desc(notificationProblems.resolvedAt));
}

const SUMMARY_CHECKPOINT = 'notifications.daily-summary';

/**
 * Claims the daily summary of `day` (its start) for the store: true for exactly one caller per day,
 * however many app instances or Inngest retries try. Stored as a sync checkpoint.
 */
export async function claimDailySummary(db: Db, storeHash: string, day: Date): Promise<boolean> {
  const result = await db.execute(sql`
    insert into sync_checkpoints (store_hash, name, value) values (${storeHash}, ${SUMMARY_CHECKPOINT}, ${day.toISOString()}::timestamptz)
    on conflict (store_hash, name) do update set value = excluded.value, updated_at = now()
      where ${syncCheckpoints.value} < excluded.value
    returning 1 as claimed`);
  return rowsOf(result).length > 0;
}

/** Gives a day's summary claim back when it could not be delivered. */
export async function releaseDailySummary(db: Db, storeHash: string, previous: Date): Promise<void> {
  await db
    .update(syncCheckpoints)
    .set({ value: previous })
    .where(and(eq(syncCheckpoints.storeHash, storeHash), eq(syncCheckpoints.name, SUMMARY_CHECKPOINT)));
}

export interface FlowDayFigures {
  flow: string;
  runs: number;
  failedRuns: number;
  created: number;
  updated: number;
  failed: number;
}

/** Runs and records per flow that ended since `since`. */
export async function flowFiguresSince(db: Db, storeHash: string, since: Date): Promise<FlowDayFigures[]> {
  const rows = await db
    .select({
      flow: syncRuns.flow,
      runs: sql<number>`count(*)::int`,
      failedRuns: sql<number>`count(*) filter (where ${syncRuns.state} = 'failed')::int`,
      created: sql<number>`coalesce(sum(${syncRuns.created}), 0)::int`,
      updated: sql<number>`coalesce(sum(${syncRuns.updated}), 0)::int`,
      failed: sql<number>`coalesce(sum(${syncRuns.failed}), 0)::int`,
    })
    .from(syncRuns)
    .where(and(eq(syncRuns.storeHash, storeHash), gte(syncRuns.endedAt, since)))
    .groupBy(syncRuns.flow)
    .orderBy(syncRuns.flow);
  return rows.map((row) => ({ ...row, runs: Number(row.runs), failedRuns: Number(row.failedRuns), created: Number(row.created), updated: Number(row.updated), failed: Number(row.failed) }));
}

/** The store owner's e-mail addresses: who is told when the merchant has not chosen recipients yet. */
export async function ownerEmails(db: Db, storeHash: string): Promise<string[]> {
  const rows = await db
    .select({ email: storeUsers.email })
    .from(storeUsers)
    .where(and(eq(storeUsers.storeHash, storeHash), eq(storeUsers.isOwner, true)));
  return rows.map((row) => row.email);
}
