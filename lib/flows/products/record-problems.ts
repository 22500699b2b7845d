import { BigCommerceApiError } from '@/lib/bigcommerce';
import type { ProductsContext } from './ports';

/** Id-map entity: source id is ART_CODE, target id the BigCommerce product id. */
export const PRODUCT_ENTITY = 'product';

/** Whether a BigCommerce refusal concerns the record (bad or conflicting data) rather than the connection. */
export const isRecordProblem = (error: unknown): error is BigCommerceApiError =>
  error instanceof BigCommerceApiError && [400, 404, 409, 413, 422].includes(error.status);

export function hintFor(error: BigCommerceApiError): string {
  if (error.status === 409 && ('name' in error.errors || /\bname\b/i.test(error.title))) {
    // BigCommerce product names are unique per store, like SKUs.
    return 'Another product in BigCommerce already has this name: rename one of them (in BigCommerce, or the article in AccountView).';
  }
  if (error.status === 409) return 'Another product or variant in BigCommerce already has this SKU: give one of them another SKU, or link them by giving the product the article code.';
  if (error.status === 404) return 'The product was deleted in BigCommerce; it is created again after its id-map entry is removed.';
  return 'Check the article in AccountView (name, price, weight) and the products mapping.';
}

/** Id-map entity of a variant family: source id is the grouping value (MAIN_ART), target id the product id. */
export const PRODUCT_FAMILY_ENTITY = 'product-family';
/** Id-map entity of an article in a family: source id is ART_CODE, target id the variant id. */
export const PRODUCT_VARIANT_ENTITY = 'product-variant';

/**
 * An expected per-record problem: kept on the id-map row and in the activity log, with what to do about it.
 * `entity` is the id-map entity (a simple product's by default); the log always speaks of the article.
 */
export async function fail(ctx: ProductsContext, code: string, message: string, hint: string, sent: unknown, entity: string = PRODUCT_ENTITY): Promise<{ kind: 'failed' }> {
  await ctx.idMap.putFailed(entity, code, message);
  await ctx.log.record({ entity: entity === PRODUCT_FAMILY_ENTITY ? 'article-family' : 'article', sourceId: code, outcome: 'failed', message, hint, sent, searchText: code });
  return { kind: 'failed' };
}

