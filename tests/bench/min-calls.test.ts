import { describe, expect, it } from 'vitest';
import { LIMITS, minBigCommerceCalls, minWallSeconds } from './min-calls';

describe('the fewest BigCommerce calls a piece of work allows', () => {
  it('counts a first catalog sync: store information, existing products, category tree, one create per product, one upload per image', () => {
    // 1 store info + 2 pages of 251 existing products + 1 tree read + 1 category create + 9,200 creates + 360 uploads.
    expect(minBigCommerceCalls({ kind: 'catalog', existingProducts: 251, simpleProducts: 9_000, variantProducts: 200, images: 360, categories: 40 })).toBe(9_565);
    // Nothing in the store and no new categories: still one read of each to know that.
    expect(minBigCommerceCalls({ kind: 'catalog', existingProducts: 0, simpleProducts: 1, variantProducts: 0, images: 0, categories: 0 })).toBe(4);
  });

  it('sends changed stock in adjustments of 2000 items and nothing when nothing changed', () => {
    expect(minBigCommerceCalls({ kind: 'stock', changed: 0 })).toBe(0);
    expect(minBigCommerceCalls({ kind: 'stock', changed: 300 })).toBe(1);
    expect(minBigCommerceCalls({ kind: 'stock', changed: LIMITS.inventoryItems + 1 })).toBe(2);
  });

  it('writes customers 10 per call after reading the existing ones 250 per page', () => {
    expect(minBigCommerceCalls({ kind: 'customers', existingCustomers: 12, created: 4_751, updated: 0 })).toBe(1 + 476);
    expect(minBigCommerceCalls({ kind: 'customers', existingCustomers: 500, created: 10, updated: 11 })).toBe(2 + 1 + 2);
  });

  it('needs one 30 s window per 150 calls after the first', () => {
    expect(minWallSeconds(0)).toBe(0);
    expect(minWallSeconds(150)).toBe(0);
    expect(minWallSeconds(151)).toBe(30);
    expect(minWallSeconds(9_565)).toBe(63 * 30);
  });
});
