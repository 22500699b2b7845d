'use server';

import { dryRun, type DryRun } from '@/lib/mapping-editor/dry-run';
import { requireStoreSession } from '@/lib/session';

/**
 * The latest 20 orders or changed articles through the store's current settings and the proposed ones,
 * nothing sent: the merchant sees what a settings change would do before saving it. Stock and customers
 * have no replay (their settings choose what is read, not how a record is written).
 */
export async function dryRunSettingsAction(flow: string, settings: unknown): Promise<DryRun> {
  const session = await requireStoreSession();
  if (flow !== 'orders' && flow !== 'products') {
    return { ok: false, reason: 'A dry run is available for orders and products.', hint: 'Save the settings and watch the next run in the activity log.' };
  }
  // The proposal is validated by the flow's own schema inside the dry run (refused with the problems named).
  return dryRun(session.storeHash, flow, { settings } as Parameters<typeof dryRun>[2]);
}
