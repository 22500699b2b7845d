/**
 * The fewest BigCommerce calls a piece of work can take under BigCommerce's documented batch and
 * page limits (/work/shared/reference/bigcommerce.md §2.3–2.5), and the wall time the Standard plan's
 * quota makes unavoidable for them. The benchmarks compare what the flows really did with these.
 */

export const LIMITS = {
  /** GET list pages (products, variants, customers, categories): `limit` at most 250. */
  listPage: 250,
  /** POST /v3/catalog/products: one product per call; its variants, custom fields and categories go inline. */
  productCreate: 1,
  /** PUT /v3/catalog/products: at most 10 products. */
  productUpdate: 10,
  /** PUT /v3/catalog/variants: at most 50 variants. */
  variantUpdate: 50,
  /** PUT /v3/inventory/adjustments/absolute: at most 2000 items. */
  inventoryItems: 2000,
  /** POST and PUT /v3/customers: at most 10 customers. */
  customers: 10,
  /** The Standard plan: 150 requests per 30 s window. */
  quota: 150,
  windowS: 30,
} as const;

/** What a benchmark's run did, counted from the simulators' end state. */
export type Work =
  | {
      kind: 'catalog';
      /** Products in the store before the run: one list read per 250 to match them by SKU/EAN. */
      existingProducts: number;
      /** Simple products created (one POST each). */
      simpleProducts: number;
      /** Products with variants created (one POST each, variants inline). */
      variantProducts: number;
      /** Image files uploaded (one multipart POST each: AccountView images have no public URL). */
      images: number;
      /** Article groups that became categories (one POST with an array). */
      categories: number;
    }
  | { kind: 'stock'; changed: number }
  | { kind: 'customers'; existingCustomers: number; created: number; updated: number };

const pages = (n: number) => Math.max(1, Math.ceil(n / LIMITS.listPage));

/**
 * The fewest calls for the work:
 * - catalog: the store information (price basis, currency) + the existing products (to match, not
 *   duplicate them) + the category tree (one read, one create for all new categories) + one create per
 *   product + one upload per image;
 * - stock: the changed levels in adjustments of 2000 (adjustments take SKUs, so no lookup is needed);
 * - customers: the existing customers (to match by e-mail) + creates and updates of 10.
 * Reads of unchanged records cost nothing: the id-map knows them.
 */
export function minBigCommerceCalls(work: Work): number {
  switch (work.kind) {
    case 'catalog':
      return (
        1 +
        pages(work.existingProducts) +
        1 +
        (work.categories > 0 ? 1 : 0) +
        (work.simpleProducts + work.variantProducts) / LIMITS.productCreate +
        work.images
      );
    case 'stock':
      return Math.ceil(work.changed / LIMITS.inventoryItems);
    case 'customers':
      return pages(work.existingCustomers) + Math.ceil(work.created / LIMITS.customers) + Math.ceil(work.updated / LIMITS.customers);
  }
}

/**
 * BigCommerce's quota is a fixed window: `quota` calls, then nothing until the window ends. `calls`
 * calls therefore need ceil(calls / quota) windows, and the last one starts at the beginning of the last
 * window at the earliest.
 */
export function minWallSeconds(calls: number): number {
  if (calls <= 0) return 0;
  return (Math.ceil(calls / LIMITS.quota) - 1) * LIMITS.windowS;
}
