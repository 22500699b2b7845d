import type { Company } from '@/lib/accountview';
import { connectionView, listCompanies, withAccountView, type ConnectionView } from '@/lib/accountview-connection';
import { BigCommerceAuthError, BigCommerceError } from '@/lib/bigcommerce';
import { orderFlowStatus } from '@/lib/flows/orders/status';
import { logger } from '@/lib/logger';
import { storeHealth, type FlowSwitch, type OpenProblem } from '@/lib/notifications';
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
  /** BigCommerce refused the store's access token just now (app uninstalled or access revoked). */
  bigCommerceRefused: boolean;
  /** The flows' switches and the problems the merchant was notified of that are still open. */
  health: { flows: FlowSwitch[]; problems: Array<Omit<OpenProblem, 'openedAt'> & { openedAt: string }> };
}

const formatDate = (date: Date) => date.toLocaleString('en-GB', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' });

export async function loadHome(session: StoreSession): Promise<HomeData> {
  const [store, accountView, orders, health] = await Promise.all([
    loadStoreName(session.storeHash),
    loadAccountView(session.storeHash),
    orderFlowStatus(session.storeHash),
    storeHealth(session.storeHash),
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
      webhooksCheckedAt: orders.webhooksCheckedAt ? formatDate(orders.webhooksCheckedAt) : undefined,
      webhookProblem: orders.webhookProblem,
    },
    health: { flows: health.flows, problems: health.problems.map((p) => ({ ...p, openedAt: formatDate(p.openedAt) })) },
  };
}

async function loadStoreName(storeHash: string): Promise<Pick<HomeData, 'storeName' | 'storeProblem' | 'bigCommerceRefused'>> {
  try {
    const info = await (await bigCommerceFor(storeHash))?.getStoreInformation();
    return { storeName: info?.name, storeProblem: undefined, bigCommerceRefused: false };
  } catch (error) {
    if (error instanceof BigCommerceAuthError) return { storeName: undefined, storeProblem: undefined, bigCommerceRefused: true };
    if (!(error instanceof BigCommerceError)) throw error;
    logger().warn({ storeHash, err: error }, 'store information could not be read');
    return {
      storeName: undefined,
      storeProblem: 'The store name could not be read from BigCommerce just now. Reload the page in a minute.',
      bigCommerceRefused: false,
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
