import { z } from 'zod';
import { type Filter, type ReadQuery } from '@/lib/accountview';
import { getDatabase } from '@/lib/db/client';
import type { IdMap } from '@/lib/db/queries/id-map';
import type { RecordEntry } from '@/lib/engine';
import { readProductSettings, syncProducts, type ProductFlowSettings, type ProductsContext } from '@/lib/flows/products';
import { openStoreFlow } from '@/lib/flows/store-ports';
import { MappingCompileError, type MappingOverrides } from '@/lib/mapping';
import { capturingBigCommerce, readOnlyIdMap, selectingAccountView, type ArticleSelection, type CapturedWrite } from './capture';

export type { CapturedWrite } from './capture';

/** What the products flow would do with one article. */
export type ArticlePreview =
  | { code: string; action: 'create'; body: Record<string, unknown> }
  /** `adopted`: a product that was in the store before (same SKU or EAN) would be linked and updated. */
  | { code: string; action: 'update'; productId: number; adopted: boolean; body: Record<string, unknown> }
  /** `field`: the mapping target whose expression failed on this article, when the mapping is the cause. */
  | { code: string; action: 'failed'; message: string; hint?: string; field?: string; body?: unknown }
  | { code: string; action: 'skipped'; message: string };

export type ProductPreview =
  | { ok: true; articles: ArticlePreview[]; writes: CapturedWrite[]; notes: string[] }
  /** Nothing could be previewed: the mapping does not compile (`field` says where), or the store cannot be reached. */
  | { ok: false; reason: string; hint: string; field?: string };

export interface ProductPreviewOptions {
  /** These articles; otherwise the `limit` most recently changed ones (within the store's article groups). */
  articleCodes?: string[];
  /** Default 20, at most 100. */
  limit?: number;
  /** Overrides to preview instead of the stored ones. */
  mapping?: MappingOverrides;
  /** Settings to preview instead of the stored ones. */
  settings?: ProductFlowSettings;
}

/** The store's real clients (reads) and id-map, as a preview needs them. */
export interface PreviewPorts {
  storeHash: string;
  bigcommerce: ProductsContext['bigcommerce'];
  accountview: ProductsContext['accountview'];
  idMap: IdMap;
  now: () => Date;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
// How the flow words a mapping failure (sync-products.ts); the target becomes the field the editor points at.
const MAPPING_FAILURE = /^The mapping of "([^"]+)" failed: /;

/**
 * Runs the real products flow for a store on real AccountView articles, sending nothing: BigCommerce and
 * AccountView are read as usual, every BigCommerce write is captured, the id-map and activity log are left
 * alone. Returns per article the create or update body the flow would send, or why it would fail.
 */
export async function previewProducts(storeHash: string, options: ProductPreviewOptions = {}): Promise<ProductPreview> {
  const stored = await readProductSettings((await getDatabase()).db, storeHash);
  const opened = await openStoreFlow(storeHash, 'products', stored, { requireEnabled: false });
  if (!opened.ok) return { ok: false, reason: opened.message, hint: 'Fix the connection on the overview page, then try again.' };
  const settings = options.settings ?? opened.settings;
  const mapping = options.mapping ?? (stored.ok ? stored.mapping : {});
  return previewProductsWith({ storeHash, ...opened.ports }, settings, mapping, options);
}

