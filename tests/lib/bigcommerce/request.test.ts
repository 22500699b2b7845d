import { describe, expect, it } from 'vitest';
import {
  BigCommerceApiError,
  BigCommerceAuthError,
  BigCommercePartialSuccessError,
  BigCommerceRateLimitError,
  BigCommerceResponseError,
  BigCommerceUnavailableError,
  createRateLimiter,
  isRetryable,
} from '@/lib/bigcommerce';
import { answers, fakeFetch, json, manualClock, noContent, testClient } from './fakes';

const RATE_HEADERS = {
  'x-rate-limit-requests-left': '140',
  'x-rate-limit-requests-quota': '150',
  'x-rate-limit-time-reset-ms': '20000',
  'x-rate-limit-time-window-ms': '30000',
};

const storeInfo = { id: 'abc123def', name: 'Fietsenwinkel De Vries' };
const ok = () => json(200, storeInfo, RATE_HEADERS);
const status = (code: number) => () => json(code, { status: code, title: 'Internal Server Error' });
const dropped = () => {
  throw new TypeError('fetch failed', { cause: new Error('ECONNRESET') });
};

describe('requests', () => {
  it('authenticates per store on the v2 and v3 base paths', async () => {
    const fetch = fakeFetch(() => json(200, { data: [], meta: { pagination: { current_page: 1, total_pages: 0 } } }));
    const client = testClient(fetch);
    await client.request('GET', '/v2/time');
    await client.request('PUT', '/v3/hooks/7', { body: { is_active: true }, query: { 'id:in': [1, 2], skip: undefined } });
    const [v2, v3] = fetch.seen;
    expect(v2?.url.href).toBe('https://api.bigcommerce.test/stores/abc123def/v2/time');
    expect(v2?.headers.get('x-auth-token')).toBe('token-1');
    expect(v2?.headers.get('accept')).toBe('application/json');
    expect(v2?.headers.has('content-type')).toBe(false);
    expect(v3?.url.pathname).toBe('/stores/abc123def/v3/hooks/7');
    expect(v3?.url.searchParams.get('id:in')).toBe('1,2');
    expect(v3?.url.searchParams.has('skip')).toBe(false);
    expect(v3?.headers.get('content-type')).toBe('application/json');
    expect(v3?.body).toEqual({ is_active: true });
  });

  it('reads the rate-limit headers whatever their case', async () => {
    const clock = manualClock();
    const limiter = createRateLimiter({ clock });
    await testClient(fakeFetch(ok), clock, { rateLimiter: limiter }).getStoreInformation();
    expect(limiter.state).toMatchObject({ left: 140, quota: 150, windowMs: 30_000, resetAt: clock.now() + 20_000 });
  });

  it('answers 204 with an undefined body', async () => {
    const response = await testClient(fakeFetch(() => noContent())).request('DELETE', '/v3/hooks/7');
    expect(response).toMatchObject({ status: 204, body: undefined });
  });

  it('refuses a store hash that would change the URL', () => {
    expect(() => testClient(fakeFetch(ok), manualClock(), { storeHash: '../other' })).toThrow(RangeError);
  });
});

