import { previewProducts, type ArticlePreview, type CapturedWrite } from '@/lib/previews/products';
import type { RecordPreview, ShownWrite } from './order-preview';

type Plain = string | number | boolean | null;

function plain(value: unknown): Plain {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  return value === undefined ? null : JSON.stringify(value);
}

const plainRecord = (r: unknown): Record<string, Plain> =>
  r && typeof r === 'object' && !Array.isArray(r) ? Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])) : { value: plain(r) };

/** A BigCommerce write as the wizard shows it: one object's fields, or a batch's items as lines. */
function showBigCommerceWrite(write: CapturedWrite): ShownWrite {
  const batch = Array.isArray(write.body);
  return {
    businessObject: `${write.method} ${write.path}`,
    kind: write.method === 'POST' ? 'insert' : 'update',
    fields: batch || write.body === undefined ? {} : plainRecord(write.body),
    lines: batch ? (write.body as unknown[]).map(plainRecord) : [],
  };
}

const OUTCOME = { create: 'created', update: 'updated', failed: 'failed', skipped: 'skipped' } as const;

/**
 * "Test with one real record" for products: the most recently changed article through the real
 * products flow (lib/previews/products.ts), BigCommerce read as usual and every write captured.
 */
export async function previewLatestArticle(storeHash: string): Promise<RecordPreview> {
  const preview = await previewProducts(storeHash, { limit: 1 });
  if (!preview.ok) return { ok: false, message: preview.reason, hint: preview.hint };
  const article: ArticlePreview | undefined = preview.articles[0];
  if (!article) {
    return { ok: false, message: 'AccountView has no article this store would sync, so there is nothing to test with.', hint: 'Check the article groups in the products settings, or add an article in AccountView.' };
  }
  return {
    ok: true,
    label: `article ${article.code}`,
    outcome: OUTCOME[article.action],
    ...('message' in article ? { message: article.message } : {}),
    ...('hint' in article && article.hint ? { hint: article.hint } : {}),
    writes: preview.writes.map(showBigCommerceWrite),
  };
}
