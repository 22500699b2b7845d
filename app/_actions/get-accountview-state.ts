'use server';

import { connectionView } from '@/lib/accountview-connection';
import { requireStoreSession } from '@/lib/session';

/** Polled by the home page while the consent window is open. */
export async function getAccountViewState(): Promise<string> {
  const session = await requireStoreSession();
  return (await connectionView(session.storeHash)).state;
}
