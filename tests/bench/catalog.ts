import { and, eq, like } from 'drizzle-orm';
import { syncCheckpoints } from '@/lib/db/schema';
import { productFlowSettings, productHandlers } from '@/lib/flows/products';
import { largeAdministration } from '../simulators/accountview/seed/large-administration';
import { minBigCommerceCalls, minWallSeconds } from './min-calls';
import { callBreakdown, type Benchmark } from './report';
import { BENCH_STORE, startBenchWorld, type BenchWorld } from './world';

/** 10,000 articles (1,000 in 200 families of 5) unless BENCH_ARTICLES asks for a quick run. */
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);

/** catalog.resync runs on what catalog.full left behind (a second run right after the first). */
let session: { world: BenchWorld; productIds: Set<number> } | undefined;

const storeData = (world: BenchWorld) => {
  const data = world.bc.state.stores[BENCH_STORE]?.data;
  if (!data) throw new Error(`The simulator has no store ${BENCH_STORE}`);
  return data;
};

async function fullRun(sampleRss: () => void): Promise<Record<string, number>> {
  const company = largeAdministration({ articles: ARTICLES, familyArticles: Math.round(ARTICLES / 10), debtors: 0 });
  const world = await startBenchWorld({ company, handlers: productHandlers });
  await world.enable('products', productFlowSettings, {});
  const data = storeData(world);
  const before = new Set(data.products.map((p) => p.id));
  const categoriesBefore = data.categories.length;
  const mark = world.bc.requests.length;
  sampleRss();

  const started = performance.now();
  const run = await world.run('accountview/products.sync-requested');
  const wallS = (performance.now() - started) / 1000;
  sampleRss();
  // A partial run (some articles refused) still measured the catalog; only a failed run did not.
  if (run.state === 'failed') throw new Error(`products run failed: ${run.error ?? run.summary}`);

  const created = data.products.filter((p) => !before.has(p.id));
  const requests = world.storeRequests(mark);
  const calls = requests.length;
  const variantProducts = created.filter((p) => p.variants.length > 0).length;
  const min = minBigCommerceCalls({
    kind: 'catalog',
    existingProducts: before.size,
    simpleProducts: created.length - variantProducts,
    variantProducts,
    images: created.reduce((n, p) => n + p.images.length + p.variants.filter((v) => v.image_url !== '').length, 0),
    categories: data.categories.length - categoriesBefore,
  });
  session = { world, productIds: new Set(created.map((p) => p.id)) };
  process.stdout.write(`  ${run.state}: ${run.summary ?? ''} (attempts: ${run.attempts})\n  calls: ${callBreakdown(requests)}\n`);
  for (const failure of run.failures) process.stdout.write(`  failed ${failure}\n`);
  for (const problem of world.engineProblems) process.stdout.write(`  engine ${problem}\n`);
  return {
    products: created.length,
    // Counted in the simulator: option variants of the products the run made.
    variants: created.reduce((n, p) => n + p.variants.length, 0),
    bigcommerce_calls: calls,
    min_bigcommerce_calls: min,
    wall_s: round1(wallS),
    min_wall_s: minWallSeconds(min),
    http_429: requests.filter((r) => r.status === 429).length,
  };
}

export const catalogFull: Benchmark = {
  name: 'catalog.full',
  reportsPeakRss: true,
  run: fullRun,
  dispose,
};

/**
 * A second full read right after the first: the read checkpoints are dropped so every article is read
 * again (as the daily full read does); nothing changed, so nothing may be written.
 */
export const catalogResync: Benchmark = {
  name: 'catalog.resync',
  async run(sampleRss) {
    if (!session) await fullRun(sampleRss);
    const { world, productIds } = session!;
    await world.database.db.delete(syncCheckpoints).where(and(eq(syncCheckpoints.storeHash, BENCH_STORE), like(syncCheckpoints.name, 'products.%')));
    const mark = world.bc.requests.length;
    const run = await world.run('accountview/products.sync-requested');
    if (run.state !== 'success') throw new Error(`products run ended ${run.state}: ${run.error ?? run.summary}`);
    process.stdout.write(`  ${run.summary ?? ''}\n`);
    return {
      products: storeData(world).products.filter((p) => productIds.has(p.id)).length,
      bigcommerce_writes: world.storeRequests(mark).filter((r) => r.method !== 'GET').length,
    };
  },
  dispose,
};

async function dispose(): Promise<void> {
  const open = session;
  session = undefined;
  await open?.world.close();
}

const round1 = (n: number) => Math.round(n * 10) / 10;
