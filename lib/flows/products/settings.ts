import { z } from 'zod';

/**
 * Everything a merchant can set for the products flow. One schema: the stored JSON (`flow_settings`,
 * flow 'products') and the flow both go through it.
 */
export const productFlowSettings = z.object({
  /** Only articles of these article groups (AG_CODE); empty: every article. */
  articleGroups: z.array(z.string().trim().min(1).max(10)).default([]),
  /** Weight (in the store's unit) for articles without one; BigCommerce requires a weight. */
  defaultWeight: z.number().min(0).default(0),
  /** Blocked articles (REC_BLK) make the product invisible; products are never deleted. */
  hideBlocked: z.boolean().default(true),
  /**
   * Products whose article is gone from AccountView (deleted, or moved out of `articleGroups`) are hidden;
   * noticed on a full read, which happens at least every `fullReadEveryHours`.
   */
  hideGone: z.boolean().default(true),
  fullReadEveryHours: z.number().int().min(1).max(24 * 30).default(24),
  /** AccountView VAT code → percentage, used when the administration's VAT table has no percentage. */
  vatRates: z.record(z.string(), z.number().min(0).max(100)).default({ '0': 0, '1': 9, '2': 21 }),
  /**
   * AccountView VAT code → BigCommerce tax class id, so the shop charges the article's VAT (e.g. code 1,
   * 9 %, → a "Reduced" class). A code without a class leaves the product on the store's default class.
   */
  taxClasses: z.record(z.string(), z.number().int().min(0)).default({}),
  /** The currency AccountView's prices are in; a store with another default currency is not synced. */
  currency: z.string().trim().length(3).toUpperCase().default('EUR'),
  /**
   * Per mapping target, "set on create only" (`create-only`) or "keep updated" (`always`), over the
   * default mapping's choice; e.g. `{ "description": "always" }` makes AccountView own the long description.
   */
  fieldModes: z.record(z.string(), z.enum(['always', 'create-only'])).default({}),
  /**
   * The article column that groups variants into a family (MAIN_ART): the articles sharing a value become
   * ONE BigCommerce product (SKU = that value) with an option per `variantOptions` field and a variant per
   * article. Empty: no grouping, every article becomes a product of its own.
   */
  variantGroupField: z.string().trim().toUpperCase().regex(/^([A-Z][A-Z0-9_]*)?$/, 'must be an AccountView field name').default('MAIN_ART'),
  /**
   * Which article columns are a family's options, and the name shoppers see for each (mapped by hand:
   * AccountView has no notion of option names). Order = order on the storefront. A family uses the
   * options its articles fill in; every article of the family must fill in each of those.
   */
  variantOptions: z
    .array(
      z.object({
        field: z.string().trim().toUpperCase().regex(/^[A-Z][A-Z0-9_]*$/, 'must be an AccountView field name'),
        name: z.string().trim().min(1).max(255),
      }),
    )
    .max(10)
    .default([
      { field: 'VAR_SIZE', name: 'Size' },
      { field: 'VAR_COLOR', name: 'Colour' },
    ]),
  /** Article groups become BigCommerce categories (in the default channel's tree) and products are put in theirs. */
  categories: z.boolean().default(true),
  /** The category the group categories go under; 0: top level. */
  categoryParentId: z.number().int().min(0).default(0),
  /** Articles read per AccountView page (one page in memory at a time). */
  pageSize: z.number().int().min(10).max(1000).default(250),
});

export type ProductFlowSettings = z.output<typeof productFlowSettings>;
export type ProductFlowSettingsInput = z.input<typeof productFlowSettings>;

export function defaultProductFlowSettings(): ProductFlowSettings {
  return productFlowSettings.parse({});
}
