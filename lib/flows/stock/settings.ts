import { z } from 'zod';

/**
 * What a merchant can set for the stock flow. One schema: the settings page, the stored JSON and the
 * flow all go through it.
 */

/** BigCommerce's default location (reference §2.4): the store's shipping origin, the one the storefront counts. */
export const DEFAULT_LOCATION_ID = 1;

/**
 * How an article's quantity is computed from AccountView's stock columns:
 * - `available` (default): `QTY_AVAIL`, AccountView's own "technical stock minus sales reservations"
 *   (QTY_TECH − QTY_RES). Read as is rather than recomputed: QTY_AVAIL is the column PHP sends to
 *   webshops in production; QTY_RES is only an assumed name.
 * - `technical`: `QTY_TECH`, everything on the shelf, reserved or not.
 * - `available-plus-ordered`: `QTY_AVAIL + QTY_BESTEL`, also counting stock on purchase order.
 */
export const STOCK_CALCULATIONS = ['available', 'technical', 'available-plus-ordered'] as const;
export type StockCalculation = (typeof STOCK_CALCULATIONS)[number];

export const stockFlowSettings = z.object({
  calculation: z.enum(STOCK_CALCULATIONS).default('available'),
  /**
   * On: BigCommerce tracks inventory for every synced product (`inventory_tracking` set to `product` for
   * simple products, `variant` for products with variants) before its stock is set. Off: tracking is the
   * merchant's; a variant of a product tracked per product is then skipped (BigCommerce refuses it).
   */
  manageStock: z.boolean().default(true),
  /** The BigCommerce inventory location the levels are set at. */
  locationId: z.number().int().positive().default(DEFAULT_LOCATION_ID),
});

export type StockFlowSettings = z.output<typeof stockFlowSettings>;
export type StockFlowSettingsInput = z.input<typeof stockFlowSettings>;

export function defaultStockFlowSettings(): StockFlowSettings {
  return stockFlowSettings.parse({});
}
