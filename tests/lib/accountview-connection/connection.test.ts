import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AccountViewCompanyNotFoundError } from '@/lib/accountview';
import {
  accountViewFor,
  chooseCompany,
  completeConnect,
  ConnectError,
  connectionView,
  consentUrl,
  disconnect,
  listCompanies,
  testConnection,
  withAccountView,
} from '@/lib/accountview-connection';
import { useDatabase } from '@/lib/db/client';
import { findAccountViewConnection } from '@/lib/db/queries/accountview-connections';
import { deleteStore, saveInstall } from '@/lib/db/queries/stores';
import { resetEnvCache } from '@/lib/env';
import { openTestDatabase, tableCounts, testDatabaseKinds, type TestDatabase } from '../../helpers/databases';
import { startAccountViewSimulator, type AccountViewSimulator } from '../../simulators/accountview';

const STORE = 'abc123def';
const USER = 1001;
const APP_URL = 'http://localhost:3998';
const REDIRECT = `${APP_URL}/api/accountview/callback`;
const CLIENT = { clientId: 'test-av-client-id', clientSecret: 'test-av-client-secret', redirectUris: [REDIRECT] };

const tokenCalls = (sim: AccountViewSimulator) => sim.requests.filter((r) => r.path.toLowerCase().endsWith('/token')).length;

