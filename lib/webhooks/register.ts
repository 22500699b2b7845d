import { randomBytes } from 'node:crypto';
import type { BigCommerceClient } from '@/lib/bigcommerce';
import type { Db } from '@/lib/db/client';
import { ensureWebhookSecret, markWebhooksChecked } from '@/lib/db/queries/webhook-secrets';
import { decryptSecret, encryptSecret } from '@/lib/security/secrets';

export const ORDER_WEBHOOK_SCOPES = ['store/order/created', 'store/order/statusUpdated', 'store/order/refund/created'] as const;
export type OrderWebhookScope = (typeof ORDER_WEBHOOK_SCOPES)[number];

/** BigCommerce sends a hook's custom headers with every delivery: this one proves it is our hook. */
export const WEBHOOK_SECRET_HEADER = 'x-avbc-webhook-secret';

export interface WebhookDeps {
  db: Db;
  bigcommerce: BigCommerceClient;
  storeHash: string;
  /** `${APP_URL}/api/webhooks/bigcommerce` */
  destination: string;
  encryptionKey: string;
}

export interface WebhookReport {
  created: OrderWebhookScope[];
  reactivated: OrderWebhookScope[];
  unchanged: OrderWebhookScope[];
}

/**
 * Makes sure the store has exactly our three order hooks, active, carrying the store's secret. Used on
 * install, by "repair" in the settings, and by every catch-up poll, which is how a hook BigCommerce
 * deactivated after failed deliveries comes back on.
 */
export async function ensureOrderWebhooks(deps: WebhookDeps): Promise<WebhookReport> {
  const sealed = await ensureWebhookSecret(
    deps.db,
    deps.storeHash,
    encryptSecret(randomBytes(32).toString('base64url'), deps.encryptionKey, deps.storeHash),
  );
  const secret = decryptSecret(sealed, deps.encryptionKey, deps.storeHash);
  const headers = { [WEBHOOK_SECRET_HEADER]: secret };

  const existing = new Map<string, { id: number; active: boolean; secretMatches: boolean }>();
  for await (const hook of deps.bigcommerce.listHooks({ destination: deps.destination })) {
    if (hook.destination !== deps.destination || hook.id === undefined || !hook.scope) continue;
    const sent = Object.entries(hook.headers ?? {}).find(([name]) => name.toLowerCase() === WEBHOOK_SECRET_HEADER);
    existing.set(hook.scope, { id: hook.id, active: hook.is_active !== false, secretMatches: sent?.[1] === secret });
  }

  const report: WebhookReport = { created: [], reactivated: [], unchanged: [] };
  for (const scope of ORDER_WEBHOOK_SCOPES) {
    const hook = existing.get(scope);
    if (!hook) {
      await deps.bigcommerce.createHook({ scope, destination: deps.destination, is_active: true, headers });
      report.created.push(scope);
    } else if (!hook.active || !hook.secretMatches) {
      await deps.bigcommerce.updateHook(hook.id, { is_active: true, headers });
      report.reactivated.push(scope);
    } else {
      report.unchanged.push(scope);
    }
  }
  await markWebhooksChecked(deps.db, deps.storeHash, null);
  return report;
}
