'use server';

import { withAccountView } from '@/lib/accountview-connection';
import { BigCommerceError } from '@/lib/bigcommerce';
import { previewLatestOrder, type RecordPreview } from '@/lib/onboarding';
import { requireStoreSession } from '@/lib/session';

/** Runs the store's latest order through the orders flow with every write captured; nothing is sent. */
export async function testLatestOrder(): Promise<RecordPreview> {
  const session = await requireStoreSession();
  try {
    const result = await withAccountView(session.storeHash, () => previewLatestOrder(session.storeHash));
    return result.ok ? result.value : { ok: false, message: result.problem.message, hint: result.problem.hint };
  } catch (error) {
    if (error instanceof BigCommerceError) {
      return { ok: false, message: 'BigCommerce could not be reached to read your latest order.', hint: 'Try again in a minute.' };
    }
    throw error;
  }
}
