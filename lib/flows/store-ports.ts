import { accountViewFor, NotConnectedError } from '@/lib/accountview-connection';
import type { AccountViewClient } from '@/lib/accountview';
import type { BigCommerceClient } from '@/lib/bigcommerce';
import { getDatabase } from '@/lib/db/client';
import { createIdMap, type IdMap } from '@/lib/db/queries/id-map';
import { bigCommerceFor } from '@/lib/store-clients';

/** What every flow's settings read gives back (orders, products, stock, customers). */
export type StoredSettings<S> =
  | { ok: true; settings: S; enabled: boolean; paused: boolean }
  | { ok: false; problems: { path: string }[]; enabled: boolean; paused: boolean };

export interface StorePorts {
  bigcommerce: BigCommerceClient;
  accountview: AccountViewClient;
  idMap: IdMap;
  now: () => Date;
}

/**
 * Composition shared by the flows' handlers: the store's clients and id-map, or the plain sentence
 * for the run log saying why the flow cannot run for this store now (switched off, settings invalid,
 * app uninstalled, AccountView not connected).
 */
export async function openStoreFlow<S>(
  storeHash: string,
  flow: string,
  stored: StoredSettings<S>,
  options: { requireEnabled: boolean } = { requireEnabled: true },
): Promise<{ ok: true; settings: S; ports: StorePorts } | { ok: false; message: string }> {
  if (options.requireEnabled && (!stored.enabled || stored.paused)) {
    return { ok: false, message: `The ${flow} flow is ${stored.paused ? 'paused' : 'switched off'}; nothing was sent.` };
  }
  if (!stored.ok) {
    const fields = stored.problems.map((p) => p.path || 'settings').join(', ');
    return { ok: false, message: `The ${flow} settings need attention (${fields}); nothing was sent until they are saved again.` };
  }
  const bigcommerce = await bigCommerceFor(storeHash);
  if (!bigcommerce) return { ok: false, message: 'The store no longer has the app installed.' };
  let accountview: AccountViewClient;
  try {
    accountview = await accountViewFor(storeHash);
  } catch (error) {
    if (error instanceof NotConnectedError) {
      return { ok: false, message: 'AccountView is not connected (or no administration is chosen); nothing was sent.' };
    }
    throw error;
  }
  const database = await getDatabase();
  return {
    ok: true,
    settings: stored.settings,
    ports: { bigcommerce, accountview, idMap: createIdMap(database.db, storeHash, database.lock), now: () => new Date() },
  };
}
