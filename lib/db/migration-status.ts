import { readMigrationFiles } from 'drizzle-orm/migrator';
import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { MIGRATIONS_FOLDER } from './client';

export interface MigrationStatus {
  /** Migrations this build carries. */
  expected: number;
  /** Of those, how many the database has applied. */
  applied: number;
}

/**
 * Whether the database has every migration this build carries. drizzle records each applied migration
 * with its folder timestamp (`created_at`) in drizzle.__drizzle_migrations; a database without that
 * table has none. An instance of a newer build is not ready until its migrations have run.
 */
export async function migrationStatus(db: Db, folder: string = MIGRATIONS_FOLDER): Promise<MigrationStatus> {
  const expected = readMigrationFiles({ migrationsFolder: folder }).map((m) => m.folderMillis);
  const exists = rowsOf<{ present: boolean }>(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`),
  );
  if (!exists[0]?.present) return { expected: expected.length, applied: 0 };
  const rows = rowsOf<{ created_at: string | number }>(await db.execute(sql`select created_at from drizzle.__drizzle_migrations`));
  const done = new Set(rows.map((r) => Number(r.created_at)));
  return { expected: expected.length, applied: expected.filter((when) => done.has(when)).length };
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}
