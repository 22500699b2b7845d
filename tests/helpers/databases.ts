import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '@/lib/db/client';

/**
 * The databases a test runs against: PGlite always (what a fresh laptop runs), and a real Postgres
 * too when DATABASE_URL is set (as CI does). Each gets a database of its own, dropped afterwards.
 */
export interface TestDatabase extends Database {
  label: string;
  /** Connection string of the test's own Postgres database (undefined for PGlite). */
  url?: string;
  /** Closes the connection and drops whatever was created for the test. */
  dispose(): Promise<void>;
}

export function testDatabaseKinds(): Array<'pglite' | 'postgres'> {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export async function openTestDatabase(kind: 'pglite' | 'postgres'): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ memory: true });
    return { ...database, label: 'pglite', dispose: () => database.close() };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  const name = `avbc_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    label: 'postgres',
    url: url.toString(),
    async dispose() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Row counts of every app table: "writes nothing" is checked by comparing two of these. */
export async function tableCounts(database: Database): Promise<Record<string, number>> {
  const { sql } = await import('drizzle-orm');
  const tables = ['stores', 'store_users', 'used_tokens', 'accountview_connections', 'webhook_secrets'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const result = await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ n: number }>;
    counts[table] = rows[0]?.n ?? -1;
  }
  return counts;
}
