import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { activityQuery } from './activity-query';
import { catalogFull, catalogResync } from './catalog';
import { customersSync } from './customers';
import { ordersBurst } from './orders-burst';
import type { Benchmark } from './report';
import { stockSync } from './stock';
import { webhooksBurst } from './webhooks-burst';

/**
 * `npm run bench`: every benchmark in one go against the simulators, on Postgres when DATABASE_URL is
 * set and PGlite otherwise. Prints a table and writes the same figures to bench-results/latest.json
 * in design.md's format. Figures are measured; a benchmark that did not run is absent.
 * `npm run bench -- catalog.full stock.sync` runs only the named ones.
 */
const all: Benchmark[] = [
  ordersBurst,
  catalogFull,
  catalogResync,
  stockSync,
  customersSync,
  webhooksBurst,
  activityQuery,
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !all.some((b) => b.name === name));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${all.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const selected = wanted.length > 0 ? all.filter((b) => wanted.includes(b.name)) : all;

// Keep the app's own logs out of the table.
process.env.LOG_LEVEL ??= 'silent';
const database = process.env.DATABASE_URL ? 'postgres' : 'pglite';
// The commit the run started on (a long run may outlive a commit).
const commit = (() => {
  try {
    return execSync('git rev-parse HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();

const results: Record<string, Record<string, number>> = {};
for (const benchmark of selected) {
  let peak = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 100);
  try {
    process.stdout.write(`running ${benchmark.name} (${database})…\n`);
    const figures = await benchmark.run(sample);
    sample();
    results[benchmark.name] = benchmark.reportsPeakRss ? { ...figures, peak_rss_mb: Math.round(peak / 1024 / 1024) } : figures;
    console.table(results[benchmark.name]);
  } catch (error) {
    console.error(`${benchmark.name} failed:`, error);
    process.exitCode = 1;
  } finally {
    clearInterval(timer);
  }
}
for (const benchmark of selected) {
  try {
    await benchmark.dispose?.();
  } catch (error) {
    console.error(`${benchmark.name} did not close cleanly:`, error);
  }
}

const report = { commit, database, benchmarks: results };
mkdirSync('bench-results', { recursive: true });
writeFileSync(process.env.BENCH_OUT ?? 'bench-results/latest.json', `${JSON.stringify(report, null, 2)}\n`);

console.log(`\nAll figures (${database}, ${commit.slice(0, 8)})`);
console.table(
  Object.entries(results).flatMap(([name, figures]) => Object.entries(figures).map(([figure, value]) => ({ benchmark: name, figure, value }))),
);
console.log(`written to ${process.env.BENCH_OUT ?? 'bench-results/latest.json'}`);
process.exit(process.exitCode ?? 0);
