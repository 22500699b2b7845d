/** What one answer said about the store's quota (reference §2.0). Fields are absent when the header was. */
export interface RateLimitReport {
  left?: number;
  quota?: number;
  windowMs?: number;
  /** Milliseconds until the quota refills. */
  resetMs?: number;
  /** `X-Retry-After`, converted from seconds. */
  retryAfterMs?: number;
}

function numberHeader(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** `Headers.get` is case-insensitive, which matters: BigCommerce may send `x-rate-limit-requests-left`. */
export function readRateLimitHeaders(headers: Headers): RateLimitReport | undefined {
  const retryAfter = numberHeader(headers, 'X-Retry-After') ?? numberHeader(headers, 'Retry-After');
  const report: RateLimitReport = {
    left: numberHeader(headers, 'X-Rate-Limit-Requests-Left'),
    quota: numberHeader(headers, 'X-Rate-Limit-Requests-Quota'),
    windowMs: numberHeader(headers, 'X-Rate-Limit-Time-Window-Ms'),
    resetMs: numberHeader(headers, 'X-Rate-Limit-Time-Reset-Ms'),
    retryAfterMs: retryAfter === undefined ? undefined : retryAfter * 1000,
  };
  return Object.values(report).some((v) => v !== undefined) ? report : undefined;
}
