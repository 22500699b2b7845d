'use server';

import { consentUrl, NotConfiguredError } from '@/lib/accountview-connection';
import { requireStoreSession } from '@/lib/session';

export type StartConnectResult = { ok: true; url: string } | { ok: false; message: string };

/** The AccountView consent page for this store user; the browser opens it in a window of its own. */
export async function startAccountViewConnect(): Promise<StartConnectResult> {
  const session = await requireStoreSession();
  try {
    return { ok: true, url: consentUrl(session) };
  } catch (error) {
    if (error instanceof NotConfiguredError) return { ok: false, message: 'AccountView is not set up for this app. Please contact support.' };
    throw error;
  }
}
