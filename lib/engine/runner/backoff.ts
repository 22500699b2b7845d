/**
 * Wait before retry `attempt` (1 = the first retry): 15 s, 1 min, 4 min, 16 min, capped at 30 min,
 * each between half and all of that at random, so runs that failed together do not retry together.
 * Long enough to ride out a short outage of AccountView or BigCommerce within the default 4 retries.
 */
export function defaultBackoffMs(attempt: number): number {
  const ceiling = Math.min(15_000 * 4 ** Math.max(0, attempt - 1), 30 * 60_000);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}
