import { loadChoiceLists, type ChoiceListName, type ChoiceLists } from '@/lib/choice-lists';
import { storeFlowSettings, type SetupFlow } from '@/lib/onboarding';

export interface FlowSettingsData {
  flow: SetupFlow;
  /** The settings with every default filled in; undefined when the stored ones no longer pass the schema. */
  settings: Record<string, unknown> | undefined;
  /** Why the stored settings were refused (after an upgrade): shown at the fields, defaults offered instead. */
  storedProblems: { path: string; message: string }[];
  enabled: boolean;
  paused: boolean;
  lists: ChoiceLists;
}

const LISTS: Record<SetupFlow, ChoiceListName[]> = {
  orders: ['orderStatuses', 'paymentMethods', 'shippingMethods', 'vatCodes', 'ledgerAccounts', 'articles', 'paymentTerms'],
  products: ['vatCodes', 'taxClasses'],
  stock: [],
  customers: [],
};

/** Article codes the orders settings already use, so the article pickers always hold them. */
function usedArticles(settings: Record<string, unknown> | undefined): string[] {
  const lines = settings?.serviceLines;
  const byMethod = settings?.shippingMethodMap;
  const methodArticles = byMethod && typeof byMethod === 'object' ? Object.values(byMethod as Record<string, { article?: string }>).map((t) => t.article ?? '') : [];
  if (!lines || typeof lines !== 'object') return methodArticles.filter((c) => c !== '');
  const lineArticles = Object.values(lines as Record<string, { article?: string; articlesByVatCode?: Record<string, string> }>).flatMap((l) => [l.article ?? '', ...Object.values(l.articlesByVatCode ?? {})]);
  return [...lineArticles, ...methodArticles];
}

export async function loadFlowSettings(storeHash: string, flow: SetupFlow): Promise<FlowSettingsData> {
  const stored = await storeFlowSettings.read(storeHash, flow);
  const settings = stored.ok ? (stored.settings as Record<string, unknown>) : undefined;
  const lists = await loadChoiceLists(storeHash, LISTS[flow], { articleCodes: usedArticles(settings) });
  return { flow, settings, storedProblems: stored.ok ? [] : stored.problems, enabled: stored.enabled, paused: stored.paused, lists };
}
