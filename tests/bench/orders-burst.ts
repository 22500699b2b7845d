import { and, eq, inArray } from 'drizzle-orm';
import { syncRecords } from '@/lib/db/schema';
import { PIPELINE_STORE as STORE, startOrderPipeline } from '../helpers/order-pipeline';
import { FVR_ARTICLES } from '../lib/flows/orders/harness';
import { percentile, type Benchmark } from './report';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1000);
// BigCommerce's batch of 250 orders per list call is the floor for reading a burst.
const LIST_PAGE = 250;

/**
 * A burst of paid orders in the Standard plan's rate limit (150 per 30 s): webhooks → receiver →
 * runner → the orders flow → AccountView. Latency runs from BigCommerce's first delivery attempt of
 * an order's webhook to the activity-log row of its AccountView document.
 */
export const ordersBurst: Benchmark = {
  name: 'orders.burst',
  reportsPeakRss: true,
  async run(sampleRss) {
    const pipeline = await startOrderPipeline({ backoffMs: 1_000 });
    try {
      const { bc, av, runner, database } = pipeline;
      const products = (bc.state.stores[STORE]?.data.products ?? []).filter(
        (p) => p.variants.length <= 1 && FVR_ARTICLES.some((a) => a.code === p.sku),
      );
      const bcBefore = bc.requests.filter((r) => r.path.startsWith('/stores/')).length;
      const avBefore = av.requests.length;

      const started = Date.now();
      const ids: number[] = [];
      for (let i = 0; i < ORDERS; i += 1) {
        const product = products[i % products.length]!;
        ids.push(bc.orders.create(STORE, { status_id: 11, products: [{ product_id: product.id, quantity: 1 + (i % 3) }] }).id);
        if (i % 50 === 0) sampleRss();
      }
      await bc.webhooks.settle(600_000);
      await runner.drain();
      sampleRss();
      const finished = Date.now();

      const headers = av.state.companies.find((c) => c.code === 'FVR')?.tables.SO_HDR ?? [];
      const perReference = new Map<string, number>();
      for (const h of headers) perReference.set(String(h.COMMENT1).trim(), (perReference.get(String(h.COMMENT1).trim()) ?? 0) + 1);
      const documents = ids.filter((id) => perReference.has(`BC-${id}`)).length;
      const duplicates = ids.reduce((n, id) => n + Math.max(0, (perReference.get(`BC-${id}`) ?? 0) - 1), 0);

      const firstAttempt = new Map<number, number>();
      for (const d of bc.state.webhookDeliveries) {
        const at = d.attempts[0] ? Date.parse(d.attempts[0].at) : undefined;
        if (at !== undefined && d.payload.scope === 'store/order/created') firstAttempt.set(Number(d.payload.data.id), at);
      }
      const rows = await database.db
        .select({ sourceId: syncRecords.sourceId, createdAt: syncRecords.createdAt })
        .from(syncRecords)
        .where(and(eq(syncRecords.storeHash, STORE), eq(syncRecords.entity, 'order'), inArray(syncRecords.outcome, ['created'])));
      const latencies = rows
        .map((r) => r.createdAt.getTime() - (firstAttempt.get(Number(r.sourceId)) ?? Number.NaN))
        .filter((ms) => Number.isFinite(ms))
        .sort((a, b) => a - b);

      const bigcommerceCalls = bc.requests.filter((r) => r.path.startsWith('/stores/')).length - bcBefore;
      const accountviewCalls = av.requests.length - avBefore;
      return {
        orders: ORDERS,
        documents_in_accountview: documents,
        duplicates,
        missing: ORDERS - documents,
        bigcommerce_calls: bigcommerceCalls,
        min_bigcommerce_calls: Math.ceil(ORDERS / LIST_PAGE),
        bigcommerce_calls_per_order: round(bigcommerceCalls / ORDERS, 3),
        accountview_calls_per_order: round(accountviewCalls / ORDERS, 2),
        orders_per_s: round(documents / ((finished - started) / 1000), 1),
        p50_ms: Math.round(percentile(latencies, 0.5)),
        p95_ms: Math.round(percentile(latencies, 0.95)),
      };
    } finally {
      await pipeline.close();
    }
  },
};

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