describe('retries', () => {
  it.each([500, 502, 503, 504])('repeats a GET that met %i, with growing jittered waits', async (code) => {
    const clock = manualClock();
    const fetch = fakeFetch(answers(status(code), status(code), ok));
    const info = await testClient(fetch, clock).getStoreInformation();
    expect(info.name).toBe('Fietsenwinkel De Vries');
    expect(fetch.seen).toHaveLength(3);
    // Half fixed, half random (0.5 here): 500 ms → 375, 1000 ms → 750.
    expect(clock.slept).toEqual([375, 750]);
  });

  it('gives up after the configured attempts with a retryable error', async () => {
    const fetch = fakeFetch(status(503));
    const error = await testClient(fetch).getStoreInformation().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceApiError);
    expect(error).toMatchObject({ status: 503, retryable: true });
    expect(isRetryable(error)).toBe(true);
    expect(fetch.seen).toHaveLength(5);
  });

  it('does not repeat a POST that met a 5xx: it may have been carried out', async () => {
    const fetch = fakeFetch(answers(status(500), ok));
    await expect(testClient(fetch).request('POST', '/v3/hooks', { body: {} })).rejects.toMatchObject({ status: 500 });
    expect(fetch.seen).toHaveLength(1);
  });

  it('repeats a POST its caller marked idempotent', async () => {
    const fetch = fakeFetch(answers(status(502), ok));
    await testClient(fetch).request('POST', '/v3/catalog/products/search', { body: {}, idempotent: true });
    expect(fetch.seen).toHaveLength(2);
  });

  it('waits twice as long before repeating a write', async () => {
    const clock = manualClock();
    await testClient(fakeFetch(answers(status(500), ok)), clock).request('PUT', '/v3/hooks/1', { body: {} });
    expect(clock.slept).toEqual([750]);
  });

  it.each([400, 404, 409, 422, 501, 507])('does not repeat a %i', async (code) => {
    const fetch = fakeFetch(status(code));
    await expect(testClient(fetch).getStoreInformation()).rejects.toMatchObject({ status: code, retryable: false });
    expect(fetch.seen).toHaveLength(1);
  });

  it('repeats a GET after a dropped connection', async () => {
    const fetch = fakeFetch(answers(dropped, ok));
    await testClient(fetch).getStoreInformation();
    expect(fetch.seen).toHaveLength(2);
  });

  it('reports an unreachable BigCommerce once the attempts are used up', async () => {
    const error = await testClient(fakeFetch(dropped)).getStoreInformation().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceUnavailableError);
    expect(error).toMatchObject({ reason: 'network', retryable: true });
  });

  it('does not repeat a POST after a dropped connection', async () => {
    const fetch = fakeFetch(answers(dropped, ok));
    await expect(testClient(fetch).request('POST', '/v3/hooks', { body: {} })).rejects.toBeInstanceOf(BigCommerceUnavailableError);
    expect(fetch.seen).toHaveLength(1);
  });

  it('times out a slow answer and repeats the GET', async () => {
    const hang = (request: { signal?: AbortSignal }) =>
      new Promise<Response>((_resolve, reject) => request.signal?.addEventListener('abort', () => reject(request.signal?.reason)));
    let calls = 0;
    const fetch = (async (_url: URL, init: RequestInit) => (++calls === 1 ? hang({ signal: init.signal ?? undefined }) : ok())) as typeof globalThis.fetch;
    await testClient(fetch, manualClock(), { timeoutMs: 20 }).getStoreInformation();
    expect(calls).toBe(2);
    const slow = (async (_url: URL, init: RequestInit) => hang({ signal: init.signal ?? undefined })) as typeof globalThis.fetch;
    const error = await testClient(slow, manualClock(), { timeoutMs: 10, retry: { maxAttempts: 2 } }).getStoreInformation().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'BigCommerceUnavailableError', reason: 'timeout' });
  });

  it('stops at once when the caller aborts', async () => {
    const controller = new AbortController();
    const fetch = fakeFetch(() => {
      controller.abort(new Error('shutting down'));
      throw new DOMException('aborted', 'AbortError');
    });
    await expect(testClient(fetch).request('GET', '/v2/store', { signal: controller.signal })).rejects.toThrow('shutting down');
    expect(fetch.seen).toHaveLength(1);
  });
});

