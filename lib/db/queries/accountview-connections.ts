import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { accountviewConnections } from '../schema';

export type AccountViewConnectionRow = typeof accountviewConnections.$inferSelect;

export interface SealedTokens {
  accessTokenEncrypted: string;
  refreshTokenEncrypted: string;
  accessExpiresAt: Date;
  scope: string | null;
}

export async function findAccountViewConnection(db: Db, storeHash: string): Promise<AccountViewConnectionRow | undefined> {
  const [row] = await db
    .select()
    .from(accountviewConnections)
    .where(eq(accountviewConnections.storeHash, storeHash))
    .limit(1);
  return row;
}

/** A fresh consent: new tokens, and the company has to be chosen (again). */
export async function saveNewConnection(db: Db, storeHash: string, tokens: SealedTokens, userId: number): Promise<void> {
  const values = {
    storeHash,
    ...tokens,
    companyId: null,
    companyCode: null,
    companyName: null,
    status: 'connected' as const,
    problem: null,
    connectedByUserId: userId,
  };
  await db
    .insert(accountviewConnections)
    .values(values)
    .onConflictDoUpdate({
      target: accountviewConnections.storeHash,
      set: { ...values, connectedAt: sql`now()`, updatedAt: sql`now()` },
    });
}

/** Rotated tokens. Returns false when the connection was removed meanwhile (disconnect, uninstall). */
export async function saveRotatedTokens(db: Db, storeHash: string, tokens: SealedTokens): Promise<boolean> {
  const updated = await db
    .update(accountviewConnections)
    .set({ ...tokens, status: 'connected', problem: null, updatedAt: sql`now()` })
    .where(eq(accountviewConnections.storeHash, storeHash))
    .returning({ storeHash: accountviewConnections.storeHash });
  return updated.length > 0;
}

export async function saveCompany(
  db: Db,
  storeHash: string,
  company: { id: string; code: string; name: string },
): Promise<void> {
  await db
    .update(accountviewConnections)
    .set({ companyId: company.id, companyCode: company.code, companyName: company.name, updatedAt: sql`now()` })
    .where(eq(accountviewConnections.storeHash, storeHash));
}

/** AccountView refused the connection: keep the row so the home page can say what to do. */
export async function markNeedsReconnect(db: Db, storeHash: string, problem: string): Promise<void> {
  await db
    .update(accountviewConnections)
    .set({ status: 'needs-reconnect', problem, updatedAt: sql`now()` })
    .where(eq(accountviewConnections.storeHash, storeHash));
}

export async function deleteAccountViewConnection(db: Db, storeHash: string): Promise<boolean> {
  const removed = await db
    .delete(accountviewConnections)
    .where(eq(accountviewConnections.storeHash, storeHash))
    .returning({ storeHash: accountviewConnections.storeHash });
  return removed.length > 0;
}
