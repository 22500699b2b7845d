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
