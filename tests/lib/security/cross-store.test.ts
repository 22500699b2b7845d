import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
import { NL_SETTINGS } from '../flows/orders/harness';

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
 * To cover a new action: add it to ACTIONS with arguments naming store B's things (run ids, record
 * ids, order ids, flow names, settings or mapping payloads). The first test fails while an async
 * function exported by a 'use server' module anywhere under app/, components/ or lib/ is missing.
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

/** Where server actions may live: a 'use server' module anywhere below these folders is an action module. */
const ACTION_ROOTS = ['app', 'components', 'lib'].map((dir) => path.resolve(process.cwd(), dir));

interface Victim {
  storeHash: string;
  runIds: string[];
  recordIds: number[];
  failedRecordIds: number[];
  orderIds: number[];
}
type Call = (victim: Victim) => Promise<unknown>;

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

/** Calls `action` once per id and gives every answer, so one refused id does not hide the next. */
async function each<T, R>(ids: readonly T[], action: (id: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const id of ids) out.push(await action(id));
  return out;
}

// Store B's own words, saved before the attack: none of them may come back to store A.
const VICTIM_MAPPING = { 'salesOrder.COMMENT2': '"Webshop-B-only " & $orderId' };
const VICTIM_RECIPIENT = 'boekhouding-b@fietsenwinkel.nl';
const VICTIM_HOOK = 'https://hooks.slack.com/services/T000B/B000B/store-b-only';
const VICTIM_PROBLEM = 'Store B only: 1 order could not be exported';

const activity = () => import('@/app/activity/_actions/activity');
const mapping = () => import('@/app/mapping/_actions');
const notifications = () => import('@/app/settings/notifications/actions');

/**
 * Every server action, called with arguments that name the victim store's data where it takes any.
 * Listed in the order they run: store A's own AccountView connection is changed and dropped last, so
 * the previews and tests before run connected (as far as store A's own data goes).
 */
const ACTIONS: Record<string, Call> = {
  getAccountViewState: async () => (await import('@/app/_actions/get-accountview-state')).getAccountViewState(),
  repairWebhooks: async () => (await import('@/app/_actions/repair-order-webhooks')).repairWebhooks(),
  startAccountViewConnect: async () => (await import('@/app/_actions/start-accountview-connect')).startAccountViewConnect(),
  testAccountViewConnection: async () => (await import('@/app/_actions/test-accountview-connection')).testAccountViewConnection(),
  // Activity log: B's record and run ids, B's order numbers.
  retryRecordAction: async (v) => each([...v.failedRecordIds, ...v.recordIds], async (id) => (await activity()).retryRecordAction(id)),
  retryRunAction: async (v) => each(v.runIds, async (id) => (await activity()).retryRunAction(id)),
  exportOrdersAction: async (v) => (await activity()).exportOrdersAction(v.orderIds.join(', ')),
  importHistoryAction: async () => (await activity()).importHistoryAction('2026-01-01'),
  coverageAction: async () => (await activity()).coverageAction('2026-01-01', new Date().toISOString().slice(0, 10)),
  saveRetentionAction: async () => (await activity()).saveRetentionAction('7'),
  // Flow switches and settings: the flows B has switched on, B's settings as the payload.
  setFlowSwitch: async () => {
    const { setFlowSwitch } = await import('@/app/_components/flow-actions');
    return [await setFlowSwitch('orders', 'pause'), await setFlowSwitch('orders', 'resume'), await setFlowSwitch('products', 'switch-on')];
  },
  saveFlowSettingsAction: async (v) =>
    (await import('@/app/settings/[flow]/_actions/save-flow-settings')).saveFlowSettingsAction('orders', { ...NL_SETTINGS, storeHash: v.storeHash }),
  setFlowStateAction: async () => {
    const { setFlowStateAction } = await import('@/app/settings/[flow]/_actions/set-flow-state');
    return [await setFlowStateAction('orders', { paused: true }), await setFlowStateAction('orders', { enabled: false, paused: false })];
  },
  saveNotifications: async () => (await notifications()).saveNotifications({ recipients: 'boef@example.nl', webhookUrl: '', dailySummary: true }),
  sendTestMessage: async () => (await notifications()).sendTestMessage({ recipients: 'boef@example.nl', webhookUrl: '', dailySummary: false }),
  // Data mapper: B's order ids as the sample, a mapping payload of B's shape.
  previewMappingAction: async (v) => {
    const { previewMappingAction } = await mapping();
    return [
      ...(await each(v.orderIds, (id) => previewMappingAction('orders', { mapping: VICTIM_MAPPING }, String(id)))),
      await previewMappingAction('products', { mapping: {} }, 'HELM-URBAN-M'),
    ];
  },
  dryRunMappingAction: async () => (await mapping()).dryRunMappingAction('orders', { mapping: VICTIM_MAPPING }),
  saveMappingAction: async () => (await mapping()).saveMappingAction('orders', { mapping: { 'salesOrder.COMMENT2': '"Store A " & $orderId' } }),
  // Setup wizard: every step, with answers shaped like B's.
  chooseSetupFlows: async () => (await import('@/app/setup/_actions/choose-flows')).chooseSetupFlows(['orders', 'products']),
  answerSetupQuestions: async () => (await import('@/app/setup/_actions/answer-questions')).answerSetupQuestions({ orders: { ...NL_SETTINGS } }),
  goToSetupStep: async () => {
    const { goToSetupStep } = await import('@/app/setup/_actions/go-to-step');
    return [await goToSetupStep('test'), await goToSetupStep('switch-on'), await goToSetupStep('flows')];
  },
  testLatestOrder: async () => (await import('@/app/setup/_actions/test-order')).testLatestOrder(),
  testLatestArticle: async () => (await import('@/app/setup/_actions/test-article')).testLatestArticle(),
  switchOnSetup: async () => (await import('@/app/setup/_actions/switch-on')).switchOnSetup(),
  setUpLater: async () => (await import('@/app/setup/_actions/set-up-later')).setUpLater(),
  // B's AccountView administration, asked for by store A; then store A lets go of its own connection.
  chooseAccountViewCompany: async () => (await import('@/app/_actions/choose-accountview-company')).chooseAccountViewCompany(form({ code: 'FVR' })),
  disconnectAccountView: async () => (await import('@/app/_actions/disconnect-accountview')).disconnectAccountView(),
};

/** Source files below the action roots (test files excluded). */
function sourceFiles(): { file: string; source: string }[] {
  return ACTION_ROOTS.flatMap((root) =>
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
      .map((f) => ({ file: path.relative(process.cwd(), path.join(root, f)), source: readFileSync(path.join(root, f), 'utf8') })),
  );
}

const isActionModule = (source: string) => /^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"]use server['"]/.test(source);

/** Names of the async functions exported by 'use server' modules, wherever they are. */
function exportedActions(): string[] {
  const names: string[] = [];
  for (const { source } of sourceFiles().filter((f) => isActionModule(f.source))) {
    for (const match of source.matchAll(/export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)\s*=\s*async\b)/g)) names.push((match[1] ?? match[2])!);
  }
  return names.sort();
}

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
  });

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