describe.each(testDatabaseKinds())('connecting AccountView on %s', (kind) => {
  let database: TestDatabase;
  let sim: AccountViewSimulator;

  beforeAll(async () => {
    [database, sim] = await Promise.all([openTestDatabase(kind), startAccountViewSimulator({ clients: [CLIENT] })]);
    vi.stubEnv('APP_URL', APP_URL);
    vi.stubEnv('ACCOUNTVIEW_URL', sim.url);
    resetEnvCache();
    useDatabase(database);
  });
  afterAll(async () => {
    useDatabase(undefined);
    vi.unstubAllEnvs();
    resetEnvCache();
    await Promise.all([database?.dispose(), sim?.stop()]);
  });
  beforeEach(async () => {
    sim.reset();
    await deleteStore(database.db, STORE);
    await saveInstall(database.db, STORE, {
      accessTokenEncrypted: 'v1:irrelevant',
      scope: 'store_v2_orders_read_only',
      accountUuid: undefined,
      owner: { id: USER, email: 'eigenaar@fietsenwinkel.nl' },
      installer: { id: USER, email: 'eigenaar@fietsenwinkel.nl' },
    });
  });

  /** Consent as the merchant would give it: the state from our consent URL, a code from AccountView. */
  async function connect(): Promise<string> {
    const url = new URL(consentUrl({ storeHash: STORE, userId: USER }));
    const state = url.searchParams.get('state') ?? '';
    const code = sim.issueCode({ clientId: CLIENT.clientId, redirectUri: REDIRECT });
    await completeConnect(new URLSearchParams({ code, state }));
    return state;
  }

  it('sends the merchant to AccountView with our client, redirect and a signed state', () => {
    const url = new URL(consentUrl({ storeHash: STORE, userId: USER }));
    expect(`${url.origin}${url.pathname}`).toBe(`${sim.url}/ams/authorize.aspx`);
    expect(url.searchParams.get('client_id')).toBe(CLIENT.clientId);
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('state')?.split('.')).toHaveLength(3);
  });

  it('connects, picks the company by code, tests and disconnects', async () => {
    expect(await connectionView(STORE)).toEqual({ state: 'not-connected' });
    await connect();
    const row = await findAccountViewConnection(database.db, STORE);
    expect(row?.refreshTokenEncrypted).toMatch(/^v1:/);
    expect(await connectionView(STORE)).toEqual({ state: 'choose-company' });

    const companies = await listCompanies(STORE);
    expect(companies.map((c) => c.code)).toEqual(expect.arrayContaining(['FVR', 'HANK', 'DEMO']));

    const wrong = await chooseCompany(STORE, 'NOPE').catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(AccountViewCompanyNotFoundError);
    expect((wrong as AccountViewCompanyNotFoundError).userMessage).toContain('NOPE');
    expect((wrong as AccountViewCompanyNotFoundError).hint).toContain('FVR');

    await chooseCompany(STORE, ' fvr ');
    expect(await connectionView(STORE)).toEqual({ state: 'connected', company: { code: 'FVR', name: 'Fietsenwinkel De Vries B.V.' } });

    const report = await testConnection(STORE);
    expect(report.debtors).toBe(240);
    expect(report.articles).toBeGreaterThan(1000);
    expect(report.articleGroups).toBeGreaterThan(5);
    expect(typeof report.canWrite).toBe('boolean');

    expect(await disconnect(STORE)).toBe(true);
    expect(await connectionView(STORE)).toEqual({ state: 'not-connected' });
  });

  it('refuses a replayed or forged consent state and a refused consent, writing nothing', async () => {
    const state = await connect();
    await disconnect(STORE);
    const before = await tableCounts(database);
    const code = sim.issueCode({ clientId: CLIENT.clientId, redirectUri: REDIRECT });
    const replay = await completeConnect(new URLSearchParams({ code, state })).catch((e: unknown) => e);
    expect(replay).toBeInstanceOf(ConnectError);
    expect(replay).toMatchObject({ status: 400, code: 'state_invalid' });
    const forged = await completeConnect(new URLSearchParams({ code, state: 'a.b.c' })).catch((e: unknown) => e);
    expect(forged).toMatchObject({ code: 'state_invalid' });
    const fresh = new URL(consentUrl({ storeHash: STORE, userId: USER })).searchParams.get('state') ?? '';
    const refused = await completeConnect(new URLSearchParams({ error: 'access_denied', state: fresh })).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 400, code: 'consent_refused' });
    expect((refused as ConnectError).problem.hint).toMatch(/Connect AccountView/i);
    expect(await tableCounts(database)).toEqual(before);
  });

  it('refreshes an expired token once for two concurrent runs and keeps the rotated one', async () => {
    await connect();
    await chooseCompany(STORE, 'FVR');
    const before = await findAccountViewConnection(database.db, STORE);
    sim.expireAccessTokens();
    const calls = tokenCalls(sim);
    // Two clients with their own token stores stand in for two runs of the same store.
    const [a, b] = await Promise.all([accountViewFor(STORE), accountViewFor(STORE)]);
    const [na, nb] = await Promise.all([a.count('AG1'), b.count('AG1')]);
    expect(na).toBe(nb);
    expect(tokenCalls(sim) - calls).toBe(1);
    const after = await findAccountViewConnection(database.db, STORE);
    expect(after?.refreshTokenEncrypted).not.toBe(before?.refreshTokenEncrypted);
    // The rotated token is the live one: the next expiry refreshes with it, successfully.
    sim.expireAccessTokens();
    await expect((await accountViewFor(STORE)).count('AG1')).resolves.toBe(na);
  });

  it('turns a revoked consent into needs-reconnect with a plain-language reason', async () => {
    await connect();
    await chooseCompany(STORE, 'FVR');
    sim.revokeConsent();
    sim.expireAccessTokens();
    const result = await withAccountView(STORE, () => testConnection(STORE));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.needsReconnect).toBe(true);
    expect(result.problem.hint).toMatch(/reconnect/i);
    expect(await connectionView(STORE)).toMatchObject({ state: 'needs-reconnect', problem: result.problem.message });
  });

  it('says AccountView is unreachable without giving up the connection', async () => {
    await connect();
    await chooseCompany(STORE, 'FVR');
    sim.faults.add({ kind: 'status', status: 503 });
    const result = await withAccountView(STORE, () => testConnection(STORE));
    sim.faults.clear();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.needsReconnect).toBe(false);
    expect(result.problem.message).toMatch(/reach|unavailable|down/i);
    expect((await connectionView(STORE)).state).toBe('connected');
  });

  it('forgets the connection when the store uninstalls', async () => {
    await connect();
    await deleteStore(database.db, STORE);
    expect(await findAccountViewConnection(database.db, STORE)).toBeUndefined();
  });
});
