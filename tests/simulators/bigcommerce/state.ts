import { defaultStoreData } from './seed/defaults';
import type { SeedStore, SimStore, SimUser, SimulatorState } from './types';

function storeFromSeed(seed: SeedStore): SimStore {
  // structuredClone: the seed objects belong to the caller and reset() must be able to reuse them.
  const copy = structuredClone(seed);
  return {
    ...copy,
    data: copy.data ?? defaultStoreData(copy.info),
    installed: false,
    installedAt: null,
    installedByUserId: null,
    accessToken: null,
    grantedScope: null,
    usersWithoutAccess: [],
  };
}

export function createState(seeds: readonly SeedStore[]): SimulatorState {
  return {
    stores: Object.fromEntries(seeds.map((seed) => [seed.hash, storeFromSeed(seed)])),
    grants: [],
    appCallbacks: [],
    rateWindows: {},
    webhookDeliveries: [],
  };
}

/** In place, because tests hold on to `simulator.state`. */
export function resetState(state: SimulatorState, seeds: readonly SeedStore[]): void {
  Object.assign(state, createState(seeds));
}

export function findUser(store: SimStore, userId: number): SimUser | undefined {
  return store.users.find((u) => u.id === userId);
}

export function ownerOf(store: SimStore): SimUser {
  const owner = findUser(store, store.ownerId);
  if (!owner) throw new Error(`Seed store ${store.hash} has no user for owner id ${store.ownerId}`);
  return owner;
}

export function hasAppAccess(store: SimStore, userId: number): boolean {
  return !store.usersWithoutAccess.includes(userId);
}
