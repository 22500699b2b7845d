import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailyCountsQuery, expiredRunsQuery, lastSuccessQuery, openFailuresQuery } from '@/lib/db/queries/activity';
import { recordsQuery, runsQuery } from '@/lib/db/queries/runs';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../helpers/databases';
import { seedActivityLog } from './seed';

/**
 * Every query the activity pages, the dashboard and the purge make, EXPLAINed on a log of 100,000
 * records (and as many for a neighbour store): none reads a whole table; each is served by an index.
 */
const STORE = 'explainstore';
const DAY = 24 * 60 * 60 * 1000;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describe.each(testDatabaseKinds())('activity log queries on 100,000 records (%s)', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedActivityLog(database, STORE, { runs: 20_000, records: 100_000 });
  }, 300_000);
  afterAll(async () => {
    await database?.dispose();
  });

  async function plan(query: SQLWrapper): Promise<PlanNode[]> {
    const result = await database.db.execute(sql`explain (format json) ${query}`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<Record<string, unknown>>;
    const raw = Object.values(rows[0] ?? {})[0];
    const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
    return nodes(parsed[0]!.Plan);
  }

  /** No sequential scan of a log table, and the named indexes are used. */
  async function expectIndexed(query: SQLWrapper | SQL, indexes: string[]) {
    const all = await plan(query);
    const shown = JSON.stringify(all.map((n) => [n['Node Type'], n['Relation Name'], n['Index Name']]));
    const scanned = all.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']);
    expect(scanned.filter((t) => t === 'sync_records' || t === 'sync_runs' || t === 'id_map'), shown).toEqual([]);
    const used = new Set(all.flatMap((n) => (n['Index Name'] ? [n['Index Name']] : [])));
    for (const index of indexes) expect([...used], shown).toContain(index);
  }

  it('seeded what it says', async () => {
    const result = await database.db.execute(sql`select count(*)::int as n from sync_records where store_hash = ${STORE}`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ n: number }>;
    expect(rows[0]?.n).toBe(100_000);
  });

  it('lists, filters and pages the runs through the runs indexes', async () => {
    const db = database.db;
    await expectIndexed(runsQuery(db, STORE, {}), ['sync_runs_store_queued_idx']);
    await expectIndexed(runsQuery(db, STORE, { flow: 'orders' }), ['sync_runs_store_flow_queued_idx']);
    await expectIndexed(runsQuery(db, STORE, { outcome: 'failed' }), ['sync_runs_store_problem_idx']);
    await expectIndexed(runsQuery(db, STORE, { flow: 'stock', outcome: 'success', from: new Date(Date.now() - 7 * DAY), to: new Date() }), ['sync_runs_store_flow_queued_idx']);
    await expectIndexed(runsQuery(db, STORE, { after: { queuedAt: new Date(Date.now() - 10 * DAY), id: '00000000-0000-0000-0000-000000000000' } }), ['sync_runs_store_queued_idx']);
  });

  it('lists and searches the records through the records indexes', async () => {
    const db = database.db;
    await expectIndexed(recordsQuery(db, STORE, {}), ['sync_records_store_id_idx']);
    await expectIndexed(recordsQuery(db, STORE, { flow: 'orders', outcome: 'failed' }), ['sync_records_store_flow_outcome_idx']);
    await expectIndexed(recordsQuery(db, STORE, { outcome: 'failed' }), ['sync_records_store_outcome_idx']);
    await expectIndexed(recordsQuery(db, STORE, { search: '150123' }), ['sync_records_store_search_idx', 'sync_records_store_source_idx']);
    await expectIndexed(recordsQuery(db, STORE, { search: 'ART-777' }), ['sync_records_store_search_idx']);
    await expectIndexed(recordsQuery(db, STORE, { search: 'klant4242@example.nl' }), ['sync_records_store_search_rest_idx']);
    await expectIndexed(recordsQuery(db, STORE, { beforeId: 50_000 }), ['sync_records_store_id_idx']);
  });

  it('serves a run page through the run index', async () => {
    const [run] = await runsQuery(database.db, STORE, { limit: 1 });
    await expectIndexed(recordsQuery(database.db, STORE, { runId: run!.id }), ['sync_records_run_entity_source_idx']);
    await expectIndexed(recordsQuery(database.db, STORE, { runId: run!.id, outcome: 'failed' }), []);
  });

  it('builds the dashboard and finds the expired runs through indexes', async () => {
    const db = database.db;
    await expectIndexed(dailyCountsQuery(db, STORE, new Date(Date.now() - 15.5 * DAY), 'Europe/Amsterdam'), ['sync_runs_store_queued_idx']);
    await expectIndexed(lastSuccessQuery(db, STORE, 'customers'), ['sync_runs_store_flow_queued_idx']);
    await expectIndexed(openFailuresQuery(STORE, 21), ['sync_records_store_outcome_idx', 'sync_records_store_source_idx']);
    await expectIndexed(expiredRunsQuery(db, STORE, new Date(Date.now() - 20 * DAY), 500), ['sync_runs_store_queued_idx']);
  });
});
