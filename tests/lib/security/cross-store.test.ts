import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { saveInstall } from '@/lib/db/queries/stores';
import { env } from '@/lib/env';
import { encryptSecret } from '@/lib/security/secrets';
import { WEBHOOK_SECRET_HEADER } from '@/lib/webhooks';
import { ensureWebhookSecret } from '@/lib/db/queries/webhook-secrets';
import { PIPELINE_STORE as VICTIM, startOrderPipeline, type OrderPipeline } from '../../helpers/order-pipeline';
import { rowsOf } from '../engine/helpers';

/**
 * A signed-in user of store A (the "attacker") calls every server action the app has, with every
 * argument that could name store B's things; and uses store A's webhook secret for store B. Store B
 * — installed, connected to AccountView, with webhooks, runs and records — is left exactly as it was
 * and nothing of it comes back.
 *
 * The session is the one thing faked: next-auth's getServerSession answers with the session cookie's
 * content (store A's user), so the app's own getStoreSession still checks that user in the database.
 *
 * To cover a new action: add it to ACTIONS with arguments naming store B's ids (run ids, record ids,
 * order ids, settings keys). The first test fails while an exported action is missing from ACTIONS.
 */
const ATTACKER = 'attacker1';
const ATTACKER_USER = 2002;
const session: { current: unknown } = { current: null };

vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => session.current,
}));
// Outside a Next request there is no cache to revalidate.
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const ACTIONS_DIR = path.resolve(process.cwd(), 'app/_actions');

type Call = (victim: { storeHash: string; runIds: string[]; recordIds: number[]; orderIds: number[] }) => Promise<unknown>;

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

/** Every server action, called with arguments that name the victim store's data where it takes any. */
const ACTIONS: Record<string, Call> = {
  chooseAccountViewCompany: async () => (await import('@/app/_actions/choose-accountview-company')).chooseAccountViewCompany(form({ code: 'FVR' })),
  disconnectAccountView: async () => (await import('@/app/_actions/disconnect-accountview')).disconnectAccountView(),
  getAccountViewState: async () => (await import('@/app/_actions/get-accountview-state')).getAccountViewState(),
  repairWebhooks: async () => (await import('@/app/_actions/repair-order-webhooks')).repairWebhooks(),
  startAccountViewConnect: async () => (await import('@/app/_actions/start-accountview-connect')).startAccountViewConnect(),
  testAccountViewConnection: async () => (await import('@/app/_actions/test-accountview-connection')).testAccountViewConnection(),
};

