import { MappingError, type CompiledMapping } from '@/lib/mapping';
import { mappingInput, type ArticleRow } from './articles';
import type { ProductsContext } from './ports';

export interface Basis {
  pricesIncludeVat: boolean;
  vatRates: Record<string, number>;
  /** AG_CODE → category id; empty when categories are off. */
  categories: Map<string, number>;
}

export type MappedArticle = { ok: true; record: Record<string, unknown> } | { ok: false; message: string; hint: string };

/**
 * One article through the products mapping, in `update` mode (only `always` fields) or `create` mode
 * (every field). A problem of the article itself (unknown VAT rate, an expression that fails on its data)
 * comes back as a message with a hint instead of an exception.
 */
export async function mapArticle(ctx: ProductsContext, compiled: CompiledMapping, basis: Basis, row: ArticleRow, mode: 'update' | 'create'): Promise<MappedArticle> {
  const vatRate = basis.vatRates[row.VAT_CODE ?? ''];
  if (vatRate === undefined && basis.pricesIncludeVat) {
    // A guessed rate would put a wrong price in the shop.
    return {
      ok: false,
      message: `The VAT code "${row.VAT_CODE ?? ''}" has no known percentage, so the price including VAT cannot be worked out.`,
      hint: 'Add the code to the VAT rates in the products settings, or give the article another VAT code in AccountView.',
    };
  }
  const bindings = {
    pricesIncludeVat: basis.pricesIncludeVat,
    vatRate: vatRate ?? 0,
    taxClassId: ctx.settings.taxClasses[String(row.VAT_CODE ?? '').trim()],
    defaultWeight: ctx.settings.defaultWeight,
    hideBlocked: ctx.settings.hideBlocked,
  };
  try {
    return { ok: true, record: (await compiled.evaluate(mappingInput(row), bindings, { mode })).record };
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    return { ok: false, message: `The mapping of "${error.target}" failed: ${error.reason}`, hint: 'Fix the article in AccountView or the products mapping for this field.' };
  }
}

/** The article group's category (undefined when categories are off or the group has none). */
export function categoryOf(basis: Basis, row: ArticleRow): number | undefined {
  return basis.categories.get(String(row.AG_CODE ?? '').trim());
}
