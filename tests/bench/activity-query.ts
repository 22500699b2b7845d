import { openFailures } from '@/lib/db/queries/activity';
import { listRecords, listRuns, type RecordFilter, type RunFilter } from '@/lib/db/queries/runs';
import { openTestDatabase, testDatabaseKinds } from '../helpers/databases';
import { seedActivityLog } from '../lib/activity/seed';
import { percentile, type Benchmark } from './report';

const RECORDS = Number(process.env.BENCH_ACTIVITY_RECORDS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ACTIVITY_ROUNDS ?? 40);
const STORE = 'benchactivity';
const DAY = 24 * 60 * 60 * 1000;

/**
 * The activity log's list and search queries on a log of 100,000 records (and as many for a
 * neighbour store), as the pages make them: a page of runs unfiltered, by flow, by outcome, by date
 * and the next page; records by run, failed records, and a search by order number, SKU and e-mail.
 * p95 over every query of every round, on Postgres when DATABASE_URL is set, else PGlite.
 */
export const activityQuery: Benchmark = {
  name: 'activity.query',
  async run(sampleRss) {
    const database = await openTestDatabase(testDatabaseKinds().includes('postgres') ? 'postgres' : 'pglite');
    try {
      await seedActivityLog(database, STORE, { runs: Math.max(1, Math.round(RECORDS / 5)), records: RECORDS });
      sampleRss();
      const db = database.db;
      const [newest] = await listRuns(db, STORE, { limit: 1 });
      const cursor = (await listRuns(db, STORE, { limit: 25 })).at(-1);
      const runs: RunFilter[] = [
        { limit: 26 },
        { flow: 'orders', limit: 26 },
        { outcome: 'failed', limit: 26 },
        { from: new Date(Date.now() - 7 * DAY), to: new Date(Date.now() - 6 * DAY), limit: 26 },
        ...(cursor ? [{ after: { queuedAt: cursor.queuedAt, id: cursor.id }, limit: 26 }] : []),
      ];
      const records: RecordFilter[] = [
        { runId: newest?.id, limit: 51 },
        { outcome: 'failed', limit: 50 },
        { flow: 'products', outcome: 'failed', limit: 50 },
        { search: '150123', limit: 50 },
        { search: 'ART-7', limit: 50 },
        { search: 'klant4242@example.nl', limit: 50 },
        { beforeId: Math.round(RECORDS / 2), limit: 50 },
      ];
      // One warm-up round: the first query of a kind pays for planning and cold pages.
      for (const filter of runs) await listRuns(db, STORE, filter);
      for (const filter of records) await listRecords(db, STORE, filter);

      const times: number[] = [];
      const timed = async (query: () => Promise<unknown>) => {
        const started = performance.now();
        await query();
        times.push(performance.now() - started);
      };
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const filter of runs) await timed(() => listRuns(db, STORE, filter));
        for (const filter of records) await timed(() => listRecords(db, STORE, filter));
        await timed(() => openFailures(db, STORE, 21));
        sampleRss();
      }
      times.sort((a, b) => a - b);
      return {
        rows: RECORDS,
        queries: times.length,
        p50_ms: Math.round(percentile(times, 0.5) * 100) / 100,
        p95_ms: Math.round(percentile(times, 0.95) * 100) / 100,
      };
    } finally {
      await database.dispose();
    }
  },
};