describe('429', () => {
  const limited = (headers: Record<string, string>) => () => json(429, { status: 429, title: 'Too many requests' }, headers);

  it('waits the reset and repeats the call, even a POST', async () => {
    const clock = manualClock();
    const fetch = fakeFetch(answers(limited({ 'X-Rate-Limit-Requests-Left': '0', 'X-Rate-Limit-Time-Reset-Ms': '7000', 'X-Rate-Limit-Requests-Quota': '150', 'X-Rate-Limit-Time-Window-Ms': '30000' }), ok));
    const response = await testClient(fetch, clock).request('POST', '/v3/hooks', { body: {} });
    expect(response.status).toBe(200);
    expect(fetch.seen).toHaveLength(2);
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(7000);
  });

  it('honours X-Retry-After when it is longer than the reset', async () => {
    const clock = manualClock();
    const fetch = fakeFetch(answers(limited({ 'X-Rate-Limit-Time-Reset-Ms': '2000', 'X-Retry-After': '9' }), ok));
    await testClient(fetch, clock).getStoreInformation();
    expect(clock.slept[0]).toBe(9000);
  });

  it('backs off hard and harder when a 429 carries no headers', async () => {
    const clock = manualClock();
    const fetch = fakeFetch(answers(limited({}), limited({}), ok));
    await testClient(fetch, clock).getStoreInformation();
    // 5 s then 10 s, jittered at the midpoint: 3.75 s and 7.5 s, far above a 5xx's backoff.
    expect(clock.slept).toEqual([3750, 7500]);
  });

  it('gives up only after many resets, with a rate-limit error', async () => {
    const fetch = fakeFetch(limited({ 'X-Rate-Limit-Time-Reset-Ms': '1000' }));
    const error = await testClient(fetch, manualClock(), { retry: { maxThrottles: 3, random: () => 0.5 } }).getStoreInformation().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceRateLimitError);
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterMs: 1000 });
    expect(fetch.seen).toHaveLength(4);
  });
});

describe('errors', () => {
  it('keeps the v3 title and field errors', async () => {
    const body = { status: 422, title: 'JSON data is missing or invalid', type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes', errors: { name: 'Please provide a name.', price: 'Please provide a price.' } };
    const error = await testClient(fakeFetch(() => json(422, body))).request('POST', '/v3/catalog/products', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceApiError);
    expect(error).toMatchObject({ status: 422, title: 'JSON data is missing or invalid', errors: body.errors, v2Errors: [], retryable: false, method: 'POST', path: '/v3/catalog/products' });
    expect((error as Error).message).toContain('name: Please provide a name.');
  });

  it('keeps the v2 list of messages', async () => {
    const body = [{ status: 404, message: 'The requested resource was not found.' }];
    const error = await testClient(fakeFetch(() => json(404, body))).getOrder(999).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, title: 'The requested resource was not found.', v2Errors: body, errors: {} });
  });

  it('names an auth failure so callers can ask for re-authorisation', async () => {
    const error = await testClient(fakeFetch(() => json(401, [{ status: 401, message: 'The X-Auth-Token is not valid.' }]))).getStoreInformation().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommerceAuthError);
    expect(isRetryable(error)).toBe(false);
  });

  it('copes with an error page that is not JSON', async () => {
    const error = await testClient(fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 })), manualClock(), { retry: { maxAttempts: 1 } })
      .getStoreInformation()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, title: 'HTTP 502' });
  });

  it('turns a 207 into an error that carries what was saved', async () => {
    const product = { id: 111, name: 'Gazelle Esprit' };
    const body = { data: product, errors: { status: 207, title: 'Inventory not saved', errors: { inventory_level: 'Inventory tracking is off' } }, meta: {} };
    const error = await testClient(fakeFetch(() => json(207, body))).createProduct({ name: 'Gazelle Esprit', type: 'physical', weight: 18, price: 649 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BigCommercePartialSuccessError);
    expect(error).toMatchObject({ status: 207, title: 'Inventory not saved', errors: { inventory_level: 'Inventory tracking is off' }, data: product, retryable: false });
  });

  it('asks again when a success arrives with a cut-off body, and gives up if it stays broken', async () => {
    const cutOff = () => new Response('{"data":[{"id":1', { status: 200 });
    const healed = fakeFetch(answers(cutOff, () => json(200, { data: [] })));
    expect((await testClient(healed).request('GET', '/v3/hooks')).body).toEqual({ data: [] });
    const broken = fakeFetch(cutOff);
    await expect(testClient(broken).request('GET', '/v3/hooks')).rejects.toBeInstanceOf(BigCommerceResponseError);
    expect(broken.seen).toHaveLength(5);
    const post = fakeFetch(cutOff);
    await expect(testClient(post).request('POST', '/v3/hooks', { body: {} })).rejects.toBeInstanceOf(BigCommerceResponseError);
    expect(post.seen).toHaveLength(1);
  });

  it('refuses store information without the fields the app reads', async () => {
    await expect(testClient(fakeFetch(() => json(200, { name: 'no id' }))).getStoreInformation()).rejects.toBeInstanceOf(BigCommerceResponseError);
  });
});
