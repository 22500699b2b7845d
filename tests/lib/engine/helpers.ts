import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { stores } from '@/lib/db/schema';
import type { EngineLogger } from '@/lib/engine';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds, polling; fails the test after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(5);
  }
}

export async function addStores(database: Database, ...hashes: string[]): Promise<void> {
  await database.db
    .insert(stores)
    .values(hashes.map((storeHash) => ({ storeHash, accessTokenEncrypted: 'sealed', scope: 'x', ownerUserId: 1 })))
    .onConflictDoNothing();
}

/** Empties the engine's tables between tests that share one database. */
export async function clearEngine(database: Database): Promise<void> {
  for (const table of ['engine_jobs', 'engine_steps', 'sync_records', 'sync_runs']) {
    await database.db.execute(sql.raw(`delete from ${table}`));
  }
}

export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

export async function count(database: Database, table: string): Promise<number> {
  const result = await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
  return rowsOf<{ n: number }>(result)[0]?.n ?? -1;
}

/** Collects what the engine logs, so a test can look for a warning. */
export function memoryLogger(): EngineLogger & { lines: Array<{ level: string; message: string; meta: object }> } {
  const lines: Array<{ level: string; message: string; meta: object }> = [];
  const at = (level: string) => (meta: object, message: string) => void lines.push({ level, message, meta });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/** A promise the test resolves by hand. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}
