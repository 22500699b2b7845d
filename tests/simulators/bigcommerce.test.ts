import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  APP_ACCOUNT_UUID,
  DEFAULT_SCOPES,
  startBigCommerceSimulator,
  type BigCommerceSimulator,
  type SignedPayloadClaims,
} from './bigcommerce';

const CLIENT_ID = 'test-client-id';
const CLIENT_SECRET = 'test-client-secret';
const STORE = 'abc123def';
const OWNER = 1001;
const STAFF = 1002;

interface AppHit {
  path: string;
  query: URLSearchParams;
}

/** A stand-in for the app: records BigCommerce's server-to-server callbacks and answers with `status`. */
async function startFakeApp(): Promise<{ url: string; hits: AppHit[]; status: { value: number }; server: Server }> {
  const hits: AppHit[] = [];
  const status = { value: 200 };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://app.invalid');
    hits.push({ path: url.pathname, query: url.searchParams });
    res.writeHead(status.value).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // "localhost", not 127.0.0.1: the app lives on a different site than the control panel, as in production.
  return { url: `http://localhost:${(server.address() as AddressInfo).port}`, hits, status, server };
}

let app: Awaited<ReturnType<typeof startFakeApp>>;
let sim: BigCommerceSimulator;
let clockOffsetMs = 0;

beforeAll(async () => {
  app = await startFakeApp();
  sim = await startBigCommerceSimulator({
    appUrl: app.url,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    now: () => Date.now() + clockOffsetMs,
  });
});

afterAll(async () => {
  await sim.stop();
  await new Promise((resolve) => app.server.close(resolve));
});

beforeEach(() => {
  sim.reset();
  app.hits.length = 0;
  app.status.value = 200;
  clockOffsetMs = 0;
});

function tokenBody(code: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    code,
    context: `stores/${STORE}`,
    scope: DEFAULT_SCOPES.join(' '),
    grant_type: 'authorization_code',
    redirect_uri: `${app.url}/api/bigcommerce/auth`,
    ...overrides,
  };
}

