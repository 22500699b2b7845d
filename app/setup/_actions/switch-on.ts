'use server';

import { revalidatePath } from 'next/cache';
import { storeOnboarding } from '@/lib/onboarding';
import { requireStoreSession } from '@/lib/session';

/** Switches the chosen flows on and finishes the wizard. */
export async function switchOnSetup(): Promise<{ ok: true }> {
  const session = await requireStoreSession();
  await storeOnboarding.switchOn(session.storeHash);
  revalidatePath('/');
  return { ok: true };
}
