import type { Clock } from './clock';
import { apiErrorFor, rateLimitError } from './error-body';
import { BigCommerceResponseError, BigCommerceUnavailableError } from './errors';
import { readRateLimitHeaders } from './rate-limit-headers';
import type { RateLimiter } from './rate-limiter';
import { backoffDelay, isIdempotent, RETRY_STATUSES, throttleDelay, type HttpMethod, type RetryPolicy } from './retry';

export type ApiPath = `/v2/${string}` | `/v3/${string}`;

/** Query values; arrays become BigCommerce's comma lists (`id:in=1,2,3`), undefined is left out. */
export type Query = Readonly<Record<string, unknown>>;

export interface RequestOptions {
  query?: Query;
  /** JSON-encoded, except a `FormData`, which is sent as multipart. */
  body?: unknown;
  /** Only for POSTs that cannot create a duplicate when repeated; GET, PUT and DELETE always count as idempotent. */
  idempotent?: boolean;
  signal?: AbortSignal;
}

export interface ApiResponse {
  status: number;
  /** Parsed JSON; undefined for 204 and other empty bodies. */
  body: unknown;
  headers: Headers;
}

/** `send` bound to one store: what the endpoint modules are written against. */
export type Call = (method: HttpMethod, path: ApiPath, options?: RequestOptions) => Promise<ApiResponse>;

/** Everything one store's requests share. */
export interface Transport {
  /** `{apiUrl}/stores/{store_hash}` */
  baseUrl: string;
  accessToken: string;
  fetch: typeof fetch;
  timeoutMs: number;
  limiter: RateLimiter;
  retry: RetryPolicy;
  clock: Clock;
}

export function buildUrl(baseUrl: string, path: ApiPath, query: Query | undefined): URL {
  const url = new URL(baseUrl + path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    url.searchParams.set(key, Array.isArray(value) ? value.map(String).join(',') : String(value));
  }
  return url;
}

type Attempt =
  | { kind: 'answer'; status: number; headers: Headers; text: string }
  | { kind: 'unreachable'; error: BigCommerceUnavailableError };

async function attempt(t: Transport, method: HttpMethod, url: URL, path: ApiPath, options: RequestOptions): Promise<Attempt> {
  const timeout = AbortSignal.timeout(t.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  // A FormData body (multipart upload) goes as it is: fetch sets the multipart type with its boundary.
  const form = options.body instanceof FormData ? options.body : undefined;
  try {
    const response = await t.fetch(url, {
      method,
      headers: {
        'X-Auth-Token': t.accessToken,
        Accept: 'application/json',
        ...(options.body === undefined || form ? {} : { 'Content-Type': 'application/json' }),
      },
      body: form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal,
    });
    // Read inside the try: a connection that drops mid-body is as unreachable as one that never opened.
    return { kind: 'answer', status: response.status, headers: response.headers, text: await response.text() };
  } catch (cause) {
    if (options.signal?.aborted) throw options.signal.reason;
    const timedOut = timeout.aborted;
    const what = timedOut ? `did not answer within ${t.timeoutMs} ms` : 'could not be reached';
    return { kind: 'unreachable', error: new BigCommerceUnavailableError(`BigCommerce ${method} ${path} ${what}`, { cause, reason: timedOut ? 'timeout' : 'network' }) };
  }
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * One call, with the store's pacing, 429 handling and retries. A 429 is always repeated once the
 * quota refills (BigCommerce refused it before doing anything). 5xx, timeouts and dropped connections
 * are repeated only for idempotent calls: a POST that timed out may have created the resource.
 */
export async function send(t: Transport, method: HttpMethod, path: ApiPath, options: RequestOptions = {}): Promise<ApiResponse> {
  const url = buildUrl(t.baseUrl, path, options.query);
  const retriable = isIdempotent(method, options.idempotent);
  let failures = 0;
  let throttles = 0;
  for (;;) {
    const release = await t.limiter.acquire(options.signal);
    let result: Attempt;
    try {
      result = await attempt(t, method, url, path, options);
    } catch (aborted) {
      release();
      throw aborted;
    }
    if (result.kind === 'unreachable') {
      release();
      failures += 1;
      if (!retriable || failures >= t.retry.maxAttempts) throw result.error;
      await t.clock.sleep(backoffDelay(failures, t.retry, method), options.signal);
      continue;
    }
    const report = readRateLimitHeaders(result.headers);
    release(report);
    const parsed = parseBody(result.text);
    const body = parsed.ok ? parsed.value : undefined;

    if (result.status === 429) {
      throttles += 1;
      const wait = throttleDelay(report, throttles, t.retry);
      if (throttles > t.retry.maxThrottles) throw rateLimitError(body, method, path, wait);
      // Through the limiter, so every client of this store holds off, not just this call.
      t.limiter.pauseUntil(t.clock.now() + wait);
      continue;
    }
    const succeeded = result.status >= 200 && result.status < 300;
    if (succeeded && parsed.ok) return { status: result.status, body, headers: result.headers };
    // A success with broken JSON is most likely a body cut off on the way; a GET can simply ask again.
    const error = succeeded
      ? new BigCommerceResponseError(`answered ${result.status} with a body that is not JSON`, method, path)
      : apiErrorFor(result.status, body, method, path);
    const transient = succeeded || RETRY_STATUSES.has(result.status);
    failures += 1;
    if (!retriable || !transient || failures >= t.retry.maxAttempts) throw error;
    await t.clock.sleep(backoffDelay(failures, t.retry, method), options.signal);
  }
}
