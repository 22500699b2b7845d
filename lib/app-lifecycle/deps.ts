import type { AppCredentials } from '@/lib/bigcommerce';
import { getDb, type Db } from '@/lib/db/client';
import { env } from '@/lib/env';

/** What the lifecycle callbacks need, gathered in one place so tests can hand in their own. */
export interface LifecycleDeps {
  db: Db;
  app: AppCredentials;
  loginUrl: string;
  apiUrl: string;
  /** Where BigCommerce delivers order webhooks: `${APP_URL}/api/webhooks/bigcommerce`. */
  webhookDestination: string;
  /** The Auth callback URL registered in the Developer Portal; BigCommerce compares it verbatim. */
  authCallbackUrl: string;
  requiredScopes: string[];
  encryptionKey: string;
  sessionSecret: string;
  fetch: typeof fetch;
  now: () => Date;
}

export async function lifecycleDeps(): Promise<LifecycleDeps> {
  const e = env();
  return {
    db: await getDb(),
    app: { clientId: e.BIGCOMMERCE_CLIENT_ID, clientSecret: e.BIGCOMMERCE_CLIENT_SECRET },
    loginUrl: e.BIGCOMMERCE_LOGIN_URL,
    apiUrl: e.BIGCOMMERCE_API_URL,
    webhookDestination: `${e.APP_URL}/api/webhooks/bigcommerce`,
    authCallbackUrl: `${e.APP_URL}/api/bigcommerce/auth`,
    requiredScopes: e.BIGCOMMERCE_SCOPES,
    encryptionKey: e.ENCRYPTION_KEY,
    sessionSecret: e.NEXTAUTH_SECRET,
    fetch,
    now: () => new Date(),
  };
}
