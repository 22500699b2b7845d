/** One benchmark: runs, returns its measured figures (design.md's JSON shape). */
export interface Benchmark {
  name: string;
  run(sampleRss: () => void): Promise<Record<string, number>>;
  /** The runner adds `peak_rss_mb` (the process's peak resident memory while it ran). */
  reportsPeakRss?: boolean;
  /** Closes what the benchmark left open for a later one (called once every benchmark has run). */
  dispose?(): Promise<void>;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** "12 × GET /v3/catalog/products, …": where a benchmark's calls went, ids folded, most first. */
export function callBreakdown(requests: readonly { method: string; path: string; status: number }[]): string {
  const counts = new Map<string, number>();
  for (const r of requests) {
    const key = `${r.method} ${r.path.replace(/^\/stores\/[^/]+/, '').replace(/\/\d+(?=\/|$)/g, '/{id}')}${r.status === 429 ? ' (429)' : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([key, n]) => `${n} × ${key}`).join(', ');
}
