import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '@/lib/db/client';
import { accountviewConnections, stores } from '@/lib/db/schema';

/**
 * The stores a schedule runs for: installed, and connected to an AccountView administration with a
 * company chosen. A scheduled sync for any other store could only fail, every time, in its log.
 */
export async function listSyncableStores(db: Db): Promise<string[]> {
  const rows = await db
    .select({ storeHash: stores.storeHash })
    .from(stores)
    .innerJoin(accountviewConnections, eq(accountviewConnections.storeHash, stores.storeHash))
    .where(and(eq(accountviewConnections.status, 'connected'), isNotNull(accountviewConnections.companyId)))
    .orderBy(asc(stores.installedAt));
  return rows.map((row) => row.storeHash);
}