/** Names of the async functions exported by 'use server' modules under app/_actions. */
function exportedActions(): string[] {
  const names: string[] = [];
  for (const file of readdirSync(ACTIONS_DIR, { recursive: true, encoding: 'utf8' })) {
    if (!/\.tsx?$/.test(file)) continue;
    const source = readFileSync(path.join(ACTIONS_DIR, file), 'utf8');
    if (!/^['"]use server['"]/m.test(source)) continue;
    for (const match of source.matchAll(/export\s+async\s+function\s+(\w+)/g)) names.push(match[1]!);
  }
  return names.sort();
}

describe('one store cannot reach another', () => {
  let pipeline: OrderPipeline;
  const tables = ['stores', 'store_users', 'accountview_connections', 'webhook_secrets', 'flow_settings', 'id_map', 'sync_runs', 'sync_records', 'sync_checkpoints', 'engine_jobs'];

  beforeAll(async () => {
    pipeline = await startOrderPipeline();
    // The victim has history: an order exported, with its run and records.
    const product = (pipeline.bc.state.stores[VICTIM]?.data.products ?? []).find((p) => p.variants.length <= 1)!;
    pipeline.bc.orders.create(VICTIM, { status_id: 11, products: [{ product_id: product.id, quantity: 1 }] });
    await pipeline.bc.webhooks.settle();
    await pipeline.runner.drain();
    // The attacker's store: installed, one signed-in user, a webhook secret of its own.
    const db = pipeline.database.db;
    await saveInstall(db, ATTACKER, {
      accessTokenEncrypted: encryptSecret('attacker-token', env().ENCRYPTION_KEY, ATTACKER),
      scope: 'store_v2_orders_read_only',
      accountUuid: undefined,
      owner: { id: ATTACKER_USER, email: 'boef@example.nl' },
      installer: { id: ATTACKER_USER, email: 'boef@example.nl' },
    });
    await ensureWebhookSecret(db, ATTACKER, encryptSecret('attacker-webhook-secret', env().ENCRYPTION_KEY, ATTACKER));
  }, 120_000);
  afterAll(async () => pipeline?.close());

  async function victimRows(): Promise<string> {
    const out: Record<string, unknown> = {};
    for (const table of tables) {
      out[table] = rowsOf(await pipeline.database.db.execute(sql`select * from ${sql.identifier(table)} where store_hash = ${VICTIM} order by 1`));
    }
    return JSON.stringify(out);
  }

  async function victimIds() {
    const db = pipeline.database.db;
    return {
      storeHash: VICTIM,
      runIds: rowsOf<{ id: string }>(await db.execute(sql`select id from sync_runs where store_hash = ${VICTIM}`)).map((r) => r.id),
      recordIds: rowsOf<{ id: number }>(await db.execute(sql`select id from sync_records where store_hash = ${VICTIM}`)).map((r) => Number(r.id)),
      orderIds: (pipeline.bc.state.stores[VICTIM]?.data.orders ?? []).map((o) => o.order.id),
    };
  }

  it('every server action is in the list this test walks through, and each reads the session', () => {
    expect(exportedActions()).toEqual(Object.keys(ACTIONS).sort());
    for (const file of readdirSync(ACTIONS_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f))) {
      const source = readFileSync(path.join(ACTIONS_DIR, file), 'utf8');
      if (!/^['"]use server['"]/m.test(source)) continue;
      expect(source, file).toMatch(/(require|get)StoreSession\(\)/);
      // The store never comes from the client.
      expect(source, file).not.toMatch(/storeHash\s*[:=]\s*(formData|input|args|params)/);
    }
  });

  it('without a session, every action refuses and changes nothing', async () => {
    session.current = null;
    const before = await victimRows();
    const ids = await victimIds();
    for (const [name, call] of Object.entries(ACTIONS)) {
      const outcome = await call(ids).then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
      expect('error' in outcome ? (outcome.error as Error).name : 'answered', name).toBe('NoStoreSessionError');
    }
    expect(await victimRows()).toBe(before);
  });

  it('with store A’s session, no action touches or returns store B’s data', async () => {
    session.current = { store: { storeHash: ATTACKER, userId: ATTACKER_USER, email: 'boef@example.nl', isOwner: true } };
    const before = await victimRows();
    const ids = await victimIds();
    expect(ids.runIds.length).toBeGreaterThan(0);
    const secrets = [await pipeline.webhookSecret()];
    for (const [name, call] of Object.entries(ACTIONS)) {
      const outcome = await call(ids).then(
        (value) => JSON.stringify(value ?? null),
        (error: unknown) => `${(error as Error).name}: ${(error as Error).message}`,
      );
      // The action ran as store A (a refused session would make this test pass for the wrong reason).
      expect(outcome, name).not.toMatch(/NoStoreSessionError/);
      expect(outcome, name).not.toContain(VICTIM);
      for (const id of ids.runIds) expect(outcome, name).not.toContain(id);
      for (const secret of secrets) expect(outcome, name).not.toContain(secret);
    }
    expect(await victimRows()).toBe(before);
  });

  it('refuses store A’s webhook secret on a delivery that claims to come from store B', async () => {
    const before = await victimRows();
    const response = await fetch(pipeline.webhookUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [WEBHOOK_SECRET_HEADER]: 'attacker-webhook-secret' },
      body: JSON.stringify({ scope: 'store/order/created', store_id: '1', data: { type: 'order', id: 100 }, hash: 'forged-1', created_at: 1, producer: `stores/${VICTIM}` }),
    });
    expect(response.status).toBe(401);
    expect(await victimRows()).toBe(before);
  });
});
