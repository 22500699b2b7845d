import { getDatabase, ping } from '@/lib/db/client';

export type Readiness = { ok: true; database: 'postgres' | 'pglite' } | { ok: false; database: 'unreachable' };

/** Whether this instance can serve: its database answers. Says nothing about any store. */
export async function checkReadiness(): Promise<Readiness> {
  try {
    const database = await getDatabase();
    await ping(database.db);
    return { ok: true, database: database.kind };
  } catch {
    return { ok: false, database: 'unreachable' };
  }
}
