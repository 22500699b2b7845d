import { getDb } from '@/lib/db/client';
import { createIdMap } from '@/lib/db/queries/id-map';
import { readOrderSettings } from '@/lib/db/queries/order-settings';
import { findRecord, findRun, listRecords, listRuns, type SyncRecordRow, type SyncRunRow } from '@/lib/db/queries/runs';
import { sendEvent } from '@/lib/engine';
import { DEFAULT_STATUS_IDS } from '@/lib/flows/orders/settings';
import { bigCommerceFor } from '@/lib/store-clients';
import { orderCoverage, type CoverageReport } from './coverage';
import { loadDashboard, type DashboardData } from './dashboard';
import { cursorOf, parseCursor, startOfDay, type ActivityQuery } from './requests';
import { readRetention, saveRetention } from './retention';
import { retryRecord, retryRun, type RetryPlan } from './retry';

/**
 * The activity pages' composition: the app's database, engine and BigCommerce client joined with the
 * plain functions of this folder. Every function takes the store hash of a verified session.
 */
const PAGE_SIZE = 25;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Dates cross to the browser as strings. */
export type Plain<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
export type RunView = Plain<SyncRunRow>;
export type RecordView = Plain<SyncRecordRow>;

const plainRun = (run: SyncRunRow): RunView => ({
  ...run,
  queuedAt: run.queuedAt.toISOString(),
  startedAt: run.startedAt?.toISOString() ?? null,
  endedAt: run.endedAt?.toISOString() ?? null,
});
const plainRecord = (record: SyncRecordRow): RecordView => ({ ...record, createdAt: record.createdAt.toISOString() });

export interface ActivityPage {
  runs: RunView[];
  /** Cursor of the next page, when there is one. */
  next: string | null;
  /** Records matching the search, when there is one. */
  matches: RecordView[] | null;
}

export async function loadActivity(storeHash: string, query: ActivityQuery): Promise<ActivityPage> {
  const db = await getDb();
  const runs = await listRuns(db, storeHash, {
    flow: query.flow,
    outcome: query.outcome,
    from: query.from ? startOfDay(query.from) : undefined,
    to: query.to ? new Date(startOfDay(query.to).getTime() + DAY_MS) : undefined,
    after: parseCursor(query.after),
    limit: PAGE_SIZE + 1,
  });
  const shown = runs.slice(0, PAGE_SIZE);
  const last = shown.at(-1);
  const matches = query.q
    ? (await listRecords(db, storeHash, { search: query.q, flow: query.flow, outcome: query.outcome === 'failed' ? 'failed' : undefined, limit: 50 })).map(plainRecord)
    : null;
  return { runs: shown.map(plainRun), next: runs.length > PAGE_SIZE && last ? cursorOf(last) : null, matches };
}

export interface RunPage {
  run: RunView;
  records: RecordView[];
  /** Id to continue below, when there are more records. */
  nextBefore: number | null;
}

export async function loadRun(storeHash: string, runId: string, filter: { outcome?: SyncRecordRow['outcome']; before?: number }): Promise<RunPage | undefined> {
  const db = await getDb();
  const run = await findRun(db, storeHash, runId);
  if (!run) return undefined;
  const records = await listRecords(db, storeHash, { runId, outcome: filter.outcome, beforeId: filter.before, limit: 51 });
  const shown = records.slice(0, 50);
  return { run: plainRun(run), records: shown.map(plainRecord), nextBefore: records.length > 50 ? (shown.at(-1)?.id ?? null) : null };
}

export async function loadRecord(storeHash: string, recordId: number): Promise<{ record: RecordView; run: RunView } | undefined> {
  const db = await getDb();
  const record = await findRecord(db, storeHash, recordId);
  if (!record) return undefined;
  const run = await findRun(db, storeHash, record.runId);
  return run ? { record: plainRecord(record), run: plainRun(run) } : undefined;
}

const retryDeps = async () => ({ db: await getDb(), send: sendEvent });

export async function retryFailedRecord(storeHash: string, recordId: number): Promise<RetryPlan> {
  return retryRecord(await retryDeps(), storeHash, recordId);
}

export async function retryFailedRecordsOfRun(storeHash: string, runId: string): Promise<RetryPlan> {
  return retryRun(await retryDeps(), storeHash, runId);
}

export async function exportOrders(storeHash: string, orderIds: number[]): Promise<void> {
  await sendEvent({ name: 'orders/export.requested', data: { storeHash, orderIds, trigger: 'manual' } });
}

export async function importHistory(storeHash: string, since: string): Promise<void> {
  await sendEvent({ name: 'orders/history.requested', data: { storeHash, since: startOfDay(since).toISOString(), trigger: 'manual' } });
}

export async function loadDashboardFor(storeHash: string): Promise<DashboardData> {
  return loadDashboard(await getDb(), storeHash, new Date());
}

export class StoreGoneError extends Error {
  override name = 'StoreGoneError';
  constructor() {
    super('The store no longer has the app installed.');
  }
}

export async function loadCoverage(storeHash: string, from: string, to: string): Promise<CoverageReport> {
  const db = await getDb();
  const client = await bigCommerceFor(storeHash);
  if (!client) throw new StoreGoneError();
  const settings = await readOrderSettings(db, storeHash);
  const idMap = createIdMap(db, storeHash);
  return orderCoverage(
    { listOrders: (query) => client.listOrders(query), exported: (ids) => idMap.getMany('order', ids) },
    { from: startOfDay(from), to: new Date(startOfDay(to).getTime() + DAY_MS - 1) },
    settings.ok ? settings.settings.statusIds : DEFAULT_STATUS_IDS,
  );
}

export async function loadRetention(storeHash: string) {
  return readRetention(await getDb(), storeHash);
}

export async function storeRetention(storeHash: string, input: unknown) {
  return saveRetention(await getDb(), storeHash, input);
}
