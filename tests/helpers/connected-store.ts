import { chooseCompany, completeConnect, consentUrl } from '@/lib/accountview-connection';
import { useDatabase } from '@/lib/db/client';
import { saveInstall } from '@/lib/db/queries/stores';
import { env, resetEnvCache } from '@/lib/env';
import { encryptSecret } from '@/lib/security/secrets';
import type { AccountViewSimulator } from '../simulators/accountview';
import { installApp, type BigCommerceSimulator } from '../simulators/bigcommerce';
import type { TestDatabase } from './databases';

export interface AccountViewTestClient {
  clientId: string;
  clientSecret: string;
}

/** The AccountView app registration a test's simulator knows, with the callback under `origin`. */
export const avClientFor = (client: AccountViewTestClient, origin: string) => ({ ...client, redirectUris: [`${origin}/api/accountview/callback`] });

/** The app's configuration and database, pointed at this test's simulators (the app reads both globally). */
export function pointAppAt(origin: string, bc: BigCommerceSimulator, av: AccountViewSimulator, client: AccountViewTestClient, database: TestDatabase): void {
  process.env.APP_URL = origin;
  process.env.BIGCOMMERCE_API_URL = bc.apiUrl;
  process.env.ACCOUNTVIEW_URL = av.url;
  process.env.ACCOUNTVIEW_CLIENT_ID = client.clientId;
  process.env.ACCOUNTVIEW_CLIENT_SECRET = client.clientSecret;
  resetEnvCache();
  useDatabase(database);
}

/**
 * A store as the app knows it after install, consent and choosing the administration: through the same
 * code the callbacks run (install saved with its sealed token, the consent completed, the company chosen).
 * Returns the store's BigCommerce access token.
 */
export async function installConnectedStore(options: {
  bc: BigCommerceSimulator;
  av: AccountViewSimulator;
  database: TestDatabase;
  origin: string;
  client: AccountViewTestClient;
  store: string;
  company: string;
  scope: string;
  ownerEmail: string;
}): Promise<string> {
  const { bc, av, database, origin, client, store } = options;
  const token = await installApp(bc, store);
  const owner = { id: 1001, email: options.ownerEmail };
  await saveInstall(database.db, store, { accessTokenEncrypted: encryptSecret(token, env().ENCRYPTION_KEY, store), scope: options.scope, accountUuid: undefined, owner, installer: owner });
  const state = new URL(consentUrl({ storeHash: store, userId: owner.id })).searchParams.get('state') ?? '';
  const code = av.issueCode({ clientId: client.clientId, redirectUri: `${origin}/api/accountview/callback`, scope: 'readaccountviewdata updateaccountviewdata' });
  await completeConnect(new URLSearchParams({ code, state }));
  await chooseCompany(store, options.company);
  return token;
}
