import { BigCommerceError } from '@/lib/bigcommerce';
import { logger } from '@/lib/logger';
import type { StoreSession } from '@/lib/session';
import { bigCommerceFor } from '@/lib/store-clients';

export interface HomeData {
  storeHash: string;
  storeName: string | undefined;
  /** Plain-language reason the store's name could not be read, if it could not. */
  storeProblem: string | undefined;
  userEmail: string;
  isOwner: boolean;
  accountView: { connected: false };
}

export async function loadHome(session: StoreSession): Promise<HomeData> {
  const base = {
    storeHash: session.storeHash,
    userEmail: session.email,
    isOwner: session.isOwner,
    accountView: { connected: false as const },
  };
  try {
    const client = await bigCommerceFor(session.storeHash);
    const info = await client?.getStoreInformation();
    return { ...base, storeName: info?.name, storeProblem: undefined };
  } catch (error) {
    if (!(error instanceof BigCommerceError)) throw error;
    logger().warn({ storeHash: session.storeHash, err: error }, 'store information could not be read');
    return {
      ...base,
      storeName: undefined,
      storeProblem: 'The store name could not be read from BigCommerce just now. Reload the page in a minute.',
    };
  }
}
