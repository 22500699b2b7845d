/** V2 dates are RFC 2822 in UTC, e.g. `Tue, 05 Mar 2019 21:40:11 +0000`. */
export function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}

/** V3 dates are ISO 8601 without milliseconds, e.g. `2019-03-05T21:40:11+00:00`. */
export function iso8601(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** BigCommerce keeps whole seconds; storing them that way makes `min_date_modified` polling behave as live. */
export function wholeSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/**
 * Query dates as BigCommerce accepts them: RFC 2822 (`Thu, 20 Apr 2017 11:32:00 -0400`), ISO 8601
 * (`2017-04-20T11:32:00.000-04:00`), a bare date, or a Unix timestamp in seconds. Null when unreadable.
 */
export function parseQueryDate(value: string): number | null {
  const trimmed = value.trim();
  if (/^\d{9,11}$/.test(trimmed)) return Number(trimmed) * 1000;
  // A bare ISO date-time without offset is read as UTC, as the store API does.
  const withZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(trimmed) ? `${trimmed}Z` : trimmed;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? null : ms;
}
