import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPurge, startPurgeTimer } from '@/lib/activity/purge-schedule';
import { DEFAULT_RETENTION_DAYS, purgeStore, readRetention, saveRetention } from '@/lib/activity/retention';
import { listRecords, listRuns, recordToRun } from '@/lib/db/queries/runs';
import { syncRuns } from '@/lib/db/schema';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../helpers/databases';
import { addStores, memoryLogger, until } from '../engine/helpers';

const A = 'retentiona';
const B = 'retentionb';
const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-11-29T12:00:00Z');

describe.each(testDatabaseKinds())('activity log retention (%s)', (kind) => {
  let database: TestDatabase;

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    await addStores(database, A, B);
  });
  afterEach(async () => {
    await database?.dispose();
  });

  /** A finished run `daysAgo` days before NOW with one record holding personal data. */
  async function run(storeHash: string, daysAgo: number, state: 'success' | 'running' = 'success'): Promise<string> {
    const at = new Date(NOW.getTime() - daysAgo * DAY);
    const [row] = await database.db
      .insert(syncRuns)
      .values({ storeHash, flow: 'orders', handler: 'orders-export', trigger: 'webhook', state, queuedAt: at, startedAt: at, endedAt: state === 'running' ? null : at })
      .returning({ id: syncRuns.id });
    await recordToRun(database.db, storeHash, row!.id, 'orders', { entity: 'order', sourceId: String(1000 + daysAgo), outcome: 'created', source: { email: 'jan@example.nl' }, searchText: 'jan@example.nl' });
    return row!.id;
  }

  it('keeps 30 days by default and validates the setting at the field', async () => {
    expect(await readRetention(database.db, A)).toEqual({ retentionDays: DEFAULT_RETENTION_DAYS });
    const refused = await saveRetention(database.db, A, { retentionDays: 0 });
    expect(refused).toEqual({ ok: false, problems: [{ path: 'retentionDays', message: 'Keep the log for at least 1 day.' }] });
    expect((await saveRetention(database.db, A, { retentionDays: 2.5 })).ok).toBe(false);
    expect((await saveRetention(database.db, A, { retentionDays: 7 })).ok).toBe(true);
    expect(await readRetention(database.db, A)).toEqual({ retentionDays: 7 });
    expect(await readRetention(database.db, B)).toEqual({ retentionDays: 30 });
  });

  it('deletes runs and records older than each store\'s period, and keeps what is newer or still running', async () => {
    await saveRetention(database.db, A, { retentionDays: 7 });
    const keptA = await run(A, 6);
    await run(A, 8);
    await run(A, 40);
    const running = await run(A, 9, 'running');
    const keptB = [await run(B, 8), await run(B, 29)];
    await run(B, 31);

    expect(await purgeStore(database.db, A, NOW)).toEqual({ runs: 2, records: 2 });
    expect((await listRuns(database.db, A)).map((r) => r.id).sort()).toEqual([keptA, running].sort());
    expect(await listRecords(database.db, A, { search: 'jan@' })).toHaveLength(2);

    const logger = memoryLogger();
    const result = await runPurge({ database: async () => database, logger, now: () => NOW });
    expect(result).toEqual({ stores: 2, runs: 1, records: 1 });
    expect((await listRuns(database.db, B)).map((r) => r.id).sort()).toEqual(keptB.sort());
    expect(logger.lines.map((l) => l.message)).toEqual(['activity log purged']);
    // Nothing is left that referenced a purged run.
    const orphans = await database.db.execute(sql`select count(*)::int as n from sync_records r where not exists (select 1 from sync_runs s where s.id = r.run_id)`);
    const rows = (Array.isArray(orphans) ? orphans : (orphans as { rows: unknown[] }).rows) as Array<{ n: number }>;
    expect(rows[0]?.n).toBe(0);
  });

  it('purges in batches until nothing expired is left', async () => {
    for (let i = 0; i < 12; i += 1) await run(A, 31 + i);
    const { purgeExpiredBatch } = await import('@/lib/db/queries/activity');
    expect(await purgeExpiredBatch(database.db, A, new Date(NOW.getTime() - 30 * DAY), 5)).toEqual({ runs: 5, records: 5 });
    expect(await purgeStore(database.db, A, NOW)).toEqual({ runs: 7, records: 7 });
    expect(await listRuns(database.db, A)).toHaveLength(0);
  });

  it('runs on its timer in the app process', async () => {
    await run(A, 45);
    const logger = memoryLogger();
    const stop = startPurgeTimer({ database: async () => database, logger, now: () => NOW }, 20);
    try {
      // The line is written once the purge has finished, so the run must be gone by then.
      await until(() => logger.lines.some((l) => l.message === 'activity log purged'), 10_000);
    } finally {
      stop();
    }
    expect(await listRuns(database.db, A)).toHaveLength(0);
  });
});
