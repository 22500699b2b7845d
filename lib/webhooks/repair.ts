import { getDatabase } from '@/lib/db/client';
import { env } from '@/lib/env';
import { bigCommerceFor } from '@/lib/store-clients';
import { ensureOrderWebhooks, type WebhookReport } from './register';

/** "Repair" in the app: the same check the catch-up poll makes, for one store, now. */
export async function repairOrderWebhooks(storeHash: string): Promise<WebhookReport | undefined> {
  const bigcommerce = await bigCommerceFor(storeHash);
  if (!bigcommerce) return undefined;
  return ensureOrderWebhooks({
    db: (await getDatabase()).db,
    bigcommerce,
    storeHash,
    destination: `${env().APP_URL}/api/webhooks/bigcommerce`,
    encryptionKey: env().ENCRYPTION_KEY,
  });
}
