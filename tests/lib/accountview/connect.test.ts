import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AccountViewAuthError,
  AccountViewCompanyNotFoundError,
  AccountViewConsentRefusedError,
  AccountViewError,
  AccountViewUnavailableError,
  authorizationCodeFrom,
  authorizeUrl,
  exchangeAuthorizationCode,
} from '@/lib/accountview';
import type { AccountViewSimulator } from '@/tests/simulators/accountview';
import { CLIENT_ID, configFor, connectedClient, FVR_ID, REDIRECT_URI, startSimulator, type Clock } from './harness';

const clock: Clock = { offsetMs: 0 };
let sim: AccountViewSimulator;

beforeAll(async () => {
  sim = await startSimulator(clock);
});
afterAll(() => sim.stop());
beforeEach(() => {
  sim.reset();
  clock.offsetMs = 0;
});

/** What the person's browser does: open the consent page, then click a button (a form POST back to it). */
async function consent(url: string, decision: 'approve' | 'deny'): Promise<URLSearchParams> {
  const page = await fetch(url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain(`data-testid="av-${decision}"`);
  const params = new URL(url).searchParams;
  params.set('decision', decision);
  const clicked = await fetch(new URL('/ams/authorize.aspx', url), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: params.toString(),
  });
  expect(clicked.status).toBe(302);
  const back = new URL(clicked.headers.get('location') ?? '');
  expect(`${back.origin}${back.pathname}`).toBe(REDIRECT_URI);
  return back.searchParams;
}

describe('authorizeUrl', () => {
  it('points at /ams/authorize.aspx with the code flow, read+write scope and the state', () => {
    const url = new URL(authorizeUrl(configFor(sim, { baseUrl: `${sim.url}/api/v3/` }), 'state-123'));
    expect(`${url.origin}${url.pathname}`).toBe(`${sim.url}/ams/authorize.aspx`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      scope: 'readaccountviewdata updateaccountviewdata',
      state: 'state-123',
    });
  });
});

describe('consent and code exchange', () => {
  it('turns an approved consent into tokens that expire and carry the granted scope', async () => {
    const back = await consent(authorizeUrl(configFor(sim), 'st'), 'approve');
    expect(back.get('state')).toBe('st');
    const before = Date.now();
    const tokens = await exchangeAuthorizationCode(configFor(sim), authorizationCodeFrom(back));
    expect(tokens).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresAt: expect.any(Date), scope: 'readaccountviewdata updateaccountviewdata' });
    expect(tokens.expiresAt.getTime() - before).toBeGreaterThan(3_590_000);
    expect(tokens.expiresAt.getTime() - before).toBeLessThanOrEqual(3_601_000);
  });

  it('turns Deny into AccountViewConsentRefusedError with advice', async () => {
    const back = await consent(authorizeUrl(configFor(sim), 'st'), 'deny');
    const refused = (() => {
      try {
        authorizationCodeFrom(back);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(AccountViewConsentRefusedError);
    expect(refused).toMatchObject({ reason: 'access_denied', retryable: false, userMessage: 'The connection to AccountView was not approved.' });
    expect((refused as AccountViewConsentRefusedError).hint).toMatch(/Toestaan/);
  });

  it('refuses a reused code and wrong app credentials with AccountViewAuthError', async () => {
    const code = sim.issueCode({ clientId: CLIENT_ID, redirectUri: REDIRECT_URI });
    await exchangeAuthorizationCode(configFor(sim), code);
    await expect(exchangeAuthorizationCode(configFor(sim), code)).rejects.toMatchObject({ name: 'AccountViewAuthError', reason: 'code-refused', status: 400 });

    const fresh = sim.issueCode({ clientId: CLIENT_ID, redirectUri: REDIRECT_URI });
    const wrongSecret = exchangeAuthorizationCode(configFor(sim, { clientSecret: 'nope' }), fresh);
    await expect(wrongSecret).rejects.toBeInstanceOf(AccountViewAuthError);
    await expect(wrongSecret).rejects.toMatchObject({ reason: 'client-refused', userMessage: "AccountView does not recognise this app's registration." });

    const expired = sim.issueCode({ clientId: CLIENT_ID, redirectUri: REDIRECT_URI });
    clock.offsetMs = 10 * 60_000;
    await expect(exchangeAuthorizationCode(configFor(sim), expired)).rejects.toMatchObject({ reason: 'code-refused' });
  });

  it('reports AccountView being down as AccountViewUnavailableError', async () => {
    sim.faults.add({ match: { pathPrefix: '/api/v3/token' }, kind: 'status', status: 503 });
    const code = sim.issueCode({ clientId: CLIENT_ID, redirectUri: REDIRECT_URI });
    await expect(exchangeAuthorizationCode(configFor(sim), code)).rejects.toMatchObject({ name: 'AccountViewUnavailableError', retryable: true, status: 503 });
    await expect(exchangeAuthorizationCode(configFor(sim, { baseUrl: 'http://127.0.0.1:9' }), code)).rejects.toBeInstanceOf(AccountViewUnavailableError);
  });
});

describe('companies', () => {
  it('lists companies with trimmed codes', async () => {
    const { client } = await connectedClient(sim, { companyId: null });
    expect(await client.listCompanies()).toEqual([
      { id: FVR_ID, code: 'FVR', description: 'Fietsenwinkel De Vries B.V.' },
      { id: 'b3a9e7d4-51c2-4f86-8e0b-7d2a6c5f9e31', code: 'HANK', description: 'Het Anker Dranken B.V.' },
      { id: '0c4e8f2a-9d71-4b3e-a6f5-1e8b2d7c3f94', code: 'DEMO', description: 'Demo Onderneming B.V.' },
    ]);
  });

  it('resolves a code as the merchant types it, and names the codes that exist when it cannot', async () => {
    const { client } = await connectedClient(sim, { companyId: null });
    expect((await client.resolveCompany('  hank ')).code).toBe('HANK');
    const missing = client.resolveCompany('FVR2');
    await expect(missing).rejects.toBeInstanceOf(AccountViewCompanyNotFoundError);
    await expect(missing).rejects.toMatchObject({ code: 'FVR2', availableCodes: ['FVR', 'HANK', 'DEMO'], retryable: false, userMessage: 'There is no AccountView company with code "FVR2".' });
    await expect(missing).rejects.toMatchObject({ hint: expect.stringContaining('FVR, HANK, DEMO') });
  });

  it('sends X-Company with the chosen company Id, and refuses data calls before one is chosen', async () => {
    const { client } = await connectedClient(sim, { companyId: null });
    await expect(client.count('AG1')).rejects.toThrow(AccountViewError);
    const hank = client.forCompany((await client.resolveCompany('HANK')).id);
    expect(await hank.count('AG1')).toBe(20);
    expect(sim.requests.at(-1)).toMatchObject({ company: 'b3a9e7d4-51c2-4f86-8e0b-7d2a6c5f9e31', businessObject: 'AG1' });
  });
});