async function exchange(body: unknown, contentType = 'application/json') {
  const res = await fetch(`${sim.loginUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, Accept: 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function install(storeHash = STORE, userId = OWNER): Promise<string> {
  const grant = sim.issueGrant(storeHash, userId);
  const { status, body } = await exchange(tokenBody(grant.code, { context: grant.context }));
  expect(status).toBe(200);
  return String(body.access_token);
}

function getStore(token: string | undefined, storeHash = STORE) {
  return fetch(`${sim.apiUrl}/stores/${storeHash}/v2/store`, {
    headers: { Accept: 'application/json', ...(token ? { 'X-Auth-Token': token } : {}) },
  });
}

function verify(token: string): SignedPayloadClaims {
  return jwt.verify(token, CLIENT_SECRET, { algorithms: ['HS256'], audience: CLIENT_ID, issuer: 'bc' }) as SignedPayloadClaims;
}

function frameSrc(page: string): URL {
  const m = /<iframe[^>]*data-testid="app-frame"[^>]*src="([^"]+)"/.exec(page);
  if (!m?.[1]) throw new Error('no app iframe on the page');
  return new URL(m[1].replaceAll('&amp;', '&'));
}

function cpMessage(page: string): string {
  return /data-testid="cp-message"[^>]*>([^<]*)</.exec(page)?.[1] ?? '';
}

const cp = (path: string, method = 'GET') => fetch(`${sim.controlPanelUrl}${path}`, { method });

describe('POST /oauth2/token', () => {
  it('exchanges a grant code for a token and installs the store', async () => {
    const grant = sim.issueGrant(STORE, STAFF);
    const { status, body } = await exchange(tokenBody(grant.code));
    expect(status).toBe(200);
    expect(body).toEqual({
      access_token: expect.stringMatching(/^\w{20,}$/),
      scope: DEFAULT_SCOPES.join(' '),
      user: { id: STAFF, username: 'Petra Jansen', email: 'boekhouder@fietsenwinkel.nl' },
      owner: { id: OWNER, username: 'Jan de Vries', email: 'eigenaar@fietsenwinkel.nl' },
      context: `stores/${STORE}`,
      account_uuid: APP_ACCOUNT_UUID,
    });
    expect(sim.state.stores[STORE]).toMatchObject({ installed: true, accessToken: body.access_token, installedByUserId: STAFF });
  });

  it('accepts a form-encoded body', async () => {
    const grant = sim.issueGrant(STORE, OWNER);
    const form = new URLSearchParams(tokenBody(grant.code)).toString();
    expect((await exchange(form, 'application/x-www-form-urlencoded')).status).toBe(200);
  });

  it('refuses a wrong client secret or id with 401 invalid_client, leaving the code usable', async () => {
    const grant = sim.issueGrant(STORE, OWNER);
    const wrongSecret = await exchange(tokenBody(grant.code, { client_secret: 'nope' }));
    expect(wrongSecret).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const wrongId = await exchange(tokenBody(grant.code, { client_id: 'someone-else' }));
    expect(wrongId.status).toBe(401);
    expect(sim.state.stores[STORE]?.installed).toBe(false);
    expect((await exchange(tokenBody(grant.code))).status).toBe(200);
  });

  it('refuses a reused, unknown or expired code with 400 invalid_grant', async () => {
    const grant = sim.issueGrant(STORE, OWNER);
    expect((await exchange(tokenBody(grant.code))).status).toBe(200);
    expect(await exchange(tokenBody(grant.code))).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(await exchange(tokenBody('no-such-code'))).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });

    const late = sim.issueGrant(STORE, OWNER);
    clockOffsetMs = 5 * 60 * 1000 + 1000;
    const expired = await exchange(tokenBody(late.code));
    expect(expired).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(expired.body.error_description).toMatch(/expired/);
  });

  it('refuses a wrong redirect_uri and burns the code anyway', async () => {
    const grant = sim.issueGrant(STORE, OWNER);
    const wrong = await exchange(tokenBody(grant.code, { redirect_uri: `${app.url}/api/auth` }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error_description).toMatch(/redirect_uri/);
    expect(await exchange(tokenBody(grant.code))).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(sim.state.stores[STORE]?.installed).toBe(false);
  });

  it('refuses a context that does not match the grant', async () => {
    const grant = sim.issueGrant(STORE, OWNER);
    const res = await exchange(tokenBody(grant.code, { context: 'stores/xyz789ghi' }));
    expect(res.status).toBe(400);
    expect(res.body.error_description).toMatch(/context/);
  });

  it('refuses a wrong grant_type and malformed bodies with 400', async () => {
    const grant = sim.issueGrant(STORE, OWNER);
    expect(await exchange(tokenBody(grant.code, { grant_type: 'client_credentials' }))).toMatchObject({
      status: 400,
      body: { error: 'unsupported_grant_type' },
    });
    expect(await exchange('{not json')).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    const missing = await exchange({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    expect(missing).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(missing.body.error_description).toMatch(/code/);
  });
});

describe('signPayload', () => {
  it('signs every documented claim with HS256 and the client secret', () => {
    const before = Math.floor(Date.now() / 1000);
    const claims = verify(sim.signPayload(STORE, STAFF));
    expect(claims).toEqual({
      aud: CLIENT_ID,
      iss: 'bc',
      iat: expect.any(Number),
      nbf: claims.iat,
      exp: claims.iat + 24 * 60 * 60,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      sub: `stores/${STORE}`,
      user: { id: STAFF, email: 'boekhouder@fietsenwinkel.nl', locale: 'nl-NL' },
      owner: { id: OWNER, email: 'eigenaar@fietsenwinkel.nl' },
      url: '/',
      channel_id: null,
    });
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(jwt.decode(sim.signPayload(STORE, STAFF), { complete: true })?.header.alg).toBe('HS256');
  });

  it('applies overrides, e.g. an expired token', () => {
    const token = sim.signPayload(STORE, OWNER, { exp: 1 });
    expect(() => verify(token)).toThrow(/expired/);
  });
});

describe('GET /stores/{hash}/v2/store', () => {
  it('answers the store information for a valid token, with rate-limit headers', async () => {
    const res = await getStore(await install());
    expect(res.status).toBe(200);
    expect(res.headers.get('x-rate-limit-requests-quota')).toBe('150');
    expect(res.headers.get('x-rate-limit-requests-left')).toBe('149');
    expect(res.headers.get('x-rate-limit-time-window-ms')).toBe('30000');
    expect(Number(res.headers.get('x-rate-limit-time-reset-ms'))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({
      id: STORE,
      name: 'Fietsenwinkel De Vries',
      status: 'live',
      currency: 'EUR',
      weight_units: 'kg',
      language: 'nl',
      country: 'Netherlands',
      timezone: { name: 'Europe/Amsterdam' },
    });
  });

  it('answers 401 with a V2 error for a missing or invalid token', async () => {
    await install();
    for (const token of [undefined, 'not-a-token']) {
      const res = await getStore(token);
      expect(res.status).toBe(401);
      expect(res.headers.get('x-rate-limit-requests-quota')).toBe('150');
      expect(await res.json()).toEqual([{ status: 401, message: expect.any(String) }]);
    }
  });

  it('answers 401 for a token of another store, a replaced token and a token revoked by uninstall', async () => {
    const other = await install('xyz789ghi', 2001);
    expect((await getStore(other)).status).toBe(401);
    const first = await install();
    const second = await install();
    expect((await getStore(first)).status).toBe(401);
    expect((await getStore(second)).status).toBe(200);
    await cp(`/manage/${STORE}/apps/uninstall`, 'POST');
    expect((await getStore(second)).status).toBe(401);
  });

  it('answers 404 with a V2 error for an unknown store', async () => {
    const res = await getStore('whatever', 'nosuchstore');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual([{ status: 404, message: expect.stringContaining('nosuchstore') }]);
  });

  it('answers 403 when the installed scopes lack store information', async () => {
    const token = await install();
    const store = sim.state.stores[STORE];
    if (store) store.grantedScope = 'store_v2_orders_read_only';
    expect((await getStore(token)).status).toBe(403);
  });
});

describe('rate limit', () => {
  it('answers 429 once the per-store quota of the 30 s window is used up, then refills', async () => {
    let offset = 0;
    const limited = await startBigCommerceSimulator({
      appUrl: app.url,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      rateLimitQuota: 3,
      now: () => Date.now() + offset,
    });
    try {
      const grant = limited.issueGrant(STORE, OWNER);
      const res = await fetch(`${limited.loginUrl}/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(tokenBody(grant.code)),
      });
      const { access_token: token } = (await res.json()) as { access_token: string };
      const call = () => fetch(`${limited.apiUrl}/stores/${STORE}/v2/store`, { headers: { 'X-Auth-Token': token } });

      const left: (string | null)[] = [];
      for (let i = 0; i < 3; i++) {
        const ok = await call();
        expect(ok.status).toBe(200);
        left.push(ok.headers.get('x-rate-limit-requests-left'));
      }
      expect(left).toEqual(['2', '1', '0']);

      const refused = await call();
      expect(refused.status).toBe(429);
      expect(refused.headers.get('x-rate-limit-requests-quota')).toBe('3');
      expect(refused.headers.get('x-rate-limit-requests-left')).toBe('0');
      expect(refused.headers.get('x-rate-limit-time-window-ms')).toBe('30000');
      const resetMs = Number(refused.headers.get('x-rate-limit-time-reset-ms'));
      expect(resetMs).toBeGreaterThan(0);
      expect(resetMs).toBeLessThanOrEqual(30_000);

      // Another store has its own quota.
      expect(limited.state.rateWindows['xyz789ghi']).toBeUndefined();

      offset = 30_000;
      expect((await call()).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});

