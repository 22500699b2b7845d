import { BATCH_LIMITS, checkBatch } from '../batch';
import { specShaped, objectBody } from '../envelope';
import { listV3 } from '../paging';
import type { Call } from '../request';
import type { AbsoluteAdjustment, InventoryTransaction, InventoryLocation, LocationListQuery } from '../types';

export function inventoryEndpoints(call: Call) {
  return {
    /**
     * Sets stock to exact levels: what an ERP holding the true stock wants, and safe to repeat. The
     * Inventory API is asynchronous: the new levels may show a moment after the transaction id.
     */
    async adjustInventoryAbsolute(adjustment: AbsoluteAdjustment): Promise<InventoryTransaction> {
      checkBatch('adjustInventoryAbsolute', adjustment.items.length, BATCH_LIMITS.inventoryItems);
      if (adjustment.items.length === 0) return {};
      const path = '/v3/inventory/adjustments/absolute';
      // Unlike most v3 answers this one is not wrapped in `data`.
      return specShaped<InventoryTransaction>(objectBody(await call('PUT', path, { body: adjustment }), 'PUT', path));
    },

    /** Location 1 is the default location and the only one the storefront counts unless aggregated stock is on. */
    listLocations(query: LocationListQuery = {}): AsyncGenerator<InventoryLocation> {
      return listV3<InventoryLocation>(call, '/v3/inventory/locations', query);
    },
  };
}
