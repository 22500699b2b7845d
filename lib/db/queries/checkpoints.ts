import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { syncCheckpoints } from '../schema';

export async function readCheckpoint(db: Db, storeHash: string, name: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ value: syncCheckpoints.value })
    .from(syncCheckpoints)
    .where(and(eq(syncCheckpoints.storeHash, storeHash), eq(syncCheckpoints.name, name)))
    .limit(1);
  return row?.value;
}

/** Only ever moves forward: a slow run finishing after a faster one must not rewind the checkpoint. */
export async function advanceCheckpoint(db: Db, storeHash: string, name: string, value: Date): Promise<void> {
  await db
    .insert(syncCheckpoints)
    .values({ storeHash, name, value })
    .onConflictDoUpdate({
      target: [syncCheckpoints.storeHash, syncCheckpoints.name],
      set: { value: sql`greatest(${syncCheckpoints.value}, excluded.value)`, updatedAt: sql`now()` },
    });
}
