import { getDatabase, type Db } from '@/lib/db/client';
import { advanceCheckpoint, readCheckpoint } from '@/lib/db/queries/checkpoints';
import { defineHandler, type FlowContext, type RunSummary } from '@/lib/engine';
import { MappingCompileError } from '@/lib/mapping';
import { productMapping } from '@/lib/mapping/defaults/products';
import { contentHash } from './content-hash';
import type { ProductsContext, ProductSyncSummary } from './ports';
import { readProductSettings } from './settings-store';
import { syncProducts } from './sync-products';
import { openStoreFlow } from '../store-ports';

/**
 * The products flow's entry point for both engines: builds the store's context (clients, settings,
 * id-map) and runs the plain flow. Runs hourly for every store (articles change a few times a day;
 * unchanged ones cost one AccountView read and no BigCommerce write) and on "sync products now".
 */

export const PRODUCTS_CHECKPOINT = 'products.articles';
const FULL_READ_CHECKPOINT = 'products.full-read';
/** Id-map row holding the fingerprint of the mapping and settings the checkpoint was reached with. */
const SETUP_ENTITY = 'products-setup';
const SETUP_ID = 'mapping';
const SYNC_EVERY_MS = 60 * 60 * 1000;

async function prepare(ctx: FlowContext): Promise<{ ok: true; context: ProductsContext } | { ok: false; summary: RunSummary }> {
  const stored = await readProductSettings((await getDatabase()).db, ctx.storeHash);
  const opened = await openStoreFlow(ctx.storeHash, 'products', stored);
  if (!opened.ok) return { ok: false, summary: { message: opened.message } };
  return { ok: true, context: { ...ctx, ...opened.ports, settings: opened.settings, mapping: stored.ok ? stored.mapping : undefined } };
}

export function describeProductSync(summary: ProductSyncSummary): RunSummary {
  const parts = [`${summary.created} created`, `${summary.updated} updated`, `${summary.unchanged} unchanged`, `${summary.failed} failed`];
  const hidden =
    (summary.hidden > 0 ? ` ${summary.hidden} product(s) hidden because their article is gone.` : '') +
    (summary.retired > 0 ? ` ${summary.retired} product(s) hidden and their SKU freed because their article joined a variant family.` : '');
  const categories =
    summary.categoriesCreated + summary.categoriesRenamed > 0 ? ` Categories: ${summary.categoriesCreated} created, ${summary.categoriesRenamed} renamed.` : '';
  const familyCount = summary.familiesCreated + summary.familiesUpdated + summary.familiesUnchanged;
  const families =
    familyCount + summary.variantsCreated + summary.variantsUpdated > 0
      ? ` Variant families: ${summary.familiesCreated} created, ${summary.familiesUpdated} updated, ${summary.familiesUnchanged} unchanged; variants: ${summary.variantsCreated} created, ${summary.variantsUpdated} updated.`
      : '';
  // An unchanged product or family leaves no record of its own.
  return { message: `Products: ${parts.join(', ')}.${hidden}${categories}${families}`, counts: { skipped: summary.unchanged + summary.familiesUnchanged } };
}

/**
 * One run: articles changed since the checkpoint (all on the first run). The checkpoint only moves when
 * nothing failed, so a failed article is read again next run (unchanged ones still cost no write).
 */
export async function runProductSync(context: ProductsContext, db: Db): Promise<RunSummary> {
  // A changed mapping or setting changes what every product should look like, not only changed articles':
  // then all articles are read again (the content hashes still spare the products it does not affect).
  const { pageSize: _pageSize, ...shaping } = context.settings;
  const fingerprint = contentHash({ defaults: productMapping, overrides: context.mapping ?? {}, settings: shaping });
  const previous = await context.idMap.get(SETUP_ENTITY, SETUP_ID);
  // A full read now and then notices articles that are gone (a deletion leaves no change date behind).
  const lastFull = await readCheckpoint(db, context.storeHash, FULL_READ_CHECKPOINT);
  const fullDue = !lastFull || context.now().getTime() - lastFull.getTime() >= context.settings.fullReadEveryHours * 3_600_000;
  const since = previous?.contentHash === fingerprint && !fullDue ? await readCheckpoint(db, context.storeHash, PRODUCTS_CHECKPOINT) : undefined;
  const startedAt = context.now();
  let result: Awaited<ReturnType<typeof syncProducts>>;
  try {
    result = await syncProducts(context, { since });
  } catch (error) {
    if (error instanceof MappingCompileError) return { message: `The products mapping does not compile (${error.message}); nothing was sent.` };
    throw error;
  }
  if (result.stopped) return { message: result.stopped };
  if (result.failed === 0) {
    if (result.newestChange) await advanceCheckpoint(db, context.storeHash, PRODUCTS_CHECKPOINT, new Date(result.newestChange));
    await context.idMap.putDone({ entity: SETUP_ENTITY, sourceId: SETUP_ID, contentHash: fingerprint });
    if (!since) await advanceCheckpoint(db, context.storeHash, FULL_READ_CHECKPOINT, startedAt);
  }
  return describeProductSync(result);
}

export const productHandlers = [
  defineHandler({
    id: 'products-sync',
    flow: 'products',
    event: 'accountview/products.sync-requested',
    schedule: { everyMs: SYNC_EVERY_MS, cron: '17 * * * *', event: 'accountview/products.sync-requested' },
    async handle(ctx) {
      const prepared = await prepare(ctx);
      if (!prepared.ok) return prepared.summary;
      return runProductSync(prepared.context, (await getDatabase()).db);
    },
  }),
];