/** `previewProducts` over given ports (what the store-level function opens). */
export async function previewProductsWith(
  ports: PreviewPorts,
  settings: ProductFlowSettings,
  mapping: MappingOverrides,
  options: Pick<ProductPreviewOptions, 'articleCodes' | 'limit'> = {},
): Promise<ProductPreview> {
  const limit = Math.min(Math.max(1, options.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
  const selection = await chooseArticles(ports.accountview, settings, options.articleCodes ? { codes: options.articleCodes } : { latest: limit });
  const writes: CapturedWrite[] = [];
  const records: RecordEntry[] = [];
  const notes: string[] = [];
  const read: string[] = [];
  const context: ProductsContext = {
    storeHash: ports.storeHash,
    runId: 'preview',
    trigger: 'manual',
    step: { run: (_id, fn) => fn(), sleep: async () => undefined },
    log: { record: async (entry) => void records.push(entry), info: (message) => void notes.push(message), warn: (message) => void notes.push(message) },
    bigcommerce: capturingBigCommerce(ports.bigcommerce, writes),
    accountview: selectingAccountView(ports.accountview, selection, read),
    idMap: readOnlyIdMap(ports.idMap),
    // A full read of a few articles must not hide every other product as "gone".
    settings: { ...settings, hideGone: false },
    mapping,
    now: ports.now,
  };
  let result: Awaited<ReturnType<typeof syncProducts>>;
  try {
    result = await syncProducts(context, { since: undefined });
  } catch (error) {
    if (error instanceof MappingCompileError) {
      return { ok: false, reason: error.reason, field: error.target || undefined, hint: 'Correct the expression of this field; nothing was sent.' };
    }
    throw error;
  }
  if (result.stopped) return { ok: false, reason: result.stopped, hint: 'Change the products settings, then try again.' };
  // In the order asked for (or newest change first), not the flow's reading order.
  const order = new Map(selection.codes.map((code, i) => [code, i]));
  read.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { ok: true, articles: articlesOf(read, records), writes, notes };
}

const code = z.union([z.string(), z.number()]).transform((v) => String(v).trim());
const chosenRow = z.looseObject({ ART_CODE: code, AG_CODE: code.nullish() });

/**
 * The articles to preview, read first with two columns: the ones named (that exist, within the store's
 * article groups), or the most recently changed. Their groups narrow the flow's category work.
 */
async function chooseArticles(accountview: PreviewPorts['accountview'], settings: ProductFlowSettings, wanted: { codes: string[] } | { latest: number }): Promise<ArticleSelection> {
  const filters: Filter[] = [];
  if ('codes' in wanted) {
    const codes = [...new Set(wanted.codes.map((c) => c.trim()).filter((c) => c !== ''))].slice(0, MAX_LIMIT);
    if (codes.length === 0) return { codes: [], groups: [] };
    filters.push({ field: 'ART_CODE', operator: 'In', values: codes });
  }
  if (settings.articleGroups.length > 0) filters.push({ field: 'AG_CODE', operator: 'In', values: settings.articleGroups });
  const size = 'codes' in wanted ? MAX_LIMIT : wanted.latest;
  const query: ReadQuery = { fields: ['ART_CODE', 'AG_CODE', 'CNG_DATE'], filters, sortFields: ['CNG_DATE'], sortOrder: 'descending', pageSize: Math.max(10, size) };
  const rows: z.output<typeof chosenRow>[] = [];
  for await (const page of accountview.readPages('AK1', query, chosenRow)) {
    rows.push(...page);
    if (rows.length >= size) break;
  }
  const kept = rows.slice(0, size);
  const codes = 'codes' in wanted ? wanted.codes.map((c) => c.trim()).filter((c) => kept.some((r) => r.ART_CODE === c)) : kept.map((r) => r.ART_CODE);
  return { codes: [...new Set(codes)], groups: [...new Set(kept.map((r) => r.AG_CODE ?? '').filter((g) => g !== ''))] };
}

function articlesOf(read: string[], records: RecordEntry[]): ArticlePreview[] {
  // A family's product is logged under the family code, which is its main article's code.
  const byCode = new Map(records.filter((r) => r.entity === 'article' || r.entity === 'article-family').map((r) => [r.sourceId, r]));
  return read.map((code): ArticlePreview => {
    const entry = byCode.get(code);
    if (!entry) return { code, action: 'skipped', message: 'Nothing would be sent for this article on its own: it is part of a variant family whose product is shown under the family code.' };
    const body = (entry.sent ?? {}) as Record<string, unknown>;
    if (entry.outcome === 'created') return { code, action: 'create', body };
    if (entry.outcome === 'updated') {
      const { id, ...fields } = body;
      return { code, action: 'update', productId: Number(id), adopted: /^Linked/.test(entry.message ?? ''), body: fields };
    }
    const field = MAPPING_FAILURE.exec(entry.message ?? '')?.[1];
    return {
      code,
      action: 'failed',
      message: entry.message ?? 'The article could not be sent.',
      ...(entry.hint ? { hint: entry.hint } : {}),
      ...(field ? { field } : {}),
      ...(entry.sent === undefined ? {} : { body: entry.sent }),
    };
  });
}
