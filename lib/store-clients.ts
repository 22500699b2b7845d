import { createBigCommerceClient, type BigCommerceClient } from '@/lib/bigcommerce';
import { getDb } from '@/lib/db/client';
import { findStore } from '@/lib/db/queries/stores';
import { env } from '@/lib/env';
import { decryptSecret } from '@/lib/security/secrets';

/**
 * Composition: the only place that joins the environment, the database and a client factory.
 * Callers pass a store hash they got from a verified session or event, never from request input.
 */
export async function bigCommerceFor(storeHash: string): Promise<BigCommerceClient | undefined> {
  const store = await findStore(await getDb(), storeHash);
  if (!store) return undefined;
  return createBigCommerceClient({
    apiUrl: env().BIGCOMMERCE_API_URL,
    storeHash,
    accessToken: decryptSecret(store.accessTokenEncrypted, env().ENCRYPTION_KEY, storeHash),
  });
}
