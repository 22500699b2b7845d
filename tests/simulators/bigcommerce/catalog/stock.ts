import type { StoreData } from '../store-data';
import { DEFAULT_LOCATION_ID, type StockLevel } from './inventory-types';

/** Inventory above this is refused by the Inventory API and clamped by the Catalog API (reference §2.4). */
export const MAX_STOCK = 2_147_483_647;

export function stockOf(data: StoreData, locationId: number, variantId: number): StockLevel | undefined {
  return data.stock.find((s) => s.location_id === locationId && s.variant_id === variantId);
}

export function onHand(data: StoreData, variantId: number, locationId = DEFAULT_LOCATION_ID): number {
  return stockOf(data, locationId, variantId)?.on_hand ?? 0;
}

export function setOnHand(data: StoreData, item: { location_id: number; product_id: number; variant_id: number }, quantity: number): StockLevel {
  let level = stockOf(data, item.location_id, item.variant_id);
  if (!level) {
    level = { ...item, on_hand: 0, safety_stock: 0, is_in_stock: true, warning_level: 0, bin_picking_number: '' };
    data.stock.push(level);
  }
  level.on_hand = quantity;
  return level;
}

export function dropStock(data: StoreData, variantIds: readonly number[]): void {
  data.stock = data.stock.filter((s) => !variantIds.includes(s.variant_id));
}
