import { orderFlowSettings, type OrderFlowSettings } from '@/lib/flows/orders/settings';
import type { MappingOverrides } from '@/lib/mapping';
import type { Db } from '../client';
import { readFlowSettings, saveFlowMapping, saveFlowSettings, setFlowState, type StoredFlowSettings } from './flow-settings';

/** The orders flow's names for the generic flow-settings helpers. */
export const ORDERS_FLOW = 'orders';

export type StoredOrderSettings = StoredFlowSettings<OrderFlowSettings>;

/** A store's order-flow settings with every default filled in; a store without a row gets the defaults, switched off. */
export function readOrderSettings(db: Db, storeHash: string): Promise<StoredOrderSettings> {
  return readFlowSettings(db, storeHash, ORDERS_FLOW, orderFlowSettings);
}

/** Validates and saves the settings as given; returns the problems instead of saving when invalid. */
export function saveOrderSettings(db: Db, storeHash: string, input: unknown) {
  return saveFlowSettings(db, storeHash, ORDERS_FLOW, orderFlowSettings, input);
}

/** Switches the flow on or off, or pauses it, without touching the settings. */
export function setOrderFlowState(db: Db, storeHash: string, state: { enabled?: boolean; paused?: boolean }): Promise<void> {
  return setFlowState(db, storeHash, ORDERS_FLOW, state);
}

/** Replaces the store's order mapping overrides; check them first (lib/flows/orders/mapping-check.ts). */
export function saveOrderMapping(db: Db, storeHash: string, overrides: MappingOverrides): Promise<void> {
  return saveFlowMapping(db, storeHash, ORDERS_FLOW, overrides);
}
