import { getDatabase } from '@/lib/db/client';
import { readOrderSettings } from '@/lib/db/queries/order-settings';
import { findWebhookStatus } from '@/lib/db/queries/webhook-secrets';

export interface OrderFlowStatus {
  enabled: boolean;
  paused: boolean;
  webhooksCheckedAt: Date | undefined;
  webhookProblem: string | undefined;
}

/** What the home page shows about the orders flow of a store. */
export async function orderFlowStatus(storeHash: string): Promise<OrderFlowStatus> {
  const { db } = await getDatabase();
  const [settings, hooks] = await Promise.all([readOrderSettings(db, storeHash), findWebhookStatus(db, storeHash)]);
  return {
    enabled: settings.enabled,
    paused: settings.paused,
    webhooksCheckedAt: hooks?.checkedAt ?? undefined,
    webhookProblem: hooks?.problem ?? (hooks ? undefined : 'The order webhooks are not registered yet. Click "Repair webhooks".'),
  };
}
