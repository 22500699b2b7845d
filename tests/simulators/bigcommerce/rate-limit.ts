import type { SimRuntime } from './runtime';

export const RATE_WINDOW_MS = 30_000;

export interface RateLimitResult {
  allowed: boolean;
  headers: Record<string, string>;
}

function currentWindow(rt: SimRuntime, storeHash: string) {
  const now = rt.now();
  const existing = rt.state.rateWindows[storeHash];
  // A fixed window, like BigCommerce's quota that refills every 30 s, not a sliding one.
  if (existing && now - existing.startedAt < RATE_WINDOW_MS) return { window: existing, now };
  const fresh = { startedAt: now, count: 0 };
  rt.state.rateWindows[storeHash] = fresh;
  return { window: fresh, now };
}

function headersFor(rt: SimRuntime, startedAt: number, count: number, now: number): Record<string, string> {
  return {
    'X-Rate-Limit-Time-Window-Ms': String(RATE_WINDOW_MS),
    'X-Rate-Limit-Time-Reset-Ms': String(Math.max(0, startedAt + RATE_WINDOW_MS - now)),
    'X-Rate-Limit-Requests-Quota': String(rt.rateLimitQuota),
    'X-Rate-Limit-Requests-Left': String(Math.max(0, rt.rateLimitQuota - count)),
  };
}

/** Counts one request against the store's quota. */
export function consumeQuota(rt: SimRuntime, storeHash: string): RateLimitResult {
  const { window, now } = currentWindow(rt, storeHash);
  if (window.count >= rt.rateLimitQuota) {
    const headers = headersFor(rt, window.startedAt, window.count, now);
    const resetMs = Number(headers['X-Rate-Limit-Time-Reset-Ms']);
    return { allowed: false, headers: { ...headers, 'X-Retry-After': String(Math.ceil(resetMs / 1000)) } };
  }
  window.count += 1;
  return { allowed: true, headers: headersFor(rt, window.startedAt, window.count, now) };
}

/** Headers for responses that do not count (refused before authentication), so every API answer has them. */
export function peekQuota(rt: SimRuntime, storeHash: string | null): Record<string, string> {
  const now = rt.now();
  const existing = storeHash ? rt.state.rateWindows[storeHash] : undefined;
  if (!existing || now - existing.startedAt >= RATE_WINDOW_MS) return headersFor(rt, now, 0, now);
  return headersFor(rt, existing.startedAt, existing.count, now);
}
