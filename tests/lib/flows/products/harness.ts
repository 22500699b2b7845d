import type { FieldValue } from '@/lib/accountview';
import type { Product } from '@/lib/bigcommerce';
import { createIdMap } from '@/lib/db/queries/id-map';
import { productFlowSettings, runProductSync, type ProductFlowSettingsInput, type ProductsContext } from '@/lib/flows/products';
import { stockFlowSettings, type StockContext } from '@/lib/flows/stock';
import type { RunSummary } from '@/lib/engine';
import { FVR, NL_STORE, startWorld, type World } from '@/tests/lib/flows/orders/harness';
import { memoryLog, memoryStep, type MemoryLog } from '@/tests/lib/flows/orders/fakes';

export { FVR, NL_STORE, type World };

/** The article group the products tests sync (a handful of articles keeps the suite fast). */
export const GROUP = 'WEBT';

export interface ProductsWorld {
  world: World;
  /** Runs the flow once for the fietsenwinkel store on its own articles. */
  run(settings?: ProductFlowSettingsInput): Promise<{ summary: RunSummary; log: MemoryLog }>;
  /** BigCommerce requests that change something since `mark()`. */
  writesSince(mark: number): { method: string; path: string }[];
  mark(): number;
  /** Inserts or changes an AccountView article. */
  article(fields: Record<string, FieldValue>, update?: boolean): Promise<void>;
  productsBySku(sku: string): Promise<Product[]>;
  close(): Promise<void>;
}

export async function startProductsWorld(): Promise<ProductsWorld> {
  const world = await startWorld();
  const av = world.accountview(FVR);
  await av.insert('AG1', { fields: { AG_CODE: GROUP, AG_DESC: 'Webshop test' } });
  let runs = 0;
  return {
    world,
    async run(settings = {}) {
      runs += 1;
      const log = memoryLog();
      const context: ProductsContext = {
        storeHash: NL_STORE,
        runId: `products-${runs}`,
        trigger: 'manual',
        step: memoryStep(),
        log,
        bigcommerce: world.bigcommerce(NL_STORE),
        accountview: av,
        settings: productFlowSettings.parse({ articleGroups: [GROUP], ...settings }),
        idMap: createIdMap(world.database.db, NL_STORE, world.database.lock),
        now: () => new Date(),
      };
      return { summary: await runProductSync(context, world.database.db), log };
    },
    mark: () => world.bc.requests.length,
    writesSince: (mark) => world.bc.requests.slice(mark).filter((r) => r.method !== 'GET'),
    async article(fields, update = false) {
      if (update) await av.update('AK1', { fields });
      else await av.insert('AK1', { fields: { AG_CODE: GROUP, VAT_CODE: '2', UNIT_CODE: 'ST', ...fields } });
    },
    async productsBySku(sku) {
      const found: Product[] = [];
      for await (const p of world.bigcommerce(NL_STORE).listProducts({ 'sku:in': [sku] })) found.push(p);
      return found;
    },
    close: () => world.close(),
  };
}

/** A stock run's context on the products world's store and administration, with the default stock settings. */
export function stockContext(t: ProductsWorld, runId: string): StockContext {
  return {
    storeHash: NL_STORE,
    runId,
    trigger: 'manual',
    step: memoryStep(),
    log: memoryLog(),
    bigcommerce: t.world.bigcommerce(NL_STORE),
    accountview: t.world.accountview(FVR),
    settings: stockFlowSettings.parse({}),
    idMap: createIdMap(t.world.database.db, NL_STORE, t.world.database.lock),
  };
}
