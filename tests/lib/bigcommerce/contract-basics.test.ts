import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BigCommerceApiError, BigCommerceAuthError, createRateLimiter, createBigCommerceClient } from '@/lib/bigcommerce';
import { startInstalledStore, SIM_STORE, type InstalledStore } from './simulator';

describe('against the simulator: store information, auth and errors', () => {
  let store: InstalledStore;
  beforeAll(async () => {
    store = await startInstalledStore();
  });
  afterAll(() => store?.sim.stop());

  it('reads the store information', async () => {
    const info = await store.client().getStoreInformation();
    expect(info).toMatchObject({ id: SIM_STORE, name: 'Fietsenwinkel De Vries', currency: 'EUR', weight_units: 'kg' });
    expect(info.timezone?.name).toBe('Europe/Amsterdam');
  });

  it('reads any endpoint through request', async () => {
    const { status, body } = await store.client().request('GET', '/v2/time');
    expect(status).toBe(200);
    expect(body).toEqual({ time: Math.floor(store.clock.now() / 1000) });
  });

  it('names a refused token as an auth error with the v2 message', async () => {
    const client = store.client({ accessToken: 'not-the-token' });
    const error = await client.getStoreInformation().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceAuthError);
    expect(error).toMatchObject({ status: 401, title: 'The X-Auth-Token is not valid for this store.', v2Errors: [{ status: 401, message: 'The X-Auth-Token is not valid for this store.' }] });
  });

  it('reads a v2 404 as a list of messages and a v3 404 as a title', async () => {
    const client = store.client();
    await expect(client.request('GET', '/v2/no-such-thing')).rejects.toMatchObject({ status: 404, v2Errors: [{ status: 404, message: 'The requested resource was not found.' }] });
    const v3 = await client.request('GET', '/v3/no-such-thing').catch((e: unknown) => e);
    expect(v3).toBeInstanceOf(BigCommerceApiError);
    expect(v3).toMatchObject({ status: 404, title: 'The requested resource was not found.', v2Errors: [] });
  });

  it('answers for an unknown store hash with a 404', async () => {
    const client = createBigCommerceClient({ apiUrl: store.sim.apiUrl, storeHash: 'nosuchstore', accessToken: store.accessToken, rateLimiter: createRateLimiter() });
    await expect(client.getStoreInformation()).rejects.toMatchObject({ status: 404, title: 'Store "nosuchstore" was not found.' });
  });
});

describe('against the simulator: quota', () => {
  let store: InstalledStore;
  beforeAll(async () => {
    store = await startInstalledStore({ rateLimitQuota: 5 });
  });
  afterAll(() => store?.sim.stop());
  // reset() would uninstall the store; a fresh quota window and an empty log are all each test needs.
  beforeEach(() => {
    store.clock.advance(60_000);
    store.sim.requests.length = 0;
  });

  it('paces 23 sequential calls on a quota of 5 with no 429 at all', async () => {
    const client = store.client();
    const start = store.clock.now();
    for (let i = 0; i < 23; i += 1) await client.getStoreInformation();
    expect(store.statuses()).toEqual(Array(23).fill(200));
    // 4 per 30 s window (one of the 5 stays in reserve for other apps): 6 windows.
    expect(store.clock.now() - start).toBeGreaterThanOrEqual(5 * 30_000);
    expect(store.clock.now() - start).toBeLessThan(6 * 30_000);
  });

  it('paces concurrent calls from two clients of the same store with no 429', async () => {
    const limiter = createRateLimiter({ clock: store.clock });
    const [a, b] = [store.client({ rateLimiter: limiter }), store.client({ rateLimiter: limiter })];
    const calls = Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? a : b).getStoreInformation());
    const results = await Promise.all(calls);
    expect(results).toHaveLength(16);
    expect(store.statuses().filter((s) => s === 429)).toEqual([]);
  });

  it('waits out a quota another app used up, and loses no call', async () => {
    const client = store.client();
    await client.getStoreInformation();
    // Another app on the same store spends the rest of the window behind our limiter's back.
    for (let i = 0; i < 4; i += 1) {
      await fetch(`${store.sim.apiUrl}/stores/${SIM_STORE}/v2/time`, { headers: { 'X-Auth-Token': store.accessToken } });
    }
    const before = store.clock.now();
    const answers = await Promise.all([client.getStoreInformation(), client.request('POST', '/v2/time').catch((e: unknown) => e), client.getStoreInformation()]);
    expect(answers[0]).toMatchObject({ id: SIM_STORE });
    expect(answers[2]).toMatchObject({ id: SIM_STORE });
    // The POST was refused with 429 and then carried out after the reset (405 here: /v2/time is GET only).
    expect(answers[1]).toMatchObject({ status: 405 });
    expect(store.statuses()).toContain(429);
    expect(store.statuses().filter((s) => s !== 429)).toHaveLength(1 + 4 + 3);
    expect(store.clock.now() - before).toBeGreaterThanOrEqual(29_000);
  });
});
