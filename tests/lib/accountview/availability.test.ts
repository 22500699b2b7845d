import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AccountViewUnavailableError, createAccountViewClient, isRetryable } from '@/lib/accountview';
import type { AccountViewSimulator } from '@/tests/simulators/accountview';
import { configFor, connect, connectedClient, FAST_RETRY, FVR_ID, memoryTokenStore, requestsTo, startSimulator, type Clock } from './harness';

const clock: Clock = { offsetMs: 0 };
let sim: AccountViewSimulator;

beforeAll(async () => {
  sim = await startSimulator(clock);
});
afterAll(() => sim.stop());
beforeEach(() => sim.reset());

const groups = () => requestsTo(sim, '/api/v3/accountviewdata').filter((r) => r.businessObject === 'AG1');

describe('AccountView unavailable', () => {
  it('down: reads retry with backoff, then fail with AccountViewUnavailableError', async () => {
    const { client } = await connectedClient(sim);
    sim.faults.add({ kind: 'status', status: 503 });
    const failed = client.count('AG1');
    await expect(failed).rejects.toBeInstanceOf(AccountViewUnavailableError);
    await expect(failed).rejects.toMatchObject({ status: 503, retryable: true, userMessage: 'AccountView could not be reached.' });
    expect(groups()).toHaveLength(FAST_RETRY.attempts);
    expect(isRetryable(await failed.catch((e: unknown) => e))).toBe(true);
  });

  it('rides out a short outage, a 500, a dropped connection and a garbled answer', async () => {
    const { client } = await connectedClient(sim);
    sim.faults.add({ match: { businessObject: 'AG1' }, kind: 'status', status: 503, times: 1 });
    sim.faults.add({ match: { businessObject: 'AG1' }, kind: 'status', status: 500, times: 1 });
    expect(await client.count('AG1')).toBe(20);
    expect(groups().map((r) => r.status)).toEqual([503, 500, 200]);

    sim.faults.add({ match: { businessObject: 'VA1' }, kind: 'drop', times: 1 });
    expect(await client.count('VA1')).toBe(5);
    sim.faults.add({ match: { businessObject: 'GL1' }, kind: 'malformed', times: 1 });
    expect(await client.count('GL1')).toBe(23);
  });

  it('times out a slow AccountView', async () => {
    const store = memoryTokenStore(await connect(sim));
    const client = createAccountViewClient({ config: configFor(sim), tokens: store, companyId: FVR_ID, retry: { attempts: 2, baseDelayMs: 1 }, timeoutMs: 100 });
    sim.faults.add({ match: { businessObject: 'AG1' }, kind: 'slow', delayMs: 400 });
    await expect(client.readAll('AG1', {}, z.unknown())).rejects.toMatchObject({ name: 'AccountViewUnavailableError', message: expect.stringMatching(/within 100 ms/) });
  });

  it('cannot reach a host that is not there', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const store = memoryTokenStore(await connect(sim));
    const client = createAccountViewClient({ config: configFor(sim, { baseUrl: `http://127.0.0.1:${port}` }), tokens: store, companyId: FVR_ID, retry: FAST_RETRY });
    await expect(client.count('AG1')).rejects.toBeInstanceOf(AccountViewUnavailableError);
  });

  it('keeps the stored tokens when the token endpoint is down during a refresh', async () => {
    const { client, store } = await connectedClient(sim);
    const tokens = store.peek();
    if (!tokens) throw new Error('not connected');
    store.set({ ...tokens, expiresAt: new Date(Date.now() - 1000) });
    sim.faults.add({ match: { pathPrefix: '/api/v3/token' }, kind: 'status', status: 503 });
    await expect(client.count('AG1')).rejects.toMatchObject({ name: 'AccountViewUnavailableError', status: 503 });
    expect(store.saved).toEqual([]);
    expect(store.peek()?.refreshToken).toBe(tokens.refreshToken);
  });
});
