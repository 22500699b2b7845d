import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { saveInstall } from '@/lib/db/queries/stores';
import { env } from '@/lib/env';
import { encryptSecret } from '@/lib/security/secrets';
import { WEBHOOK_SECRET_HEADER } from '@/lib/webhooks';
import { ensureWebhookSecret } from '@/lib/db/queries/webhook-secrets';
import { chooseCompany, completeConnect, consentUrl } from '@/lib/accountview-connection';
import { openProblem } from '@/lib/db/queries/notifications';
import { saveMapping } from '@/lib/mapping-editor/editor';
import { updateNotificationSettings } from '@/lib/notifications';
import { storeOnboarding } from '@/lib/onboarding';
import { PIPELINE_STORE as VICTIM, startOrderPipeline, type OrderPipeline } from '../../helpers/order-pipeline';
import { installApp } from '../../simulators/bigcommerce';
import { rowsOf } from '../engine/helpers';
import { ACTIONS, activity, each, exportedActions, isActionModule, sourceFiles, VICTIM_HOOK, VICTIM_MAPPING, VICTIM_PROBLEM, VICTIM_RECIPIENT, type Victim } from './cross-store-actions';

/**
 * A signed-in user of store A (the "attacker") calls every server action the app has, with every
 * argument that could name store B's things; and uses store A's webhook secret for store B. Store B
 * — installed, connected to AccountView, with webhooks, runs, failed records, settings, a mapping,
 * notification settings, a finished setup wizard and an open problem — is left exactly as it was
 * (every table's rows of B, byte for byte) and nothing of it comes back. Store A is a real second
 * store (installed in BigCommerce, connected to an AccountView administration of its own), so each
 * action gets as far as it would in production instead of stopping at "not connected".
 *
 * The session is the one thing faked: next-auth's getServerSession answers with the session cookie's
 * content (store A's user), so the app's own getStoreSession still checks that user in the database.
 *
 * To cover a new action: add it to ACTIONS (cross-store-actions.ts) with arguments naming store B's
 * things (run ids, record ids, order ids, flow names, settings or mapping payloads). The first test
 * fails while an async function exported by a 'use server' module under app/, components/ or lib/
 * is missing from ACTIONS.
 */
const ATTACKER = 'xyz789ghi';
const ATTACKER_USER = 2002;
const session: { current: unknown } = { current: null };

vi.mock('next-auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next-auth')>()),
  getServerSession: async () => session.current,
}));
// Outside a Next request there is no cache to revalidate.
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

