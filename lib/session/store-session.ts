import { getServerSession } from 'next-auth';
import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { findStoreUser } from '@/lib/db/queries/stores';
import { authOptions } from './auth-options';
import { storeSessionSchema, type StoreSession } from './ticket';

const sessionShape = z.object({ store: storeSessionSchema });

/**
 * The store and user of the current request, from the verified session only. The user is looked up
 * again on every call, so remove_user and uninstall take effect at once, not when the cookie expires.
 */
export async function getStoreSession(): Promise<StoreSession | null> {
  const parsed = sessionShape.safeParse(await getServerSession(authOptions()));
  if (!parsed.success) return null;
  const { storeHash, userId } = parsed.data.store;
  const user = await findStoreUser(await getDb(), storeHash, userId);
  if (!user) return null;
  return { storeHash: user.storeHash, userId: user.userId, email: user.email, isOwner: user.isOwner };
}

export class NoStoreSessionError extends Error {
  override name = 'NoStoreSessionError';
  constructor() {
    super('Open the app from your BigCommerce control panel to sign in.');
  }
}

/** For server actions and route handlers: the session or a typed error, never a guess. */
export async function requireStoreSession(): Promise<StoreSession> {
  const session = await getStoreSession();
  if (!session) throw new NoStoreSessionError();
  return session;
}
