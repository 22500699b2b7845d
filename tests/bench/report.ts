/** One benchmark: runs, returns its measured figures (design.md's JSON shape); peak RSS is added by the runner. */
export interface Benchmark {
  name: string;
  run(sampleRss: () => void): Promise<Record<string, number>>;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
