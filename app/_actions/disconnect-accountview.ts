'use server';

import { revalidatePath } from 'next/cache';
import { disconnect } from '@/lib/accountview-connection';
import { requireStoreSession } from '@/lib/session';

/** Forgets the store's AccountView tokens; nothing in AccountView itself changes. */
export async function disconnectAccountView(): Promise<void> {
  const session = await requireStoreSession();
  await disconnect(session.storeHash);
  revalidatePath('/');
}