describe('one store cannot reach another', () => {
  let pipeline: OrderPipeline;
  const tables = [
    'stores',
    'store_users',
    'used_tokens',
    'accountview_connections',
    'webhook_secrets',
    'flow_settings',
    'notification_problems',
    'id_map',
    'sync_runs',
    'sync_records',
    'sync_checkpoints',
    'engine_jobs',
    'engine_steps',
  ];

  beforeAll(async () => {
    pipeline = await startOrderPipeline();
    const db = pipeline.database.db;
    // The victim has history: one order exported, one failed (an article AccountView does not know).
    const line = (sku: string) => {
      const p = (pipeline.bc.state.stores[VICTIM]?.data.products ?? []).find((x) => x.sku === sku || x.variants.some((v) => v.sku === sku))!;
      const variant = p.variants.find((v) => v.sku === sku);
      return { product_id: p.id, ...(variant ? { variant_id: variant.id } : {}), quantity: 1 };
    };
    pipeline.bc.orders.create(VICTIM, { status_id: 11, products: [line('BEL-MESSING')] });
    pipeline.bc.orders.create(VICTIM, { status_id: 11, products: [line('HELM-URBAN-L')] });
    await pipeline.bc.webhooks.settle();
    await pipeline.runner.drain();
    // …its own mapping, notification settings, a finished setup wizard and an open problem.
    const mapped = await saveMapping(VICTIM, 'orders', { mapping: VICTIM_MAPPING });
    if (!mapped.ok) throw new Error(`victim mapping refused: ${JSON.stringify(mapped)}`);
    const notified = await updateNotificationSettings(VICTIM, { recipients: [VICTIM_RECIPIENT], webhookUrl: VICTIM_HOOK, dailySummary: true });
    if (!notified.ok) throw new Error(`victim notification settings refused: ${JSON.stringify(notified.problems)}`);
    await storeOnboarding.save(VICTIM, { flows: ['orders'], answered: ['orders'], step: 'done' });
    const [failedRun] = rowsOf<{ id: string }>(await db.execute(sql`select run_id as id from sync_records where store_hash = ${VICTIM} and outcome = 'failed'`));
    await openProblem(db, VICTIM, { key: 'orders:records-failing', flow: 'orders', kind: 'records-failing', message: VICTIM_PROBLEM, hint: 'Create the article in AccountView.', ...(failedRun ? { runId: failedRun.id } : {}) });

    // The attacker's store: installed in BigCommerce and here, one signed-in user, a webhook secret
    // of its own, connected to an AccountView administration of its own.
    const token = await installApp(pipeline.bc, ATTACKER);
    await saveInstall(db, ATTACKER, {
      accessTokenEncrypted: encryptSecret(token, env().ENCRYPTION_KEY, ATTACKER),
      scope: 'store_v2_orders_read_only',
      accountUuid: undefined,
      owner: { id: ATTACKER_USER, email: 'boef@example.nl' },
      installer: { id: ATTACKER_USER, email: 'boef@example.nl' },
    });
    await ensureWebhookSecret(db, ATTACKER, encryptSecret('attacker-webhook-secret', env().ENCRYPTION_KEY, ATTACKER));
    const state = new URL(consentUrl({ storeHash: ATTACKER, userId: ATTACKER_USER })).searchParams.get('state') ?? '';
    const redirectUri = `${pipeline.origin}/api/accountview/callback`;
    const code = pipeline.av.issueCode({ clientId: env().ACCOUNTVIEW_CLIENT_ID!, redirectUri, scope: 'readaccountviewdata updateaccountviewdata' });
    await completeConnect(new URLSearchParams({ code, state }));
    await chooseCompany(ATTACKER, 'HANK');
  }, 120_000);
  afterAll(async () => pipeline?.close());

  async function victimRows(): Promise<string> {
    const out: Record<string, unknown> = {};
    for (const table of tables) {
      // Ordered by the whole row: rows sharing a store hash still come back in one fixed order.
      out[table] = rowsOf(await pipeline.database.db.execute(sql`select * from ${sql.identifier(table)} t where t.store_hash = ${VICTIM} order by t::text`));
    }
    return JSON.stringify(out);
  }

  /** Store B's shop in the BigCommerce simulator: orders, catalogue, webhooks. */
  function victimShop(): string {
    return JSON.stringify(pipeline.bc.state.stores[VICTIM]?.data);
  }

  async function victimIds(): Promise<Victim> {
    const db = pipeline.database.db;
    const records = rowsOf<{ id: number; outcome: string }>(await db.execute(sql`select id, outcome from sync_records where store_hash = ${VICTIM} order by id`));
    return {
      storeHash: VICTIM,
      runIds: rowsOf<{ id: string }>(await db.execute(sql`select id from sync_runs where store_hash = ${VICTIM}`)).map((r) => r.id),
      recordIds: records.map((r) => Number(r.id)),
      failedRecordIds: records.filter((r) => r.outcome === 'failed').map((r) => Number(r.id)),
      orderIds: (pipeline.bc.state.stores[VICTIM]?.data.orders ?? []).map((o) => o.order.id),
    };
  }

  /** Every text of store B's rows that is its own (ids, tokens, addresses, expressions), not a date or a word any store has. */
  async function victimTexts(): Promise<string[]> {
    const texts = new Set<string>([VICTIM, await pipeline.webhookSecret(), VICTIM_RECIPIENT, VICTIM_HOOK, VICTIM_PROBLEM, 'Webshop-B-only', 'eigenaar@fietsenwinkel.nl']);
    const db = pipeline.database.db;
    for (const table of ['stores', 'accountview_connections', 'webhook_secrets', 'sync_runs']) {
      for (const row of rowsOf<Record<string, unknown>>(await db.execute(sql`select * from ${sql.identifier(table)} where store_hash = ${VICTIM}`))) {
        for (const value of Object.values(row)) if (typeof value === 'string' && value.length >= 16 && !/^\d{4}-\d\d-\d\d/.test(value) && !/\s/.test(value)) texts.add(value);
      }
    }
    return [...texts];
  }

  it('every server action is in the list this test walks through, and each reads the session', () => {
    const files = sourceFiles();
    // An action declared inside a component cannot be listed here: actions live in 'use server' modules.
    expect(files.filter((f) => !isActionModule(f.source) && /['"]use server['"]/.test(f.source)).map((f) => f.file)).toEqual([]);
    const modules = files.filter((f) => isActionModule(f.source));
    expect(modules.length).toBeGreaterThan(6);
    expect(exportedActions()).toEqual(Object.keys(ACTIONS).sort());
    for (const { file, source } of modules) {
      expect(source, file).toMatch(/(require|get)StoreSession\(\)/);
      // The store never comes from the client.
      expect(source, file).not.toMatch(/storeHash\s*[:=]\s*(formData|input|args|params|raw|answers|settings|proposal)/);
    }
  });

  it('store B has runs, failed records, settings, a mapping and an open problem before the attack', async () => {
    const ids = await victimIds();
    expect(ids.runIds.length).toBeGreaterThan(0);
    expect(ids.failedRecordIds.length).toBeGreaterThan(0);
    expect(ids.recordIds.length).toBeGreaterThan(ids.failedRecordIds.length);
    const rows = JSON.parse(await victimRows()) as Record<string, Record<string, unknown>[]>;
    const flows = (rows.flow_settings ?? []).map((r) => r.flow);
    expect(flows).toEqual(expect.arrayContaining(['orders', 'notifications', 'onboarding']));
    expect(JSON.stringify(rows.flow_settings)).toContain('Webshop-B-only');
    expect(rows.notification_problems).toHaveLength(1);
    expect(rows.id_map?.length).toBeGreaterThan(0);
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
    const shopBefore = victimShop();
    const ids = await victimIds();
    const texts = await victimTexts();
    for (const [name, call] of Object.entries(ACTIONS)) {
      const outcome = await call(ids).then(
        (value) => JSON.stringify(value ?? null),
        (error: unknown) => `${(error as Error).name}: ${(error as Error).message}`,
      );
      // The action ran as store A (a refused session would make this test pass for the wrong reason).
      expect(outcome, name).not.toMatch(/NoStoreSessionError/);
      for (const text of texts) expect(outcome, name).not.toContain(text);
      for (const id of ids.runIds) expect(outcome, name).not.toContain(id);
    }
    // What the actions queued for store A has run (or given up) before B is compared.
    await pipeline.runner.drain();
    expect(await victimRows()).toBe(before);
    expect(victimShop()).toBe(shopBefore);
    // …while store A's own rows did change: the actions acted, for store A.
    const mine = rowsOf<{ flow: string; mapping: unknown }>(await pipeline.database.db.execute(sql`select flow, mapping from flow_settings where store_hash = ${ATTACKER}`));
    expect(mine.map((r) => r.flow)).toEqual(expect.arrayContaining(['orders', 'notifications', 'onboarding', 'activity-log']));
    expect(JSON.stringify(mine)).toContain('Store A ');
  }, 90_000); // 27 actions against both simulators: slow on a busy machine.

  it('answers store A about store B’s run and record ids exactly as about ids that exist nowhere', async () => {
    session.current = { store: { storeHash: ATTACKER, userId: ATTACKER_USER, email: 'boef@example.nl', isOwner: true } };
    const ids = await victimIds();
    const { retryRecordAction, retryRunAction } = await activity();
    // Not even whether B has such a run or record (or whether it failed) may be told apart.
    const nowhere = { record: await retryRecordAction(2_000_000_000), run: await retryRunAction('00000000-0000-4000-8000-000000000000') };
    expect(nowhere.record.ok).toBe(false);
    expect(await each(ids.recordIds, retryRecordAction)).toEqual(ids.recordIds.map(() => nowhere.record));
    expect(await each(ids.runIds, retryRunAction)).toEqual(ids.runIds.map(() => nowhere.run));
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
