import type { Db } from '@/lib/db/client';
import { dailyCounts, lastSuccessQuery, openFailures, type OpenFailure } from '@/lib/db/queries/activity';
import { FLOW_NAMES } from '@/lib/db/schema/engine';
import type { FlowName, RecordOutcome } from '@/lib/engine';

/** The merchants are Dutch and Belgian: a day is a day in Amsterdam/Brussels time. */
export const MERCHANT_TIME_ZONE = 'Europe/Amsterdam';
export const DASHBOARD_DAYS = 14;
const OPEN_FAILURES_SHOWN = 20;

export type Counts = Record<RecordOutcome, number>;

export interface DashboardData {
  /** The last DASHBOARD_DAYS days, oldest first, as YYYY-MM-DD. */
  days: string[];
  /** Per flow, the counts of each day (same order as `days`). */
  perFlow: Record<FlowName, Counts[]>;
  lastSuccess: Record<FlowName, { at: string; summary: string | null; runId: string } | null>;
  openFailures: Array<Omit<OpenFailure, 'createdAt'> & { createdAt: string }>;
  /** More open failures exist than are listed. */
  moreFailures: boolean;
}

const zero = (): Counts => ({ created: 0, updated: 0, skipped: 0, failed: 0 });

/** YYYY-MM-DD of `date` in the merchant's time zone. */
export function dayOf(date: Date, timeZone = MERCHANT_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** The last `count` days up to and including today, oldest first. */
export function lastDays(now: Date, count: number, timeZone = MERCHANT_TIME_ZONE): string[] {
  const days = new Set<string>();
  // Step back in 12-hour steps so a daylight-saving change never skips or repeats a day.
  for (let t = now.getTime(); days.size < count; t -= 12 * 3_600_000) days.add(dayOf(new Date(t), timeZone));
  return [...days].reverse();
}

export async function loadDashboard(db: Db, storeHash: string, now: Date): Promise<DashboardData> {
  const days = lastDays(now, DASHBOARD_DAYS);
  // A day and a half more than the window: the first day starts at local midnight, before now − 14 × 24 h.
  const since = new Date(now.getTime() - (DASHBOARD_DAYS + 1.5) * 24 * 3_600_000);
  const perFlow = Object.fromEntries(FLOW_NAMES.map((f) => [f, days.map(zero)])) as Record<FlowName, Counts[]>;
  for (const row of await dailyCounts(db, storeHash, since, MERCHANT_TIME_ZONE)) {
    const index = days.indexOf(row.day);
    const counts = perFlow[row.flow][index];
    if (!counts) continue;
    counts.created += row.created;
    counts.updated += row.updated;
    counts.skipped += row.skipped;
    counts.failed += row.failed;
  }
  const lastSuccess = {} as DashboardData['lastSuccess'];
  for (const flow of FLOW_NAMES) {
    const [run] = await lastSuccessQuery(db, storeHash, flow);
    lastSuccess[flow] = run ? { at: (run.endedAt ?? run.queuedAt).toISOString(), summary: run.summary, runId: run.id } : null;
  }
  const failures = await openFailures(db, storeHash, OPEN_FAILURES_SHOWN + 1);
  return {
    days,
    perFlow,
    lastSuccess,
    openFailures: failures.slice(0, OPEN_FAILURES_SHOWN).map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })),
    moreFailures: failures.length > OPEN_FAILURES_SHOWN,
  };
}
