import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { activityQuery } from './activity-query';
import { ordersBurst } from './orders-burst';
import type { Benchmark } from './report';

/**
 * `npm run bench`: every benchmark in one go against the simulators, on Postgres when DATABASE_URL is
 * set and PGlite otherwise. Prints a table and writes the same figures to bench-results/latest.json
 * in design.md's format. Figures are measured; a benchmark that did not run is absent.
 * `npm run bench -- orders.burst` runs only the named ones.
 */
const all: Benchmark[] = [ordersBurst, activityQuery];
const wanted = process.argv.slice(2);
const selected = wanted.length > 0 ? all.filter((b) => wanted.includes(b.name)) : all;

// Keep the app's own logs out of the table.
process.env.LOG_LEVEL ??= 'silent';

const results: Record<string, Record<string, number>> = {};
for (const benchmark of selected) {
  let peak = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 100);
  try {
    process.stdout.write(`running ${benchmark.name}…\n`);
    const figures = await benchmark.run(sample);
    results[benchmark.name] = { ...figures, peak_rss_mb: Math.round(peak / 1024 / 1024) };
  } catch (error) {
    console.error(`${benchmark.name} failed:`, error);
    process.exitCode = 1;
  } finally {
    clearInterval(timer);
  }
}

const commit = (() => {
  try {
    return execSync('git rev-parse HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const report = { commit, database: process.env.DATABASE_URL ? 'postgres' : 'pglite', benchmarks: results };
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/latest.json', `${JSON.stringify(report, null, 2)}\n`);

for (const [name, figures] of Object.entries(results)) {
  console.log(`\n${name} (${report.database})`);
  console.table(figures);
}
console.log('\nwritten to bench-results/latest.json');
process.exit(process.exitCode ?? 0);
