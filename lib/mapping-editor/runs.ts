import { getDatabase } from '@/lib/db/client';
import { readFlowSettings } from '@/lib/db/queries/flow-settings';
import { readOrderSettings } from '@/lib/db/queries/order-settings';
import { orderFlowSettings, type OrderFlowSettings, type OrderFlowSettingsInput } from '@/lib/flows/orders';
import { previewOrders, type CapturedWrite, type PreviewContext } from '@/lib/flows/orders/preview';
import { productFlowSettings, PRODUCTS_FLOW, type ProductFlowSettings, type ProductFlowSettingsInput } from '@/lib/flows/products';
import { openStoreFlow } from '@/lib/flows/store-ports';
import type { MappingOverrides } from '@/lib/mapping';
import { previewProducts, type ArticlePreview } from '@/lib/previews/products';
import { fieldKeyFor } from './fields';

/** What a flow would do with one real record under one mapping and settings. */
export interface RecordRun {
  id: string;
  label: string;
  state: 'sent' | 'failed' | 'skipped';
  message?: string;
  hint?: string;
  /** The editor field to blame, when the mapping is what failed. */
  fieldKey?: string;
  /** What would be sent, per AccountView record or BigCommerce product, e.g. `{ "Sales order": { fields, lines } }`. */
  sent: Record<string, unknown>;
}

export type Runs = { ok: true; records: RecordRun[] } | { ok: false; reason: string; hint: string; fieldKey?: string };

/** A change the merchant is about to save: mapping overrides and/or settings (validated by the flow's schema). */
export interface OrdersProposal {
  mapping?: MappingOverrides;
  settings?: OrderFlowSettingsInput;
}
export interface ProductsProposal {
  mapping?: MappingOverrides;
  settings?: ProductFlowSettingsInput;
}

const NOT_OPEN_HINT = 'Fix the connection on the Overview page, then try again.';

/** The store's stored orders mapping and settings, and the ports a preview needs. */
export async function openOrdersPreview(storeHash: string): Promise<{ ok: true; ctx: PreviewContext } | { ok: false; reason: string; hint: string }> {
  const stored = await readOrderSettings((await getDatabase()).db, storeHash);
  const opened = await openStoreFlow(storeHash, 'orders', stored, { requireEnabled: false });
  if (!opened.ok) return { ok: false, reason: opened.message, hint: NOT_OPEN_HINT };
  return { ok: true, ctx: { storeHash, ...opened.ports, settings: opened.settings, mapping: stored.ok ? stored.mapping : {} } };
}

const OBJECT_LABELS: Record<string, string> = { AR1: 'Debtor', ADDR: 'Delivery address', SO1: 'Sales order', DJ2: 'Sales invoice' };

function sentOf(writes: CapturedWrite[]): Record<string, unknown> {
  const sent: Record<string, unknown> = {};
  for (const write of writes) {
    const base = `${OBJECT_LABELS[write.businessObject] ?? write.businessObject}${write.kind === 'update' ? ' (update)' : ''}`;
    let label = base;
    for (let n = 2; label in sent; n += 1) label = `${base} ${n}`;
    sent[label] = write.record.lines ? { fields: write.record.fields, lines: write.record.lines } : { fields: write.record.fields };
  }
  return sent;
}

/** Each order previewed on its own, so every write is known to belong to its order. */
export async function runOrders(ctx: PreviewContext, orderIds: number[], overrides: MappingOverrides): Promise<RecordRun[]> {
  const runs: RecordRun[] = [];
  for (const id of orderIds) {
    const preview = await previewOrders(ctx, [id]);
    const failed = preview.summary.results.find((r) => r.outcome === 'failed');
    const hint = preview.records.find((r) => r.outcome === 'failed')?.hint;
    const state = failed ? 'failed' : preview.summary.results.every((r) => r.outcome === 'skipped') ? 'skipped' : 'sent';
    const message = failed?.message ?? (state === 'skipped' ? preview.summary.results[0]?.message : undefined);
    const blamed = failed?.cause === 'mapping' ? fieldKeyFor('orders', /: ([A-Za-z_][\w.[\]]*): /.exec(failed.message ?? '')?.[1], overrides) : undefined;
    runs.push({
      id: String(id),
      label: `Order ${id}`,
      state,
      ...(message ? { message } : {}),
      ...(hint ? { hint } : {}),
      ...(blamed ? { fieldKey: blamed } : {}),
      sent: sentOf(preview.writes),
    });
  }
  return runs;
}

export function productRun(article: ArticlePreview): RecordRun {
  const base = { id: article.code, label: `Article ${article.code}` };
  switch (article.action) {
    case 'create':
      return { ...base, state: 'sent', message: 'New product', sent: { Product: article.body } };
    case 'update':
      return { ...base, state: 'sent', message: article.adopted ? `Links to existing product ${article.productId}` : `Updates product ${article.productId}`, sent: { Product: article.body } };
    case 'skipped':
      return { ...base, state: 'skipped', message: article.message, sent: {} };
    case 'failed':
      return {
        ...base,
        state: 'failed',
        message: article.message,
        ...(article.hint ? { hint: article.hint } : {}),
        ...(article.field ? { fieldKey: article.field } : {}),
        sent: article.body === undefined ? {} : { Product: article.body },
      };
  }
}

/** The products flow's settings as stored, with a proposal's laid over (through the schema). */
export async function productSettings(storeHash: string, proposal?: ProductFlowSettingsInput): Promise<ProductFlowSettings | { problems: string[] }> {
  if (proposal) {
    const parsed = productFlowSettings.safeParse(proposal);
    return parsed.success ? parsed.data : { problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  }
  const stored = await readFlowSettings((await getDatabase()).db, storeHash, PRODUCTS_FLOW, productFlowSettings);
  return stored.ok ? stored.settings : productFlowSettings.parse({});
}

export function orderSettings(proposal: OrderFlowSettingsInput): OrderFlowSettings | { problems: string[] } {
  const parsed = orderFlowSettings.safeParse(proposal);
  return parsed.success ? parsed.data : { problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
}

/** The products flow on articles: the named ones, or the latest changed, under a mapping and settings. */
export async function runProducts(storeHash: string, options: { articleCodes?: string[]; limit?: number; mapping?: MappingOverrides; settings?: ProductFlowSettings }): Promise<Runs> {
  const preview = await previewProducts(storeHash, options);
  if (!preview.ok) return { ok: false, reason: preview.reason, hint: preview.hint, ...(preview.field ? { fieldKey: preview.field } : {}) };
  return { ok: true, records: preview.articles.map(productRun) };
}
