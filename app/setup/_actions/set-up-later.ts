'use server';

import { storeOnboarding } from '@/lib/onboarding';
import { requireStoreSession } from '@/lib/session';

/** Stops sending the merchant to the wizard; what was answered is kept and Settings links back to it. */
export async function setUpLater(): Promise<void> {
  const session = await requireStoreSession();
  await storeOnboarding.save(session.storeHash, { postponed: true });
}
