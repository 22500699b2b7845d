import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installApp, SPECS_AVAILABLE, startTestSimulator, testApi, type BigCommerceSimulator, type TestApi } from './bigcommerce';

const NL = 'abc123def';
const BE = 'xyz789ghi';

let sim: BigCommerceSimulator;
let api: TestApi;

beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(() => sim.stop());
beforeEach(async () => {
  sim.reset();
  api = testApi(sim, NL, await installApp(sim, NL));
});

describe('sim.faults', () => {
  it('status: answers the status in the API version error shape, `times` times', async () => {
    sim.faults.add({ match: { method: 'GET', pathPrefix: '/v2/orders' }, kind: 'status', status: 503, times: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await api.get('/v2/orders');
      expect(res.status).toBe(503);
      expect(res.body).toEqual([{ status: 503, message: expect.any(String) }]);
    }
    expect((await api.get('/v2/orders')).status).toBe(200);
    sim.faults.add({ match: { pathPrefix: '/v3/catalog' }, kind: 'status' });
    expect((await api.get('/v3/catalog/products')).body).toEqual({ status: 500, title: 'Internal Server Error', type: expect.any(String) });
    expect((await api.get('/v2/store')).status).toBe(200);
    expect(sim.faults.list()).toHaveLength(1);
  });

  it('matches on store hash and method only', async () => {
    sim.faults.add({ match: { storeHash: BE }, kind: 'status', status: 502 });
    sim.faults.add({ match: { method: 'POST' }, kind: 'status', status: 500 });
    expect((await api.get('/v2/orders/100')).status).toBe(200);
    expect((await api.post('/v3/customers', [])).status).toBe(500);
    const be = testApi(sim, BE, await installApp(sim, BE));
    expect((await be.get('/v2/store')).status).toBe(502);
  });

  it('slow: delays, then answers normally', async () => {
    sim.faults.add({ kind: 'slow', delayMs: 150, times: 1 });
    const started = Date.now();
    const res = await api.get('/v2/orders/100');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('drop: destroys the connection without answering', async () => {
    sim.faults.add({ match: { pathPrefix: '/v2/orders' }, kind: 'drop', times: 1 });
    await expect(api.get('/v2/orders')).rejects.toThrow();
    expect((await api.get('/v2/orders')).status).toBe(200);
    expect(sim.requests.filter((r) => r.path === `/stores/${NL}/v2/orders`).map((r) => r.status)).toEqual([0, 200]);
  });

  it('malformed: answers 200 with truncated JSON', async () => {
    sim.faults.add({ kind: 'malformed', times: 2 });
    const raw = await fetch(`${sim.apiUrl}/stores/${NL}/v3/catalog/products`, { headers: { 'X-Auth-Token': api.token } });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toContain('application/json');
    await expect(raw.json()).rejects.toThrow();
    await expect(api.get('/v2/orders')).rejects.toThrow(SyntaxError);
  });

  it('rate-limit-burst: answers 429 with the rate-limit headers', async () => {
    sim.faults.add({ kind: 'rate-limit-burst', delayMs: 4_000, times: 1 });
    const res = await api.get('/v2/orders');
    expect(res.status).toBe(429);
    expect(res.headers.get('x-rate-limit-requests-left')).toBe('0');
    expect(res.headers.get('x-rate-limit-time-reset-ms')).toBe('4000');
    expect(res.headers.get('x-retry-after')).toBe('4');
    expect(res.headers.get('x-rate-limit-time-window-ms')).toBe('30000');
  });

  it('probability 0 never fires; clear() and reset() remove faults', async () => {
    sim.faults.add({ kind: 'status', probability: 0 });
    expect((await api.get('/v2/store')).status).toBe(200);
    sim.faults.add({ kind: 'status' });
    sim.faults.clear();
    expect((await api.get('/v2/store')).status).toBe(200);
    sim.faults.add({ kind: 'status' });
    sim.reset();
    expect(sim.faults.list()).toEqual([]);
  });

  it('can be added and cleared over HTTP at /__sim/faults', async () => {
    const added = await fetch(`${sim.url}/__sim/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ match: { pathPrefix: '/v2/store' }, kind: 'status', status: 504 }),
    });
    expect(added.status).toBe(201);
    expect(await added.json()).toEqual({ id: expect.any(String) });
    expect((await api.get('/v2/store')).status).toBe(504);
    expect(((await (await fetch(`${sim.url}/__sim/faults`)).json()) as unknown[]).length).toBe(1);
    expect((await fetch(`${sim.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ kind: 'explode' }) })).status).toBe(422);
    expect((await fetch(`${sim.url}/__sim/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await api.get('/v2/store')).status).toBe(200);
  });
});

describe('spec validation', () => {
  it.skipIf(!SPECS_AVAILABLE)('refuses a body that breaks the spec with a 422 field error', async () => {
    const res = await api.post('/v3/customers', [{ email: 'a@b.nl', first_name: 'A', last_name: 'B', addresses: [{ first_name: 'A' }] }]);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ status: 422, errors: { '0.addresses.0.last_name': expect.any(String), '0.addresses.0.city': expect.any(String) } });
  });

  it('is skipped with one warning when the specs folder is missing', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const loose = await startTestSimulator({ specsDir: '/nonexistent/specs' });
    try {
      const looseApi = testApi(loose, NL, await installApp(loose, NL));
      // Without the spec, the simulator's own checks still apply.
      const res = await looseApi.post('/v3/catalog/products', { name: 'Zonder gewicht', type: 'physical', price: 1 });
      expect(res.status).toBe(422);
      expect((await looseApi.post('/v3/catalog/products', { name: 'Met gewicht', type: 'physical', price: 1, weight: 1 })).status).toBe(200);
      await looseApi.post('/v3/customers', [{ email: 'x@y.nl', first_name: 'X', last_name: 'Y' }]);
      expect(warn.mock.calls.filter((c) => String(c[0]).includes('/nonexistent/specs'))).toHaveLength(1);
    } finally {
      warn.mockRestore();
      await loose.stop();
    }
  });
});

describe('rate limit and request log', () => {
  it('counts every API call against the store window and answers 429 with the headers', async () => {
    const limited = await startTestSimulator({ rateLimitQuota: 4 });
    try {
      const limitedApi = testApi(limited, NL, await installApp(limited, NL));
      const statuses: number[] = [];
      for (const path of ['/v2/orders', '/v3/catalog/products/999', '/v3/hooks', '/v2/nothing-here', '/v2/orders']) {
        const res = await limitedApi.get(path);
        statuses.push(res.status);
        expect(res.headers.get('x-rate-limit-requests-quota')).toBe('4');
      }
      expect(statuses).toEqual([200, 404, 200, 404, 429]);
      const refused = await limitedApi.get('/v2/orders');
      expect(Number(refused.headers.get('x-rate-limit-time-reset-ms'))).toBeGreaterThan(0);
      expect(refused.headers.get('x-retry-after')).toMatch(/^\d+$/);
      expect(refused.body).toEqual([{ status: 429, message: expect.any(String) }]);
    } finally {
      await limited.stop();
    }
  });

  it('records method, path, query and status of every request', async () => {
    await api.get('/v2/orders', { status_id: 11, limit: 5 });
    await api.get('/v2/orders', { page: 2 });
    await api.post('/v3/customers', [{}]);
    const calls = sim.requests.filter((r) => r.path.startsWith('/stores/'));
    expect(calls.map((r) => [r.method, r.path, r.query, r.status])).toEqual([
      ['GET', `/stores/${NL}/v2/orders`, { status_id: '11', limit: '5' }, 200],
      ['GET', `/stores/${NL}/v2/orders`, { page: '2' }, 204],
      ['POST', `/stores/${NL}/v3/customers`, {}, 422],
    ]);
    expect(sim.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/v2/orders'))).toHaveLength(2);
  });
});
