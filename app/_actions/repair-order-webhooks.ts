'use server';

import { BigCommerceError } from '@/lib/bigcommerce';
import { requireStoreSession } from '@/lib/session';
import { repairOrderWebhooks } from '@/lib/webhooks';

export type RepairResult = { ok: true; message: string } | { ok: false; message: string };

export async function repairWebhooks(): Promise<RepairResult> {
  const session = await requireStoreSession();
  try {
    const report = await repairOrderWebhooks(session.storeHash);
    if (!report) return { ok: false, message: 'The store no longer has the app installed.' };
    const fixed = report.created.length + report.reactivated.length;
    return {
      ok: true,
      message: fixed === 0 ? 'All 3 order webhooks are active.' : `All 3 order webhooks are active; ${fixed} were missing or switched off and are back on.`,
    };
  } catch (error) {
    if (error instanceof BigCommerceError) {
      return { ok: false, message: 'BigCommerce could not be reached to check the webhooks. Try again in a minute; the next automatic check (every 15 minutes) repairs them too.' };
    }
    throw error;
  }
}
