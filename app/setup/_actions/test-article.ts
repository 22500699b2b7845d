'use server';

import { withAccountView } from '@/lib/accountview-connection';
import { BigCommerceError } from '@/lib/bigcommerce';
import { previewLatestArticle, type RecordPreview } from '@/lib/onboarding';
import { requireStoreSession } from '@/lib/session';

/** Runs the most recently changed article through the products flow with every BigCommerce write captured; nothing is sent. */
export async function testLatestArticle(): Promise<RecordPreview> {
  const session = await requireStoreSession();
  try {
    const result = await withAccountView(session.storeHash, () => previewLatestArticle(session.storeHash));
    return result.ok ? result.value : { ok: false, message: result.problem.message, hint: result.problem.hint };
  } catch (error) {
    if (error instanceof BigCommerceError) {
      return { ok: false, message: 'BigCommerce could not be reached to compare the article with your products.', hint: 'Try again in a minute.' };
    }
    throw error;
  }
}
