import {
  AccountViewConsentRefusedError,
  AccountViewError,
  authorizeUrl,
  createAccountViewClient,
  exchangeAuthorizationCode,
  type AccountViewClient,
  type Company,
} from '@/lib/accountview';
import { getDatabase } from '@/lib/db/client';
import {
  deleteAccountViewConnection,
  findAccountViewConnection,
  markNeedsReconnect,
  saveCompany,
  saveNewConnection,
} from '@/lib/db/queries/accountview-connections';
import { findStore } from '@/lib/db/queries/stores';
import { env } from '@/lib/env';
import { issueOneTimeToken, redeemOneTimeToken } from '@/lib/security/one-time-token';
import { accountViewConfig } from './config';
import { ConnectError, describeAccountViewProblem, NotConfiguredError, NotConnectedError, type AccountViewProblem } from './problems';
import { databaseTokenStore, sealTokens } from './token-store';

// Long enough to log in to AccountView and find the right administration; short enough to be useless later.
const CONSENT_STATE_LIFETIME_S = 15 * 60;

export type ConnectionView =
  | { state: 'not-configured' }
  | { state: 'not-connected' }
  | { state: 'choose-company' }
  | { state: 'connected'; company: { code: string; name: string } }
  | { state: 'needs-reconnect'; problem: string };

export async function connectionView(storeHash: string): Promise<ConnectionView> {
  if (!accountViewConfig()) return { state: 'not-configured' };
  const row = await findAccountViewConnection((await getDatabase()).db, storeHash);
  if (!row) return { state: 'not-connected' };
  if (row.status === 'needs-reconnect') return { state: 'needs-reconnect', problem: row.problem ?? 'AccountView refused the connection.' };
  if (!row.companyId || !row.companyCode) return { state: 'choose-company' };
  return { state: 'connected', company: { code: row.companyCode, name: row.companyName ?? row.companyCode } };
}

/** The consent page to open in a new window; its `state` names the store user, once, for 15 minutes. */
export function consentUrl(who: { storeHash: string; userId: number }): string {
  const config = accountViewConfig();
  if (!config) throw new NotConfiguredError();
  const state = issueOneTimeToken('accountview-connect', who, env().NEXTAUTH_SECRET, CONSENT_STATE_LIFETIME_S);
  return authorizeUrl(config, state);
}

/**
 * AccountView's redirect after consent. It arrives in a top-level window, where the iframe's
 * partitioned session cookie is not sent, so the signed `state` is what identifies the store user.
 */
export async function completeConnect(params: URLSearchParams): Promise<{ storeHash: string }> {
  const config = accountViewConfig();
  if (!config) throw new NotConfiguredError();
  const database = await getDatabase();
  if (params.get('error')) {
    const refused = new AccountViewConsentRefusedError(params.get('error_description') ?? params.get('error') ?? 'access_denied');
    throw new ConnectError(400, 'consent_refused', { message: refused.userMessage, hint: refused.hint });
  }
  const who = await redeemOneTimeToken(database.db, 'accountview-connect', params.get('state'), env().NEXTAUTH_SECRET);
  if (!who) {
    throw new ConnectError(400, 'state_invalid', {
      message: 'This AccountView sign-in has expired or was already used.',
      hint: 'Go back to the app in your BigCommerce control panel and click "Connect AccountView" again.',
    });
  }
  if (!(await findStore(database.db, who.storeHash))) {
    throw new ConnectError(404, 'store_not_installed', {
      message: 'The store this sign-in was for no longer has the app installed.',
      hint: 'Install the app again from the BigCommerce App Marketplace.',
    });
  }
  const code = params.get('code');
  if (!code) {
    throw new ConnectError(400, 'code_missing', {
      message: 'AccountView did not send an authorisation code.',
      hint: 'Click "Connect AccountView" again.',
    });
  }
  try {
    const tokens = await exchangeAuthorizationCode(config, code);
    await saveNewConnection(database.db, who.storeHash, sealTokens(tokens, env().ENCRYPTION_KEY, who.storeHash), who.userId);
  } catch (error) {
    const problem = describeAccountViewProblem(error);
    if (!problem) throw error;
    throw new ConnectError(error instanceof AccountViewError && !error.retryable ? 400 : 502, 'exchange_failed', problem);
  }
  return { storeHash: who.storeHash };
}

/** A client for the store's AccountView, bound to its chosen company unless `anyCompany` is asked. */
export async function accountViewFor(storeHash: string, options: { anyCompany?: boolean } = {}): Promise<AccountViewClient> {
  const config = accountViewConfig();
  if (!config) throw new NotConfiguredError();
  const database = await getDatabase();
  const row = await findAccountViewConnection(database.db, storeHash);
  if (!row) throw new NotConnectedError();
  const client = createAccountViewClient({ config, tokens: databaseTokenStore(database, storeHash, env().ENCRYPTION_KEY) });
  if (options.anyCompany) return client;
  if (!row.companyId) throw new NotConnectedError();
  return client.forCompany(row.companyId);
}

/**
 * Runs an AccountView call and turns failures into a merchant-facing problem; a refused refresh
 * token marks the connection for reconnecting so the home page shows it.
 */
export async function withAccountView<T>(
  storeHash: string,
  fn: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; problem: AccountViewProblem }> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    const problem = describeAccountViewProblem(error);
    if (!problem) throw error;
    if (problem.needsReconnect) await markNeedsReconnect((await getDatabase()).db, storeHash, problem.message);
    return { ok: false, problem };
  }
}

export async function listCompanies(storeHash: string): Promise<Company[]> {
  return (await accountViewFor(storeHash, { anyCompany: true })).listCompanies();
}

export async function chooseCompany(storeHash: string, code: string): Promise<Company> {
  const company = await (await accountViewFor(storeHash, { anyCompany: true })).resolveCompany(code);
  await saveCompany((await getDatabase()).db, storeHash, { id: company.id, code: company.code, name: company.description });
  return company;
}

export interface ConnectionTestReport {
  debtors: number;
  articles: number;
  articleGroups: number;
  canWrite: boolean;
}

/** Reads what the flows will read, and whether the consent allows writing, without changing data. */
export async function testConnection(storeHash: string): Promise<ConnectionTestReport> {
  const client = await accountViewFor(storeHash);
  const [debtors, articles, articleGroups, canWrite] = await Promise.all([
    client.count('AR1'),
    client.count('AK1'),
    client.count('AG1'),
    client.canWrite(),
  ]);
  return { debtors, articles, articleGroups, canWrite };
}

export async function disconnect(storeHash: string): Promise<boolean> {
  return deleteAccountViewConnection((await getDatabase()).db, storeHash);
}
