import type { RateLimitReport } from './rate-limit-headers';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RetryPolicy {
  /** Tries per call that meets a 5xx, a timeout or a dropped connection (BigCommerce suggests up to ~10). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** 429s are not failures: the call is repeated after each reset, up to this many times. */
  maxThrottles: number;
  /** First wait after a 429 that carries no rate-limit headers (the platform is under load); doubles each time. */
  throttleBaseMs: number;
  throttleMaxMs: number;
  /** Source of jitter, in [0, 1). */
  random: () => number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxThrottles: 20,
  throttleBaseMs: 5_000,
  throttleMaxMs: 60_000,
  random: Math.random,
};

/** BigCommerce asks for retries of exactly these (reference §2.0); other 5xx (501, 507) will not heal. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504]);

/** A repeat of GET, PUT or DELETE leaves the store as one call would; a POST only when its caller says so. */
export function isIdempotent(method: HttpMethod, declared: boolean | undefined): boolean {
  return method === 'POST' ? declared === true : declared !== false;
}

/** Half fixed, half random, so concurrent callers spread out but nobody retries at once. */
function jittered(ms: number, random: () => number): number {
  return Math.round(ms / 2 + (ms / 2) * random());
}

/**
 * Wait before repeat `attempt` (1 = first retry). Writes wait twice as long: BigCommerce advises it,
 * since a failed write may still be settling on their side.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, method: HttpMethod): number {
  const factor = method === 'GET' ? 1 : 2;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * factor * 2 ** (attempt - 1));
  return jittered(ceiling, policy.random);
}

/**
 * Wait after the `throttle`-th 429 in a row: the reset, or `X-Retry-After` when that is longer. Without
 * either header the platform itself is overloaded, so back off hard and exponentially.
 */
export function throttleDelay(report: RateLimitReport | undefined, throttle: number, policy: RetryPolicy): number {
  if (report?.resetMs !== undefined || report?.retryAfterMs !== undefined) {
    return Math.max(report.resetMs ?? 0, report.retryAfterMs ?? 0);
  }
  return jittered(Math.min(policy.throttleMaxMs, policy.throttleBaseMs * 2 ** (throttle - 1)), policy.random);
}
