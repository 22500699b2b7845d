import { stockFlowSettings, stockHandlers } from '@/lib/flows/stock';
import { ARTICLE_FIELDS as A } from '../simulators/accountview/assumptions';
import { largeAdministration } from '../simulators/accountview/seed/large-administration';
import type { Row } from '../simulators/accountview';
import { seedProduct } from '../simulators/bigcommerce/seed/catalog';
import type { StoreData } from '../simulators/bigcommerce';
import { minBigCommerceCalls } from './min-calls';
import { callBreakdown, type Benchmark } from './report';
import { BENCH_STORE, startBenchWorld } from './world';

const SKUS = Number(process.env.BENCH_SKUS ?? 10_000);
/** One article in CHANGE_EVERY gets a new level between the two runs (about 3 %). */
const CHANGE_EVERY = 33;

/**
 * The store's catalog as the products flow leaves it (every article a product, families as products
 * with variants, inventory tracked), put straight into the simulator: creating 10,000 products through
 * the API would take the Standard quota over half an hour and is catalog.full's to measure.
 */
function seedCatalog(data: StoreData, articles: readonly Row[]): void {
  const families = new Map<string, Row[]>();
  for (const row of articles) {
    const family = String(row[A.variantGroup] ?? '');
    if (family === '') {
      seedProduct(data, BENCH_STORE, { name: String(row.ART_DESC1), type: 'physical', sku: String(row.ART_CODE), price: Number(row.PX_SELL), weight: Number(row[A.weight]), inventory_tracking: 'product' });
    } else {
      families.set(family, [...(families.get(family) ?? []), row]);
    }
  }
  for (const [family, rows] of families) {
    seedProduct(data, BENCH_STORE, {
      name: `${family} ${String(rows[0]?.ART_DESC1 ?? '')}`,
      type: 'physical',
      sku: family,
      price: Number(rows[0]?.PX_SELL ?? 0),
      weight: Number(rows[0]?.[A.weight] ?? 0),
      inventory_tracking: 'variant',
      variants: rows.map((r) => ({
        sku: String(r.ART_CODE),
        option_values: [
          { option_display_name: 'Maat', label: String(r[A.size]) },
          { option_display_name: 'Kleur', label: String(r[A.colour]) },
        ],
      })),
    });
  }
}

export const stockSync: Benchmark = {
  name: 'stock.sync',
  async run(sampleRss) {
    const company = largeAdministration({ articles: SKUS, familyArticles: Math.round(SKUS / 10), debtors: 0 });
    const articles = company.tables.ARTICLE ?? [];
    const world = await startBenchWorld({ company, handlers: stockHandlers });
    try {
      const data = world.bc.state.stores[BENCH_STORE]?.data;
      if (!data) throw new Error(`The simulator has no store ${BENCH_STORE}`);
      seedCatalog(data, articles);
      await world.enable('stock', stockFlowSettings, {});
      const first = await world.run('accountview/stock.sync-requested');
      if (first.state !== 'success') throw new Error(`first stock run ended ${first.state}: ${first.error ?? first.summary}`);
      process.stdout.write(`  first run: ${first.summary ?? ''}\n`);
      sampleRss();

      // Sales and deliveries since: the available quantity moves on some articles (in AccountView's own rows).
      const live = world.av.state.companies.find((c) => c.code === company.code)?.tables.ARTICLE ?? [];
      let changed = 0;
      live.forEach((row, i) => {
        if (i % CHANGE_EVERY !== 0) return;
        row.QTY_AVAIL = Number(row.QTY_AVAIL) + 1 + (i % 7);
        changed += 1;
      });

      const mark = world.bc.requests.length;
      const started = performance.now();
      const second = await world.run('accountview/stock.sync-requested');
      const wallS = (performance.now() - started) / 1000;
      sampleRss();
      if (second.state !== 'success') throw new Error(`stock run ended ${second.state}: ${second.error ?? second.summary}`);
      const requests = world.storeRequests(mark);
      process.stdout.write(`  second run: ${second.summary ?? ''}\n  calls: ${callBreakdown(requests)}\n`);
      return {
        skus: articles.length,
        changed,
        bigcommerce_calls: requests.length,
        min_bigcommerce_calls: minBigCommerceCalls({ kind: 'stock', changed }),
        wall_s: Math.round(wallS * 100) / 100,
      };
    } finally {
      await world.close();
    }
  },
};
