import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, type Db } from '@/lib/db/client';
import { createIdMap } from '@/lib/db/queries/id-map';
import { startRun } from '@/lib/db/queries/runs';
import * as schema from '@/lib/db/schema';
import { claim, enqueue, hasJobs, loadSteps, nextDue } from '@/lib/engine/runner/jobs';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../helpers/databases';

/**
 * The engine's and the id-map's queries, as the app sends them, on tables of 100,000 rows: each is
 * captured from drizzle, then EXPLAINed; none may read a big table from end to end. (The activity
 * log's queries are checked with the activity pages.)
 */
const ROWS = 100_000;
const BIG_TABLES = ['engine_jobs', 'engine_steps', 'id_map', 'sync_runs'];
const STORE = 'st7';

interface Captured {
  sql: string;
  params: unknown[];
}

interface Harness {
  db: Db;
  captured: Captured[];
  explain(query: Captured): Promise<unknown>;
  close(): Promise<void>;
}

/** A drizzle instance on the test database that records every statement it sends. */
async function harness(kind: 'pglite' | 'postgres', base: TestDatabase): Promise<Harness> {
  const captured: Captured[] = [];
  const logger = { logQuery: (query: string, params: unknown[]) => void captured.push({ sql: query, params }) };
  if (kind === 'pglite') {
    // PGlite opens once per process: a database of our own, so the logger sees the app's statements.
    const client = new PGlite();
    const db = drizzlePglite({ client, schema, logger });
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db: db as unknown as Db,
      captured,
      explain: async (q) => (await client.query<{ 'QUERY PLAN': unknown }>(`explain (format json) ${q.sql}`, q.params as unknown[])).rows[0]?.['QUERY PLAN'],
      close: () => client.close(),
    };
  }
  const client = postgres(base.url as string, { max: 2, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema, logger });
  return {
    db: db as unknown as Db,
    captured,
    explain: async (q) => {
      const rows = await client.unsafe(`explain (format json) ${q.sql}`, q.params as never[]);
      return (rows[0] as Record<string, unknown>)['QUERY PLAN'];
    },
    close: () => client.end(),
  };
}

/**
 * Every "Seq Scan" on one of the big tables anywhere in a plan, except one without a filter under a
 * Limit (`select … limit 1` stops at the first row it meets, which no index beats).
 */
function seqScans(plan: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown, parent?: Record<string, unknown>) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, parent));
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    const harmless = parent?.['Node Type'] === 'Limit' && n.Filter === undefined;
    if (n['Node Type'] === 'Seq Scan' && BIG_TABLES.includes(String(n['Relation Name'])) && !harmless) found.push(String(n['Relation Name']));
    const self = 'Node Type' in n ? n : parent;
    Object.values(n).forEach((child) => walk(child, self));
  };
  walk(plan);
  return found;
}

async function fill(db: Db): Promise<void> {
  await db.execute(sql`insert into stores (store_hash, access_token_encrypted, scope, owner_user_id)
    select 'st' || g, 'sealed', 'x', 1 from generate_series(0, 49) g`);
  // Runs and their jobs: a large backlog, mostly waiting for later, spread over 50 stores and 4 flows.
  await db.execute(sql`insert into sync_runs (id, store_hash, flow, handler, trigger, state)
    select md5('run' || g)::uuid, 'st' || (g % 50), (array['orders','products','stock','customers'])[1 + g % 4], 'h' || (g % 4), 'webhook', 'queued'
    from generate_series(1, ${ROWS}) g`);
  await db.execute(sql`insert into engine_jobs (store_hash, handler, flow, run_id, state, trigger, events, event_count, run_at)
    select 'st' || (g % 50), 'h' || (g % 4) || '-' || g, (array['orders','products','stock','customers'])[1 + g % 4], md5('run' || g)::uuid,
      'pending', 'webhook', '[]'::jsonb, 1, now() + (g || ' seconds')::interval
    from generate_series(1, ${ROWS}) g`);
  await db.execute(sql`insert into engine_steps (run_id, step_id, store_hash, output)
    select md5('run' || (1 + g % 1000))::uuid, 'step-' || g, 'st' || ((1 + g % 1000) % 50), '{}'::jsonb from generate_series(1, ${ROWS}) g`);
  await db.execute(sql`insert into id_map (store_hash, entity, source_id, target_id, state)
    select 'st' || (g % 50), (array['order','refund','product','customer'])[1 + g % 4], (g / 4)::text || case when g % 4 = 1 then ':C1' else '' end,
      'T' || g, case when g % 97 = 0 then 'failed' else 'done' end
    from generate_series(1, ${ROWS}) g`);
  await db.execute(sql`analyze`);
}

describe.each(testDatabaseKinds())('engine and id-map queries on 100,000 rows (%s)', (kind) => {
  let base: TestDatabase;
  let h: Harness;

  beforeAll(async () => {
    base = await openTestDatabase(kind);
    h = await harness(kind, base);
    await fill(h.db);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await base?.dispose();
  });

  /** Runs `work` against the filled tables and EXPLAINs each statement it sent. */
  async function plansOf(work: () => Promise<unknown>): Promise<Array<{ sql: string; scans: string[] }>> {
    h.captured.length = 0;
    await work();
    const statements = [...h.captured];
    expect(statements.length).toBeGreaterThan(0);
    const out = [];
    for (const statement of statements) out.push({ sql: statement.sql, scans: seqScans(await h.explain(statement)) });
    return out;
  }

  let someRun = '';
  beforeAll(async () => {
    someRun = await rowsOf(h.db, sql`select run_id from engine_jobs where store_hash = ${STORE} limit 1`);
  });

  it.each<[string, (db: Db) => Promise<unknown>]>([
    ['claim the next due job', (db) => claim(db, { now: new Date(), leaseMs: 60_000, handlers: ['h0-4', 'h1', 'h2', 'h3'] })],
    ['find when the next job is due', (db) => nextDue(db)],
    ['see whether any job is left', (db) => hasJobs(db)],
    ['enqueue into an open batch', (db) => enqueue(db, { storeHash: STORE, handler: 'orders-export', flow: 'orders', trigger: 'webhook', data: {}, now: new Date(), batch: { maxSize: 250, timeoutMs: 2000 } })],
    ['enqueue a schedule tick once', (db) => enqueue(db, { storeHash: STORE, handler: 'h3-7', flow: 'stock', trigger: 'schedule', data: {}, now: new Date(), dedupeKey: 'schedule:1' })],
    ['load a run’s memoised steps', (db) => loadSteps(db, someRun)],
    ['start a run', (db) => startRun(db, STORE, someRun, 1)],
    ['look up one order in the id-map', (db) => createIdMap(db, STORE).get('order', '12345')],
    ['look up an order’s articles at once', (db) => createIdMap(db, STORE).getMany('product', ['100', '200', '300'])],
    ['list an order’s refunds by prefix', (db) => createIdMap(db, STORE).listByPrefix('refund', '1234:')],
    ['list failed records to offer again', (db) => createIdMap(db, STORE).listFailed('order', 50)],
    ['mark a record done', (db) => createIdMap(db, STORE).putDone({ entity: 'order', sourceId: '99999999', targetId: 'SO-1' })],
  ])('%s uses an index', async (_name, work) => {
    const plans = await plansOf(() => work(h.db));
    for (const plan of plans) expect(plan.scans, plan.sql).toEqual([]);
  }, 60_000);
});

async function rowsOf(db: Db, query: ReturnType<typeof sql>): Promise<string> {
  const result = await db.execute(query);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ run_id: string }>;
  return rows[0]?.run_id ?? '';
}