describe('control panel', () => {
  it('lists the stores and shows the manage page for the owner by default', async () => {
    const home = await (await cp('/')).text();
    expect(home).toContain('Fietsenwinkel De Vries');
    expect(home).toContain(`href="/manage/${STORE}"`);
    expect(home).toContain('Brouwerij Het Anker');

    const page = await (await cp(`/manage/${STORE}`)).text();
    expect(page).toContain('Signed in as eigenaar@fietsenwinkel.nl');
    expect(page).toContain('data-testid="switch-user-1002"');
    expect(page).toContain('data-testid="install-button"');
    expect(page).toContain(`action="/manage/${STORE}/apps/install?user=${OWNER}"`);

    const staff = await (await cp(`/manage/${STORE}?user=${STAFF}`)).text();
    expect(staff).toContain('Signed in as boekhouder@fietsenwinkel.nl');
    expect((await cp('/manage/nosuchstore')).status).toBe(404);
    expect((await cp(`/manage/${STORE}?user=9999`)).status).toBe(404);
  });

  it('Install frames the app auth callback with code, scope, context and account_uuid', async () => {
    const res = await cp(`/manage/${STORE}/apps/install?user=${STAFF}`, 'POST');
    expect(res.status).toBe(200);
    const page = await res.text();
    const src = frameSrc(page);
    expect(`${src.origin}${src.pathname}`).toBe(`${app.url}/api/bigcommerce/auth`);
    expect(src.search).toContain(`context=stores%2F${STORE}`);
    expect(Object.fromEntries(src.searchParams)).toEqual({
      code: expect.stringMatching(/^\w+$/),
      scope: DEFAULT_SCOPES.join(' '),
      context: `stores/${STORE}`,
      account_uuid: APP_ACCOUNT_UUID,
    });
    expect(page).toContain('name="app"');
    expect(page).not.toContain('data-testid="install-button"');
    expect(sim.state.stores[STORE]?.installed).toBe(false);

    const code = src.searchParams.get('code') ?? '';
    expect(sim.state.grants).toContainEqual(expect.objectContaining({ code, userId: STAFF, used: false }));
    expect((await exchange(tokenBody(code))).status).toBe(200);
    const installed = await (await cp(`/manage/${STORE}`)).text();
    expect(installed).toContain('data-testid="open-app"');
    expect(installed).toContain('data-testid="uninstall-button"');
    expect(installed).toContain(`data-testid="remove-user-${STAFF}"`);
    expect(installed).not.toContain(`data-testid="remove-user-${OWNER}"`);
  });

  it('Open frames the load callback with a signed payload, and is refused before install', async () => {
    const before = await cp(`/manage/${STORE}/apps/open`);
    expect(before.status).toBe(409);
    const refusedPage = await before.text();
    expect(refusedPage).not.toContain('data-testid="app-frame"');
    expect(cpMessage(refusedPage)).toMatch(/not installed/);

    await install();
    const page = await (await cp(`/manage/${STORE}/apps/open?user=${STAFF}`)).text();
    const src = frameSrc(page);
    expect(`${src.origin}${src.pathname}`).toBe(`${app.url}/api/bigcommerce/load`);
    const claims = verify(src.searchParams.get('signed_payload_jwt') ?? '');
    expect(claims).toMatchObject({ sub: `stores/${STORE}`, user: { id: STAFF }, owner: { id: OWNER } });
  });

  it('Uninstall calls the app with a signed payload, revokes the token and records the answer', async () => {
    const token = await install();
    app.status.value = 204;
    const page = await (await cp(`/manage/${STORE}/apps/uninstall?user=${OWNER}`, 'POST')).text();
    expect(cpMessage(page)).toBe('App uninstalled (the app answered 204)');
    expect(page).toContain('data-testid="install-button"');

    expect(app.hits).toHaveLength(1);
    expect(app.hits[0]?.path).toBe('/api/bigcommerce/uninstall');
    const claims = verify(app.hits[0]?.query.get('signed_payload_jwt') ?? '');
    expect(claims).toMatchObject({ sub: `stores/${STORE}`, user: { id: OWNER, email: 'eigenaar@fietsenwinkel.nl' } });

    expect(sim.state.stores[STORE]).toMatchObject({ installed: false, accessToken: null });
    expect(sim.state.grants.filter((g) => g.storeHash === STORE)).toEqual([]);
    expect(sim.state.appCallbacks).toEqual([expect.objectContaining({ kind: 'uninstall', storeHash: STORE, userId: OWNER, status: 204 })]);
    expect((await getStore(token)).status).toBe(401);
    expect((await cp(`/manage/${STORE}/apps/open`)).status).toBe(409);
  });

  it('Remove user calls the app for that user and takes away their access', async () => {
    await install();
    const page = await (await cp(`/manage/${STORE}/users/${STAFF}/remove?user=${OWNER}`, 'POST')).text();
    expect(cpMessage(page)).toBe('Petra Jansen was removed from AccountView connector (the app answered 200)');
    expect(page).not.toContain(`data-testid="remove-user-${STAFF}"`);

    expect(app.hits.map((h) => h.path)).toEqual(['/api/bigcommerce/remove-user']);
    const claims = verify(app.hits[0]?.query.get('signed_payload_jwt') ?? '');
    expect(claims.user).toEqual({ id: STAFF, email: 'boekhouder@fietsenwinkel.nl', locale: 'nl-NL' });

    expect(sim.state.stores[STORE]?.usersWithoutAccess).toEqual([STAFF]);
    expect(sim.state.appCallbacks).toEqual([
      expect.objectContaining({ kind: 'remove-user', userId: STAFF, actingUserId: OWNER, status: 200 }),
    ]);
    const refused = await cp(`/manage/${STORE}/apps/open?user=${STAFF}`);
    expect(refused.status).toBe(409);
    expect(await refused.text()).not.toContain('data-testid="app-frame"');
    expect((await cp(`/manage/${STORE}/apps/open?user=${OWNER}`)).status).toBe(200);
    expect((await cp(`/manage/${STORE}/users/${OWNER}/remove?user=${OWNER}`, 'POST')).status).toBe(409);
  });

  it('still uninstalls when the app cannot be reached', async () => {
    const offline = await startBigCommerceSimulator({ appUrl: 'http://127.0.0.1:1', clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    try {
      const store = offline.state.stores[STORE];
      if (store) Object.assign(store, { installed: true, accessToken: 'tok', grantedScope: DEFAULT_SCOPES.join(' ') });
      const page = await (await fetch(`${offline.url}/manage/${STORE}/apps/uninstall`, { method: 'POST' })).text();
      expect(cpMessage(page)).toMatch(/^App uninstalled \(the app could not be reached/);
      expect(offline.state.stores[STORE]?.installed).toBe(false);
      expect(offline.state.appCallbacks[0]?.status).toBeNull();
    } finally {
      await offline.stop();
    }
  });
});

describe('admin endpoints', () => {
  it('exposes requests and state, and resets both', async () => {
    await install();
    await getStore('bad');
    const requests = (await (await fetch(`${sim.url}/__sim/requests`)).json()) as { path: string; status: number }[];
    expect(requests.map((r) => [r.path, r.status])).toEqual([
      ['/oauth2/token', 200],
      [`/stores/${STORE}/v2/store`, 401],
    ]);
    const state = (await (await fetch(`${sim.url}/__sim/state`)).json()) as { stores: Record<string, { installed: boolean }> };
    expect(state.stores[STORE]?.installed).toBe(true);

    expect((await fetch(`${sim.url}/__sim/reset`, { method: 'POST' })).status).toBe(200);
    expect(sim.requests).toEqual([]);
    expect(sim.state.stores[STORE]?.installed).toBe(false);
  });
});
