import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NL_SETTINGS } from '../flows/orders/harness';

/**
 * The server actions the cross-store test walks through (cross-store.test.ts), and how it finds them
 * all. Each action is imported when called, so the test file's mocks of next-auth and next/cache
 * apply to it.
 */

/** Where server actions may live: a 'use server' module anywhere below these folders is an action module. */
export const ACTION_ROOTS = ['app', 'components', 'lib'].map((dir) => path.resolve(process.cwd(), dir));

export interface Victim {
  storeHash: string;
  runIds: string[];
  recordIds: number[];
  failedRecordIds: number[];
  orderIds: number[];
}
export type Call = (victim: Victim) => Promise<unknown>;

export function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

/** Calls `action` once per id and gives every answer, so one refused id does not hide the next. */
export async function each<T, R>(ids: readonly T[], action: (id: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const id of ids) out.push(await action(id));
  return out;
}

// Store B's own words, saved before the attack: none of them may come back to store A.
export const VICTIM_MAPPING = { 'salesOrder.COMMENT2': '"Webshop-B-only " & $orderId' };
export const VICTIM_RECIPIENT = 'boekhouding-b@fietsenwinkel.nl';
export const VICTIM_HOOK = 'https://hooks.slack.com/services/T000B/B000B/store-b-only';
export const VICTIM_PROBLEM = 'Store B only: 1 order could not be exported';

export const activity = () => import('@/app/activity/_actions/activity');
const mapping = () => import('@/app/mapping/_actions');
const notifications = () => import('@/app/settings/notifications/actions');

/**
 * Every server action, called with arguments that name the victim store's data where it takes any.
 * Listed in the order they run: store A's own AccountView connection is changed and dropped last, so
 * the previews and tests before run connected (as far as store A's own data goes).
 */
export const ACTIONS: Record<string, Call> = {
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
  dryRunSettingsAction: async (v) =>
    (await import('@/app/settings/[flow]/_actions/dry-run-settings')).dryRunSettingsAction('orders', { ...NL_SETTINGS, storeHash: v.storeHash }),
  // Searched in store A's own administration only, whatever is typed (B's store hash included).
  searchArticlesAction: async (v) => {
    const { searchArticlesAction } = await import('@/app/settings/[flow]/_actions/search-articles');
    return [await searchArticlesAction('HELM'), await searchArticlesAction(v.storeHash)];
  },
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
export function sourceFiles(): { file: string; source: string }[] {
  return ACTION_ROOTS.flatMap((root) =>
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
      .map((f) => ({ file: path.relative(process.cwd(), path.join(root, f)), source: readFileSync(path.join(root, f), 'utf8') })),
  );
}

export const isActionModule = (source: string) => /^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"]use server['"]/.test(source);

/** Names of the async functions exported by 'use server' modules, wherever they are. */
export function exportedActions(): string[] {
  const names: string[] = [];
  for (const { source } of sourceFiles().filter((f) => isActionModule(f.source))) {
    for (const match of source.matchAll(/export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)\s*=\s*async\b)/g)) names.push((match[1] ?? match[2])!);
  }
  return names.sort();
}
