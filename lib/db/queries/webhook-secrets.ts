import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { webhookSecrets } from '../schema';

export async function findWebhookSecret(db: Db, storeHash: string): Promise<string | undefined> {
  const [row] = await db
    .select({ secret: webhookSecrets.secretEncrypted })
    .from(webhookSecrets)
    .where(eq(webhookSecrets.storeHash, storeHash))
    .limit(1);
  return row?.secret;
}

/** Keeps an existing secret (hooks already carry it); stores the given one only for a new store. */
export async function ensureWebhookSecret(db: Db, storeHash: string, sealedIfNew: string): Promise<string> {
  await db.insert(webhookSecrets).values({ storeHash, secretEncrypted: sealedIfNew }).onConflictDoNothing();
  const secret = await findWebhookSecret(db, storeHash);
  if (!secret) throw new Error(`webhook secret of ${storeHash} was not saved`);
  return secret;
}

export async function markWebhooksChecked(db: Db, storeHash: string, problem: string | null): Promise<void> {
  await db
    .update(webhookSecrets)
    .set({ checkedAt: sql`now()`, problem })
    .where(eq(webhookSecrets.storeHash, storeHash));
}

export async function findWebhookStatus(db: Db, storeHash: string): Promise<{ checkedAt: Date | null; problem: string | null } | undefined> {
  const [row] = await db
    .select({ checkedAt: webhookSecrets.checkedAt, problem: webhookSecrets.problem })
    .from(webhookSecrets)
    .where(eq(webhookSecrets.storeHash, storeHash))
    .limit(1);
  return row;
}
