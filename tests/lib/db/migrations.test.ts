import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, useDatabase, type Db } from '@/lib/db/client';
import { readCheckpoint } from '@/lib/db/queries/checkpoints';
import { listRuns } from '@/lib/db/queries/runs';
import { findStore } from '@/lib/db/queries/stores';
import { debtorKey } from '@/lib/flows/orders/customer';
import { migrationStatus } from '@/lib/db/migration-status';
import * as schema from '@/lib/db/schema';
import { GET as ready } from '@/app/api/ready/route';
import { openTestDatabase, testDatabaseKinds } from '../../helpers/databases';

/**
 * Migrations apply from an empty database and from every earlier release: apply 0..k, put data in
 * every table that exists then, apply the rest; nothing is lost and today's code reads it all.
 * Readiness says "not ready" until every migration of this build is applied.
 */
interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}
const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: JournalEntry[] };
const RELEASES = journal.entries.length;

/** A copy of drizzle/ that knows only the first `count` migrations: the database an earlier release left. */
function folderUpTo(count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'avbc-migrations-'));
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  return dir;
}

/** Rows for one store in every table that exists at this point; columns as they were when each table was created. */
const SEEDS: Record<string, (store: string) => ReturnType<typeof sql>> = {
  stores: (s) => sql`insert into stores (store_hash, access_token_encrypted, scope, owner_user_id) values (${s}, 'sealed', 'store_v2_orders', 1)`,
  store_users: (s) => sql`insert into store_users (store_hash, user_id, email) values (${s}, 1, 'eigenaar@example.nl')`,
  used_tokens: (s) => sql`insert into used_tokens (store_hash, token_id, expires_at) values (${s}, ${`t-${s}`}, now() + interval '1 hour')`,
  accountview_connections: (s) =>
    sql`insert into accountview_connections (store_hash, access_token_encrypted, refresh_token_encrypted, access_expires_at, connected_by_user_id)
        values (${s}, 'sealed', 'sealed', now(), 1)`,
  webhook_secrets: (s) => sql`insert into webhook_secrets (store_hash, secret_encrypted) values (${s}, 'sealed')`,
  sync_runs: (s) => sql`insert into sync_runs (store_hash, flow, handler, trigger, state) values (${s}, 'orders', 'orders-poll', 'poll', 'success')`,
  sync_records: (s) =>
    sql`insert into sync_records (run_id, store_hash, flow, entity, source_id, outcome) values ((select id from sync_runs where store_hash = ${s}), ${s}, 'orders', 'order', '100', 'created')`,
  engine_jobs: (s) =>
    sql`insert into engine_jobs (store_hash, handler, flow, run_id, state, trigger, events, event_count, run_at)
        values (${s}, 'orders-poll', 'orders', (select id from sync_runs where store_hash = ${s}), 'pending', 'poll', '[]'::jsonb, 1, now())`,
  engine_steps: (s) => sql`insert into engine_steps (run_id, step_id, store_hash, output) values ((select id from sync_runs where store_hash = ${s}), 'one', ${s}, '{}'::jsonb)`,
  flow_settings: (s) => sql`insert into flow_settings (store_hash, flow, enabled) values (${s}, 'orders', true)`,
  // A debtor keyed by e-mail, as releases before 0009 kept it.
  id_map: (s) => sql`insert into id_map (store_hash, entity, source_id, target_id) values (${s}, 'order', '100', 'SO-1'), (${s}, 'debtor', ${`${s}@example.nl`}, '10001')`,
  sync_checkpoints: (s) => sql`insert into sync_checkpoints (store_hash, name, value) values (${s}, 'orders.poll', '2026-01-01T00:00:00Z')`,
};

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

