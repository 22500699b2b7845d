import { and, asc, eq, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { accountviewConnections, stores, storeUsers, usedTokens } from '../schema';

export type StoreRow = typeof stores.$inferSelect;
export type StoreUserRow = typeof storeUsers.$inferSelect;

export interface InstallRecord {
  accessTokenEncrypted: string;
  scope: string;
  accountUuid: string | undefined;
  owner: { id: number; email: string };
  installer: { id: number; email: string };
}

/**
 * Saves a store's install (or re-install after a scope change) and its installing user in one
 * transaction, so a half-written install never exists.
 */
export async function saveInstall(db: Db, storeHash: string, install: InstallRecord): Promise<void> {
  await db.transaction(async (tx) => {
    const values = {
      storeHash,
      accessTokenEncrypted: install.accessTokenEncrypted,
      scope: install.scope,
      accountUuid: install.accountUuid ?? null,
      ownerUserId: install.owner.id,
    };
    await tx
      .insert(stores)
      .values(values)
      .onConflictDoUpdate({ target: stores.storeHash, set: { ...values, updatedAt: sql`now()` } });
    await tx
      .update(storeUsers)
      .set({ isOwner: false })
      .where(and(eq(storeUsers.storeHash, storeHash), sql`${storeUsers.userId} <> ${install.owner.id}`));
    await upsertStoreUserIn(tx, storeHash, install.installer, install.installer.id === install.owner.id);
    if (install.installer.id !== install.owner.id) await upsertStoreUserIn(tx, storeHash, install.owner, true);
  });
}

export async function findStore(db: Db, storeHash: string): Promise<StoreRow | undefined> {
  const [row] = await db.select().from(stores).where(eq(stores.storeHash, storeHash)).limit(1);
  return row;
}

export async function findStoreUser(db: Db, storeHash: string, userId: number): Promise<StoreUserRow | undefined> {
  const [row] = await db
    .select()
    .from(storeUsers)
    .where(and(eq(storeUsers.storeHash, storeHash), eq(storeUsers.userId, userId)))
    .limit(1);
  return row;
}

export async function listStoreUsers(db: Db, storeHash: string): Promise<StoreUserRow[]> {
  return db.select().from(storeUsers).where(eq(storeUsers.storeHash, storeHash)).orderBy(storeUsers.userId);
}

/** A user opening the app: added on first visit, owner flag kept in step with BigCommerce's claims. */
export async function upsertStoreUser(
  db: Db,
  storeHash: string,
  user: { id: number; email: string },
  isOwner: boolean,
): Promise<StoreUserRow> {
  return upsertStoreUserIn(db, storeHash, user, isOwner);
}

async function upsertStoreUserIn(
  db: Pick<Db, 'insert'>,
  storeHash: string,
  user: { id: number; email: string },
  isOwner: boolean,
): Promise<StoreUserRow> {
  const [row] = await db
    .insert(storeUsers)
    .values({ storeHash, userId: user.id, email: user.email, isOwner })
    .onConflictDoUpdate({
      target: [storeUsers.storeHash, storeUsers.userId],
      set: { email: user.email, isOwner, lastSeenAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error(`store user ${user.id} of ${storeHash} was not saved`);
  return row;
}

export async function removeStoreUser(db: Db, storeHash: string, userId: number): Promise<boolean> {
  const removed = await db
    .delete(storeUsers)
    .where(and(eq(storeUsers.storeHash, storeHash), eq(storeUsers.userId, userId)))
    .returning({ userId: storeUsers.userId });
  return removed.length > 0;
}

/**
 * Uninstall: the store row goes, and with it (by cascade) every table that hangs off the store —
 * tokens, users, settings, logs. Returns false when the store was not installed.
 */
export async function deleteStore(db: Db, storeHash: string): Promise<boolean> {
  const removed = await db.delete(stores).where(eq(stores.storeHash, storeHash)).returning({ h: stores.storeHash });
  return removed.length > 0;
}

/**
 * Marks a one-time token as spent. True the first time, false on every replay: the primary key
 * makes this atomic even when two requests race with the same token. Tokens past their expiry are
 * refused by their signature check anyway, so their rows are cleared on the way.
 */
export async function spendToken(db: Db, storeHash: string, tokenId: string, expiresAt: Date): Promise<boolean> {
  const inserted = await db
    .insert(usedTokens)
    .values({ storeHash, tokenId, expiresAt })
    .onConflictDoNothing()
    .returning({ tokenId: usedTokens.tokenId });
  await db.delete(usedTokens).where(and(eq(usedTokens.storeHash, storeHash), lt(usedTokens.expiresAt, sql`now()`)));
  return inserted.length > 0;
}

/** Undoes `spendToken` when the work it guarded did not happen, so a retry is not taken for a replay. */
export async function forgetSpentToken(db: Db, storeHash: string, tokenId: string): Promise<void> {
  await db.delete(usedTokens).where(and(eq(usedTokens.storeHash, storeHash), eq(usedTokens.tokenId, tokenId)));
}

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
