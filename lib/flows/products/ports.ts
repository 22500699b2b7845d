import type { AccountViewClient } from '@/lib/accountview';
import type { BigCommerceClient } from '@/lib/bigcommerce';
import type { IdMap } from '@/lib/db/queries/id-map';
import type { FlowContext } from '@/lib/engine';
import type { MappingOverrides } from '@/lib/mapping';
import type { ProductFlowSettings } from './settings';

/** What the products flow is given: the store's clients, settings, id-map and mapping overrides, plus the run's step and log. */
export interface ProductsContext extends FlowContext {
  bigcommerce: Pick<
    BigCommerceClient,
    | 'listProducts'
    | 'createProduct'
    | 'request'
    | 'updateProducts'
    | 'getStoreInformation'
    | 'listCustomFields'
    | 'createCustomField'
    | 'updateCustomField'
    | 'uploadProductImage'
    | 'deleteProductImage'
    | 'listVariants'
    | 'updateVariants'
    | 'listProductOptions'
    | 'createProductOption'
    | 'createProductOptionValue'
  >;
  accountview: Pick<AccountViewClient, 'readPages' | 'readAll'>;
  settings: ProductFlowSettings;
  idMap: IdMap;
  /** The store's own expressions by target (see lib/mapping/defaults/products.ts). */
  mapping?: MappingOverrides;
  now: () => Date;
}

export interface ProductSyncSummary {
  created: number;
  updated: number;
  /** Unchanged since the last write: no BigCommerce call. */
  unchanged: number;
  failed: number;
  /** Products hidden because their article is gone (full reads only). */
  hidden: number;
  /** Products of articles that joined a variant family: hidden, SKU freed for the variant (retire-simple.ts). */
  retired: number;
  /** Article groups that became a category, or whose category was renamed. */
  categoriesCreated: number;
  categoriesRenamed: number;
  /** Articles of a variant family read this run (each is a variant of its family's product). */
  variantArticles: number;
  /** Variant families: products created, updated (the product itself), and families without any write. */
  familiesCreated: number;
  familiesUpdated: number;
  familiesUnchanged: number;
  /** Variants created (new articles of a family, or with a new family) and updated (sku, EAN, price, weight, purchasing). */
  variantsCreated: number;
  variantsUpdated: number;
  /** The newest change date read; the next run starts there. */
  newestChange: string | undefined;
}
