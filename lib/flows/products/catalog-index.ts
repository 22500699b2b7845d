import type { ProductsContext } from './ports';
import { normaliseEan } from './articles';

/**
 * The store's products by SKU and by EAN (UPC or GTIN, leading zeros ignored), read once per run when an
 * article is not in the id-map yet: how products that existed before the app are adopted instead of
 * duplicated. Only four fields per product are kept.
 */
export interface CatalogIndex {
  find(sku: string, ean: string | undefined): number | undefined;
  /** A product this run created, so a later article with the same SKU or EAN finds it. */
  add(id: number, sku: string, ean: string | undefined): void;
  /** A SKU this run freed (a product set aside for a variant family, retire-simple.ts). */
  forget(sku: string): void;
}

export async function loadCatalogIndex(ctx: ProductsContext): Promise<CatalogIndex> {
  const bySku = new Map<string, number>();
  const byEan = new Map<string, number>();
  const add = (id: number, sku: string, ean: string | undefined) => {
    if (sku.trim() !== '') bySku.set(sku.trim().toLowerCase(), id);
    const normalised = normaliseEan(ean);
    if (normalised !== '' && !byEan.has(normalised)) byEan.set(normalised, id);
  };
  for await (const product of ctx.bigcommerce.listProducts({ include_fields: ['sku', 'upc', 'gtin'], limit: 250 })) {
    if (typeof product.id !== 'number') continue;
    add(product.id, product.sku ?? '', product.upc ?? '');
    if (product.gtin) add(product.id, '', product.gtin);
  }
  return {
    find(sku, ean) {
      const found = bySku.get(sku.trim().toLowerCase());
      if (found !== undefined) return found;
      const normalised = normaliseEan(ean);
      return normalised === '' ? undefined : byEan.get(normalised);
    },
    add,
    forget(sku) {
      bySku.delete(sku.trim().toLowerCase());
    },
  };
}
