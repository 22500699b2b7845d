import { sql } from 'drizzle-orm';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { install, load, removeUser, respondWithJson, respondWithPage, uninstall, type LifecycleDeps } from '@/lib/app-lifecycle';
import { findStore, findStoreUser, listStoreUsers } from '@/lib/db/queries/stores';
import { decryptSecret } from '@/lib/security/secrets';
import { redeemSessionTicket } from '@/lib/session/ticket';
import { openTestDatabase, tableCounts, testDatabaseKinds, type TestDatabase } from '../../helpers/databases';
import { callbackRequest, CLIENT_ID, CLIENT_SECRET, startSimulator, testLifecycleDeps, ticketFrom } from '../../helpers/lifecycle';
import type { BigCommerceSimulator } from '../../simulators/bigcommerce';

const STORE = 'abc123def';
const OWNER = 1001;
const STAFF = 1002;

function unsigned(claims: object): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

function claimsFor(storeHash: string, userId: number, overrides: object = {}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    aud: CLIENT_ID,
    iss: 'bc',
    iat: now,
    nbf: now,
    exp: now + 86_400,
    jti: crypto.randomUUID(),
    sub: `stores/${storeHash}`,
    user: { id: userId, email: `user${userId}@example.nl`, locale: 'nl-NL' },
    owner: { id: OWNER, email: 'eigenaar@fietsenwinkel.nl' },
    url: '/',
    channel_id: null,
    ...overrides,
  };
}

const sign = (claims: object, secret = CLIENT_SECRET) => jwt.sign(claims, secret, { algorithm: 'HS256' });

