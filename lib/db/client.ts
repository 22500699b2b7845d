import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { env } from '@/lib/env';
import { createKeyedMutex } from './keyed-mutex';
import * as schema from './schema';

/** Both drivers behind one type, so every query is written once. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /**
   * Runs `fn` while holding a lock named `key`: across processes on Postgres (an advisory lock on a
   * reserved connection), within the process on PGlite (which only one process can open anyway).
   */
  lock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), 'drizzle');
// Any constant works; it only has to be the same for every instance that migrates this database.
const MIGRATION_LOCK = 727_011;

export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

/** Opens a database and brings its schema up to date. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ('url' in target) {
    await migratePostgresLocked(target.url);
    const client = postgres(target.url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres({ client, schema });
    const local = createKeyedMutex();
    // Waiters queue in-process first, so one busy key never ties up more than one pooled connection.
    const lock = <T>(key: string, fn: () => Promise<T>) =>
      local(key, async () => {
        const reserved = await client.reserve();
        try {
          await reserved`select pg_advisory_lock(hashtext(${key}))`;
          try {
            return await fn();
          } finally {
            await reserved`select pg_advisory_unlock(hashtext(${key}))`;
          }
        } finally {
          reserved.release();
        }
      });
    return { db: db as unknown as Db, kind: 'postgres', lock, close: () => client.end({ timeout: 5 }) };
  }
  const dir = 'dataDir' in target ? path.resolve(target.dataDir, 'pglite') : undefined;
  if (dir) mkdirSync(dir, { recursive: true });
  const client = dir ? new PGlite(dir) : new PGlite();
  const db = drizzlePglite({ client, schema });
  await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db: db as unknown as Db, kind: 'pglite', lock: createKeyedMutex(), close: () => client.close() };
}

/**
 * Several app instances may start at once. A single connection holds a session advisory lock while
 * it migrates, so exactly one of them applies each migration and the others find it done.
 */
async function migratePostgresLocked(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}

type Holder = { database?: Promise<Database> };
const holder = globalThis as typeof globalThis & { __avbcDatabase?: Holder };
const state: Holder = (holder.__avbcDatabase ??= {});

/** The app's database: Postgres when DATABASE_URL is set, otherwise PGlite under the data directory. */
export async function getDatabase(): Promise<Database> {
  state.database ??= openDatabase(
    env().DATABASE_URL ? { url: env().DATABASE_URL as string } : { dataDir: env().DATA_DIR },
  ).catch((error: unknown) => {
    state.database = undefined;
    throw error;
  });
  return state.database;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Lets a test run the app's code against a database it opened itself. */
export function useDatabase(database: Database | undefined): void {
  state.database = database ? Promise.resolve(database) : undefined;
}

export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
