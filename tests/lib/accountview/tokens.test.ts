import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccountViewAuthError, createAccountViewClient, type AccountViewTokens } from '@/lib/accountview';
import type { AccountViewSimulator } from '@/tests/simulators/accountview';
import { configFor, connect, connectedClient, FAST_RETRY, FVR_ID, memoryTokenStore, refreshCalls, requestsTo, startSimulator, type Clock, type MemoryTokenStore } from './harness';

const clock: Clock = { offsetMs: 0 };
let sim: AccountViewSimulator;

beforeAll(async () => {
  sim = await startSimulator(clock);
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const expiringIn = (tokens: AccountViewTokens, ms: number): AccountViewTokens => ({ ...tokens, expiresAt: new Date(Date.now() + ms) });

function clientOn(store: MemoryTokenStore, log?: string[]) {
  const logging: typeof fetch = (input, init) => {
    log?.push(`fetch ${new URL(String(input)).pathname}`);
    return fetch(input, init);
  };
  return createAccountViewClient({ config: configFor(sim), tokens: store, companyId: FVR_ID, retry: FAST_RETRY, fetch: logging });
}

describe('tokens', () => {
  it('refreshes ahead of expiry under the lock, re-reading first and saving before first use', async () => {
    const original = await connect(sim);
    const store = memoryTokenStore(expiringIn(original, 30_000));
    await clientOn(store, store.log).count('AG1');
    expect(store.log).toEqual(['load', 'lock', 'load', 'fetch /api/v3/token', 'save', 'unlock', 'fetch /api/v3/accountviewdata']);
    expect(store.peek()?.refreshToken).not.toBe(original.refreshToken);
    expect(store.peek()?.scope).toBe(original.scope);
    expect(refreshCalls(sim)).toHaveLength(1);
  });

  it('on a 401 refreshes once and retries', async () => {
    const { client } = await connectedClient(sim);
    sim.expireAccessTokens();
    expect(await client.count('AG1')).toBe(20);
    expect(refreshCalls(sim)).toHaveLength(1);
    expect(requestsTo(sim, '/api/v3/accountviewdata').map((r) => r.status)).toEqual([401, 200]);
  });

  it('gives up with AccountViewAuthError when even a fresh token is refused', async () => {
    const { client } = await connectedClient(sim);
    sim.faults.add({ match: { pathPrefix: '/api/v3/accountviewdata' }, kind: 'status', status: 401, times: 2 });
    await expect(client.count('AG1')).rejects.toMatchObject({ name: 'AccountViewAuthError', reason: 'rejected' });
    expect(refreshCalls(sim)).toHaveLength(1);
  });

  it('reports revoked consent as AccountViewAuthError telling the merchant to reconnect', async () => {
    const { client, store } = await connectedClient(sim);
    const before = store.peek();
    sim.revokeConsent();
    sim.expireAccessTokens();
    const failed = client.count('AG1');
    await expect(failed).rejects.toBeInstanceOf(AccountViewAuthError);
    await expect(failed).rejects.toMatchObject({ reason: 'refresh-refused', retryable: false, userMessage: 'AccountView no longer accepts the connection.', hint: expect.stringMatching(/Reconnect/) });
    expect(store.peek()).toEqual(before);
  });

  it('without stored tokens says AccountView is not connected', async () => {
    const client = clientOn(memoryTokenStore());
    await expect(client.count('AG1')).rejects.toMatchObject({ name: 'AccountViewAuthError', reason: 'not-connected' });
  });

  it('rotates once when two clients sharing a store refresh at the same time', async () => {
    const store = memoryTokenStore(expiringIn(await connect(sim), -1000));
    const [a, b] = [clientOn(store), clientOn(store)];
    const [groups, vat, ledger] = await Promise.all([a.count('AG1'), b.count('VA1'), b.count('GL1')]);
    expect([groups, vat, ledger]).toEqual([20, 5, 23]);
    expect(refreshCalls(sim)).toHaveLength(1);
    expect(store.saved).toHaveLength(1);
    // And the rotated token keeps working afterwards.
    expect(await a.count('DJ1')).toBe(5);
  });

  it('rotates once when one client is asked many things at once (Test connection)', async () => {
    const store = memoryTokenStore(expiringIn(await connect(sim), -1000));
    const client = clientOn(store);
    await Promise.all([client.count('AR1'), client.count('AK1'), client.count('AG1'), client.canWrite()]);
    expect(refreshCalls(sim)).toHaveLength(1);
  });

  it('shows why the lock matters: without it the reused refresh token kills the connection', async () => {
    const store = memoryTokenStore(expiringIn(await connect(sim), -1000), { lock: false });
    const [a, b] = [clientOn(store), clientOn(store)];
    const results = await Promise.allSettled([a.count('AG1'), b.count('VA1')]);
    expect(results.some((r) => r.status === 'rejected' && r.reason instanceof AccountViewAuthError)).toBe(true);
    await expect(a.count('AG1')).rejects.toBeInstanceOf(AccountViewAuthError);
  });
});