async function tablesOf(db: Db): Promise<Set<string>> {
  const rows = rowsOf<{ name: string }>(await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public'`));
  return new Set(rows.map((r) => r.name));
}

interface Empty {
  db: Db;
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
}

/** An empty database of the kind, with drizzle's own migrator (no app code runs before the test says). */
async function emptyDatabase(kind: 'pglite' | 'postgres'): Promise<Empty> {
  if (kind === 'pglite') {
    const client = new PGlite();
    const db = drizzlePglite({ client, schema });
    return { db: db as unknown as Db, migrate: (folder) => migratePglite(db, { migrationsFolder: folder }), close: () => client.close() };
  }
  const admin = postgres(process.env.DATABASE_URL as string, { max: 1, onnotice: () => {} });
  const name = `avbc_migr_${Math.random().toString(16).slice(2, 10)}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL as string);
  url.pathname = `/${name}`;
  const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema });
  return {
    db: db as unknown as Db,
    migrate: (folder) => migratePostgres(db, { migrationsFolder: folder }),
    async close() {
      await client.end();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

describe.each(testDatabaseKinds())('migrations on %s', (kind) => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    useDatabase(undefined);
    for (const undo of cleanup.splice(0).reverse()) await undo();
  });

  it('apply cleanly to an empty database, and readiness reports every one applied', async () => {
    const database = await openTestDatabase(kind);
    cleanup.push(() => database.dispose());
    expect(await migrationStatus(database.db)).toEqual({ expected: RELEASES, applied: RELEASES });
    useDatabase(database);
    const response = await ready();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, migrations: { expected: RELEASES, applied: RELEASES } });
  });

  it.each(Array.from({ length: RELEASES - 1 }, (_, i) => i + 1))(
    'apply on top of the release with the first %i migration(s), keeping its data',
    async (count) => {
      const empty = await emptyDatabase(kind);
      cleanup.push(() => empty.close());
      const partial = folderUpTo(count);
      cleanup.push(() => rmSync(partial, { recursive: true, force: true }));

      // Each earlier release in turn: its migrations, then data in everything it has.
      const seeded: Record<string, number> = {};
      for (let k = 1; k <= count; k += 1) {
        const folder = folderUpTo(k);
        await empty.migrate(folder);
        rmSync(folder, { recursive: true, force: true });
        const tables = await tablesOf(empty.db);
        const store = `rel${k}`;
        for (const [table, insert] of Object.entries(SEEDS)) {
          if (!tables.has(table)) continue;
          await empty.db.execute(insert(store));
          seeded[table] = (seeded[table] ?? 0) + (table === 'id_map' ? 2 : 1);
        }
      }
      expect(await migrationStatus(empty.db)).toEqual({ expected: RELEASES, applied: count });
      // Not ready while this build's migrations are missing.
      useDatabase({ db: empty.db, kind, lock: async (_key, fn) => fn(), close: async () => {} });
      expect((await ready()).status).toBe(503);

      await empty.migrate(MIGRATIONS_FOLDER);
      expect(await migrationStatus(empty.db)).toEqual({ expected: RELEASES, applied: RELEASES });
      expect((await ready()).status).toBe(200);
      for (const [table, n] of Object.entries(seeded)) {
        const rows = rowsOf<{ n: number }>(await empty.db.execute(sql.raw(`select count(*)::int as n from ${table}`)));
        expect(rows[0]?.n, table).toBe(n);
      }
      // Today's queries read what the old releases wrote.
      expect(await findStore(empty.db, 'rel1')).toMatchObject({ storeHash: 'rel1', scope: 'store_v2_orders' });
      if (seeded.sync_runs) expect(await listRuns(empty.db, `rel${count}`)).toHaveLength(1);
      // No e-mail address is left as a key; the orders flow finds each debtor by the key it now computes.
      const debtors = rowsOf<{ store: string; key: string }>(await empty.db.execute(sql`select store_hash as store, source_id as key from id_map where entity = 'debtor'`));
      expect(debtors).toHaveLength((seeded.id_map ?? 0) / 2);
      for (const row of debtors) expect(row.key, row.store).toBe(debtorKey(`${row.store}@example.nl`));
      if (seeded.sync_checkpoints) expect((await readCheckpoint(empty.db, `rel${count}`, 'orders.poll'))?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    },
    60_000,
  );
});
