import { z } from 'zod';
import {
  BigCommerceError,
  createBigCommerceClient,
  exchangeCode,
  SignedPayloadError,
  verifySignedPayload,
  type SignedPayload,
} from '@/lib/bigcommerce';
import {
  deleteStore,
  findStore,
  removeStoreUser,
  saveInstall,
  spendToken,
  upsertStoreUser,
} from '@/lib/db/queries/stores';
import { logger } from '@/lib/logger';
import { encryptSecret } from '@/lib/security/secrets';
import { issueSessionTicket } from '@/lib/session/ticket';
import { ensureOrderWebhooks } from '@/lib/webhooks';
import type { LifecycleDeps } from './deps';
import { CallbackInputError, ScopeMismatchError, StoreNotInstalledError } from './errors';

/** A verified visitor on their way into the app: the ticket becomes a session, then `next` opens. */
export interface SignIn {
  storeHash: string;
  userId: number;
  ticket: string;
  next: string;
}

const installQuery = z.object({
  code: z.string().min(1),
  scope: z.string().min(1),
  context: z.string().regex(/^stores\/[a-z0-9]{1,32}$/),
  account_uuid: z.string().optional(),
});

/** The Auth callback: exchange the grant code, save the store and its installer, sign the installer in. */
export async function install(deps: LifecycleDeps, params: URLSearchParams): Promise<SignIn> {
  const query = installQuery.safeParse(Object.fromEntries(params));
  if (!query.success) throw new CallbackInputError('The install request is missing its code, scope or store');
  const granted = new Set(query.data.scope.split(/\s+/));
  const missing = deps.requiredScopes.filter((s) => !granted.has(s));
  if (missing.length > 0) throw new ScopeMismatchError(missing);

  const token = await exchangeCode(
    deps.app,
    { loginUrl: deps.loginUrl, redirectUri: deps.authCallbackUrl, ...query.data },
    deps.fetch,
  );
  const storeHash = token.context;
  if (`stores/${storeHash}` !== query.data.context) {
    throw new CallbackInputError('BigCommerce returned a token for another store than the one installing');
  }
  await saveInstall(deps.db, storeHash, {
    accessTokenEncrypted: encryptSecret(token.access_token, deps.encryptionKey, storeHash),
    scope: token.scope,
    accountUuid: token.account_uuid ?? query.data.account_uuid,
    owner: token.owner,
    installer: token.user,
  });
  await registerWebhooks(deps, storeHash, token.access_token);
  return { storeHash, userId: token.user.id, ticket: issueSessionTicket(storeHash, token.user.id, deps.sessionSecret), next: '/' };
}

/** The Load callback: a store user opens the app; new users of the store are added on the way. */
export async function load(deps: LifecycleDeps, params: URLSearchParams): Promise<SignIn> {
  const payload = await verifyForInstalledStore(deps, params);
  // A signed payload is good for 24 hours; spending its id makes a leaked one useless after first use.
  const fresh = await spendToken(deps.db, payload.sub, `bc:${payload.jti}`, new Date(payload.exp * 1000));
  if (!fresh) throw new SignedPayloadError('replayed', 'This sign-in link was already used');
  await upsertStoreUser(deps.db, payload.sub, payload.user, payload.user.id === payload.owner.id);
  return {
    storeHash: payload.sub,
    userId: payload.user.id,
    ticket: issueSessionTicket(payload.sub, payload.user.id, deps.sessionSecret),
    next: safeDeepLink(payload.url),
  };
}

/** The Uninstall callback: the store and everything kept for it is deleted (GDPR). */
export async function uninstall(deps: LifecycleDeps, params: URLSearchParams): Promise<{ storeHash: string }> {
  const payload = await verifyForInstalledStore(deps, params);
  if (!(await deleteStore(deps.db, payload.sub))) throw new StoreNotInstalledError(payload.sub);
  return { storeHash: payload.sub };
}

/** The Remove-user callback: that user loses access at once; nothing else of the store changes. */
export async function removeUser(
  deps: LifecycleDeps,
  params: URLSearchParams,
): Promise<{ storeHash: string; userId: number; removed: boolean }> {
  const payload = await verifyForInstalledStore(deps, params);
  const removed = await removeStoreUser(deps.db, payload.sub, payload.user.id);
  return { storeHash: payload.sub, userId: payload.user.id, removed };
}

async function verifyForInstalledStore(deps: LifecycleDeps, params: URLSearchParams): Promise<SignedPayload> {
  const payload = verifySignedPayload(params.get('signed_payload_jwt'), deps.app, deps.now());
  if (!(await findStore(deps.db, payload.sub))) throw new StoreNotInstalledError(payload.sub);
  return payload;
}

/**
 * Order webhooks are registered as part of the install, but a failure here must not fail the
 * install: every catch-up poll repairs the hooks, and the poll itself catches the orders meanwhile.
 */
async function registerWebhooks(deps: LifecycleDeps, storeHash: string, accessToken: string): Promise<void> {
  try {
    await ensureOrderWebhooks({
      db: deps.db,
      bigcommerce: createBigCommerceClient({ apiUrl: deps.apiUrl, storeHash, accessToken, fetch: deps.fetch }),
      storeHash,
      destination: deps.webhookDestination,
      encryptionKey: deps.encryptionKey,
    });
  } catch (error) {
    if (!(error instanceof BigCommerceError)) throw error;
    logger().warn({ storeHash, err: error }, 'order webhooks could not be registered at install; the next poll repairs them');
  }
}

/** Deep links from BigCommerce are paths inside the app; anything else could send the user elsewhere. */
function safeDeepLink(url: string | undefined): string {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.includes('\\')) return '/';
  return url;
}
