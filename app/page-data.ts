import type { Company } from '@/lib/accountview';
import { connectionView, listCompanies, withAccountView, type ConnectionView } from '@/lib/accountview-connection';
import { BigCommerceError } from '@/lib/bigcommerce';
import { orderFlowStatus } from '@/lib/flows/orders/status';
import { logger } from '@/lib/logger';
import type { StoreSession } from '@/lib/session';
import { bigCommerceFor } from '@/lib/store-clients';

export type AccountViewPanelData =
  | Exclude<ConnectionView, { state: 'choose-company' }>
  | { state: 'choose-company'; companies: Company[]; problem?: { message: string; hint: string } };

export interface HomeData {
  storeHash: string;
  storeName: string | undefined;
  /** Plain-language reason the store's name could not be read, if it could not. */
  storeProblem: string | undefined;
  userEmail: string;
  isOwner: boolean;
  accountView: AccountViewPanelData;
  orders: { enabled: boolean; paused: boolean; webhooksCheckedAt: string | undefined; webhookProblem: string | undefined };
}

export async function loadHome(session: StoreSession): Promise<HomeData> {
  const [store, accountView, orders] = await Promise.all([
    loadStoreName(session.storeHash),
    loadAccountView(session.storeHash),
    orderFlowStatus(session.storeHash),
  ]);
  return {
    storeHash: session.storeHash,
    userEmail: session.email,
    isOwner: session.isOwner,
    ...store,
    accountView,
    orders: {
      enabled: orders.enabled,
      paused: orders.paused,
      // Formatted here: the client component gets plain strings, the same on server and browser.
      webhooksCheckedAt: orders.webhooksCheckedAt?.toLocaleString('en-GB', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' }),
      webhookProblem: orders.webhookProblem,
    },
  };
}

async function loadStoreName(storeHash: string): Promise<Pick<HomeData, 'storeName' | 'storeProblem'>> {
  try {
    const info = await (await bigCommerceFor(storeHash))?.getStoreInformation();
    return { storeName: info?.name, storeProblem: undefined };
  } catch (error) {
    if (!(error instanceof BigCommerceError)) throw error;
    logger().warn({ storeHash, err: error }, 'store information could not be read');
    return {
      storeName: undefined,
      storeProblem: 'The store name could not be read from BigCommerce just now. Reload the page in a minute.',
    };
  }
}

async function loadAccountView(storeHash: string): Promise<AccountViewPanelData> {
  const view = await connectionView(storeHash);
  if (view.state !== 'choose-company') return view;
  const companies = await withAccountView(storeHash, () => listCompanies(storeHash));
  if (companies.ok) return { state: 'choose-company', companies: companies.value };
  // A refused token turns the connection into needs-reconnect; show that rather than an empty list.
  if (companies.problem.needsReconnect) return { state: 'needs-reconnect', problem: companies.problem.message };
  return { state: 'choose-company', companies: [], problem: companies.problem };
}
