import { getDatabase, ping } from '@/lib/db/client';
import { migrationStatus, type MigrationStatus } from '@/lib/db/migration-status';

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

export type FullReadiness =
  | { ok: true; database: 'postgres' | 'pglite'; migrations: MigrationStatus }
  | { ok: false; database: 'postgres' | 'pglite' | 'unreachable'; migrations?: MigrationStatus; reason: string };

/**
 * Readiness for a load balancer: the database answers and has every migration this build carries.
 * No detail of the failure leaves the instance (it goes to the server log); the reason is generic.
 */
export async function checkFullReadiness(): Promise<FullReadiness> {
  let kind: 'postgres' | 'pglite';
  try {
    const database = await getDatabase();
    kind = database.kind;
    await ping(database.db);
    const migrations = await migrationStatus(database.db);
    if (migrations.applied < migrations.expected) {
      return { ok: false, database: kind, migrations, reason: 'database migrations are not all applied' };
    }
    return { ok: true, database: kind, migrations };
  } catch {
    return { ok: false, database: 'unreachable', reason: 'the database does not answer' };
  }
}