describe.each(testDatabaseKinds())('app lifecycle callbacks on %s', (kind) => {
  let database: TestDatabase;
  let sim: BigCommerceSimulator;
  let deps: LifecycleDeps;

  beforeAll(async () => {
    [database, sim] = await Promise.all([openTestDatabase(kind), startSimulator()]);
  });
  afterAll(async () => {
    await Promise.all([database?.dispose(), sim?.stop()]);
  });
  beforeEach(() => {
    sim.reset();
    deps = testLifecycleDeps(database.db, sim);
  });

  async function installAs(userId: number, storeHash = STORE): Promise<Response> {
    const grant = sim.issueGrant(storeHash, userId);
    return respondWithPage(
      callbackRequest('/api/bigcommerce/auth', {
        code: grant.code,
        scope: grant.scope,
        context: grant.context,
        account_uuid: grant.accountUuid,
      }),
      install,
      deps,
    );
  }

  it('walks install → load → second user → remove user → uninstall', async () => {
    const installed = await installAs(OWNER);
    expect(installed.status).toBe(200);
    const store = await findStore(database.db, STORE);
    expect(store).toBeDefined();
    const issuedToken = sim.state.stores[STORE]?.accessToken;
    expect(issuedToken).toBeTruthy();
    expect(store?.accessTokenEncrypted).not.toContain(issuedToken);
    expect(decryptSecret(store!.accessTokenEncrypted, deps.encryptionKey, STORE)).toBe(issuedToken);
    expect(store?.scope.split(' ')).toEqual(expect.arrayContaining(deps.requiredScopes));
    expect(await findStoreUser(database.db, STORE, OWNER)).toMatchObject({ isOwner: true });
    // The install registered the order webhooks with the store's secret header.
    const hooks = sim.state.stores[STORE]?.data.hooks ?? [];
    expect(hooks.map((h) => h.scope).sort()).toEqual(['store/order/created', 'store/order/refund/created', 'store/order/statusUpdated']);
    expect(new Set(hooks.map((h) => h.destination))).toEqual(new Set([deps.webhookDestination]));

    const ticket = await ticketFrom(installed);
    expect(await redeemSessionTicket(database.db, ticket, deps.sessionSecret)).toMatchObject({ storeHash: STORE, userId: OWNER, isOwner: true });
    expect(await redeemSessionTicket(database.db, ticket, deps.sessionSecret)).toBeNull();

    const staffLoad = await respondWithPage(
      callbackRequest('/api/bigcommerce/load', { signed_payload_jwt: sim.signPayload(STORE, STAFF) }),
      load,
      deps,
    );
    expect(staffLoad.status).toBe(200);
    expect((await listStoreUsers(database.db, STORE)).map((u) => [u.userId, u.isOwner])).toEqual([
      [OWNER, true],
      [STAFF, false],
    ]);

    const removed = await respondWithJson(
      callbackRequest('/api/bigcommerce/remove-user', { signed_payload_jwt: sim.signPayload(STORE, STAFF) }),
      removeUser,
      deps,
    );
    expect(removed.status).toBe(200);
    expect(await findStoreUser(database.db, STORE, STAFF)).toBeUndefined();
    expect(await redeemSessionTicket(database.db, await ticketFrom(staffLoad), deps.sessionSecret)).toBeNull();

    const gone = await respondWithJson(
      callbackRequest('/api/bigcommerce/uninstall', { signed_payload_jwt: sim.signPayload(STORE, OWNER) }),
      uninstall,
      deps,
    );
    expect(gone.status).toBe(200);
    expect(await findStore(database.db, STORE)).toBeUndefined();
    expect(await listStoreUsers(database.db, STORE)).toEqual([]);
  });

  it('keeps one store out of another: a load for store B never sees store A users', async () => {
    expect((await installAs(OWNER)).status).toBe(200);
    expect((await installAs(2001, 'xyz789ghi')).status).toBe(200);
    const other = await respondWithPage(
      callbackRequest('/api/bigcommerce/load', { signed_payload_jwt: sim.signPayload('xyz789ghi', 2002) }),
      load,
      deps,
    );
    const session = await redeemSessionTicket(database.db, await ticketFrom(other), deps.sessionSecret);
    expect(session?.storeHash).toBe('xyz789ghi');
    expect((await listStoreUsers(database.db, STORE)).map((u) => u.userId)).toEqual([OWNER]);
    await uninstall(deps, new URLSearchParams({ signed_payload_jwt: sim.signPayload('xyz789ghi', 2001) }));
    expect(await findStore(database.db, STORE)).toBeDefined();
    await uninstall(deps, new URLSearchParams({ signed_payload_jwt: sim.signPayload(STORE, OWNER) }));
  });

  describe('bad input gets a clear answer and writes nothing', () => {
    type Case = {
      name: string;
      path: string;
      params: () => Record<string, string>;
      status: number;
      code: string;
      installed?: boolean;
      before?: (params: Record<string, string>) => Promise<void>;
    };
    const loadCases: Case[] = [
      { name: 'load without a signed payload', path: 'load', params: () => ({}), status: 400, code: 'signed_payload_missing' },
      { name: 'load with a payload signed by another secret', path: 'load', params: () => ({ signed_payload_jwt: sign(claimsFor(STORE, OWNER), 'forged-secret') }), status: 401, code: 'signed_payload_invalid' },
      { name: 'load with alg: none', path: 'load', params: () => ({ signed_payload_jwt: unsigned(claimsFor(STORE, OWNER)) }), status: 401, code: 'signed_payload_invalid' },
      { name: 'load with an expired payload', path: 'load', params: () => ({ signed_payload_jwt: sign(claimsFor(STORE, OWNER, { iat: 1_600_000_000, nbf: 1_600_000_000, exp: 1_600_086_400 })) }), status: 401, code: 'signed_payload_expired' },
      { name: 'load with a payload not yet valid', path: 'load', params: () => ({ signed_payload_jwt: sign(claimsFor(STORE, OWNER, { nbf: Math.floor(Date.now() / 1000) + 3600 })) }), status: 401, code: 'signed_payload_invalid' },
      { name: 'load with a payload for another app', path: 'load', params: () => ({ signed_payload_jwt: sign(claimsFor(STORE, OWNER, { aud: 'another-app' })) }), status: 401, code: 'signed_payload_wrong_audience' },
      { name: 'load with a payload not issued by bc', path: 'load', params: () => ({ signed_payload_jwt: sign(claimsFor(STORE, OWNER, { iss: 'evil' })) }), status: 401, code: 'signed_payload_wrong_issuer' },
      { name: 'load with a subject that is no store', path: 'load', params: () => ({ signed_payload_jwt: sign(claimsFor(STORE, OWNER, { sub: 'users/1' })) }), status: 401, code: 'signed_payload_wrong_subject' },
      { name: 'load with a malformed token', path: 'load', params: () => ({ signed_payload_jwt: 'not-a-jwt' }), status: 401, code: 'signed_payload_malformed' },
      { name: 'load with garbage in every part', path: 'load', params: () => ({ signed_payload_jwt: 'a.b.c' }), status: 401, code: 'signed_payload_malformed' },
      { name: 'load for a store that never installed', path: 'load', params: () => ({ signed_payload_jwt: sign(claimsFor('neverinstalled', 1)) }), status: 404, code: 'store_not_installed' },
      {
        name: 'load replaying a payload already used',
        path: 'load',
        installed: true,
        params: () => ({ signed_payload_jwt: sign(claimsFor(STORE, OWNER, { jti: 'replayed-jti' })) }),
        before: async (params) => {
          expect((await respondWithPage(callbackRequest('/api/bigcommerce/load', params), load, deps)).status).toBe(200);
        },
        status: 401,
        code: 'signed_payload_replayed',
      },
    ];
    const installCases: Case[] = [
      { name: 'install without a code', path: 'auth', params: () => ({ scope: 'x', context: `stores/${STORE}` }), status: 400, code: 'bad_request' },
      { name: 'install with a malformed context', path: 'auth', params: () => ({ code: 'c', scope: 'x', context: 'store/abc' }), status: 400, code: 'bad_request' },
      {
        name: 'install granting fewer scopes than the app needs',
        path: 'auth',
        params: () => {
          const grant = sim.issueGrant(STORE, OWNER);
          return { code: grant.code, scope: 'store_v2_orders_read_only', context: grant.context };
        },
        status: 400,
        code: 'scope_mismatch',
      },
      {
        name: 'install with a code BigCommerce never issued',
        path: 'auth',
        params: () => ({ code: 'made-up', scope: deps.requiredScopes.join(' '), context: `stores/${STORE}` }),
        status: 400,
        code: 'install_code_refused',
      },
      {
        name: 'install with a code for another store',
        path: 'auth',
        params: () => {
          const grant = sim.issueGrant(STORE, OWNER);
          return { code: grant.code, scope: grant.scope, context: 'stores/xyz789ghi' };
        },
        status: 400,
        code: 'install_code_refused',
      },
    ];
    const serverCases: Case[] = [
      { name: 'uninstall for an unknown store', path: 'uninstall', params: () => ({ signed_payload_jwt: sign(claimsFor('unknownstore', 1)) }), status: 404, code: 'store_not_installed' },
      { name: 'uninstall with a forged payload', path: 'uninstall', installed: true, params: () => ({ signed_payload_jwt: sign(claimsFor(STORE, OWNER), 'forged') }), status: 401, code: 'signed_payload_invalid' },
      { name: 'uninstall without a payload', path: 'uninstall', installed: true, params: () => ({}), status: 400, code: 'signed_payload_missing' },
      { name: 'remove_user for an unknown store', path: 'remove-user', params: () => ({ signed_payload_jwt: sign(claimsFor('unknownstore', 5)) }), status: 404, code: 'store_not_installed' },
      { name: 'remove_user with alg: none', path: 'remove-user', installed: true, params: () => ({ signed_payload_jwt: unsigned(claimsFor(STORE, OWNER)) }), status: 401, code: 'signed_payload_invalid' },
      { name: 'remove_user for another app', path: 'remove-user', installed: true, params: () => ({ signed_payload_jwt: sign(claimsFor(STORE, STAFF, { aud: 'x' })) }), status: 401, code: 'signed_payload_wrong_audience' },
    ];

    const callbacks = { load, auth: install, uninstall, 'remove-user': removeUser } as const;

    it.each([...loadCases, ...installCases, ...serverCases])('$name → $status $code', async (c) => {
      await database.db.execute(sql`truncate stores, store_users, used_tokens, accountview_connections cascade`);
      if (c.installed) expect((await installAs(OWNER)).status).toBe(200);
      const params = c.params();
      await c.before?.(params);
      const countsBefore = await tableCounts(database);
      const request = callbackRequest(`/api/bigcommerce/${c.path}`, params);
      const browser = c.path === 'load' || c.path === 'auth';
      const callback = callbacks[c.path as keyof typeof callbacks];
      const response = browser
        ? await respondWithPage(request, callback as typeof load, deps)
        : await respondWithJson(request, callback as typeof uninstall, deps);
      expect(response.status).toBe(c.status);
      if (browser) {
        expect(response.headers.get('content-type')).toContain('text/html');
        const html = await response.text();
        expect(html).toContain(c.code);
        expect(html).not.toContain('name="ticket"');
      } else {
        expect(await response.json()).toMatchObject({ ok: false, error: { code: c.code } });
      }
      expect(await tableCounts(database)).toEqual(countsBefore);
    });
  });
});
