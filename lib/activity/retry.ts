import type { Db } from '@/lib/db/client';
import { dropCheckpoint, failedRecordsOfRun, forgetSent } from '@/lib/db/queries/activity';
import { findRecord } from '@/lib/db/queries/runs';
import type { EngineEvent, FlowName } from '@/lib/engine';
import { CUSTOMERS_CHECKPOINT } from '@/lib/flows/customers/handlers';
import { PRODUCTS_CHECKPOINT } from '@/lib/flows/products/handlers';

/**
 * Retrying failed records from the activity log.
 *
 * Orders are exported again by id (`orders/export.requested`), which the orders flow handles exactly
 * once per order. The AccountView → BigCommerce flows (products, stock, customers) decide for
 * themselves what to send, from what changed since their checkpoint and the hash of what they last
 * sent; a retry therefore prepares their state so the next run sends exactly these records again —
 * their id-map entries forget the last-sent hash (or the failure), the incremental reader's checkpoint
 * is dropped so the records are read at all — and then asks for that run. Every other record stays
 * unchanged by hash, so it costs a read and no write.
 */
export interface FailedRecordRef {
  flow: FlowName;
  entity: string;
  sourceId: string;
}

export interface RetryPlan {
  events: EngineEvent[];
  /** Id-map entries whose last-sent state is forgotten: [entity, source ids]. */
  forget: Array<{ entity: string; sourceIds: string[] }>;
  /** Incremental readers' checkpoints to drop. */
  checkpoints: string[];
  /** What the merchant is told. */
  message: string;
}

/** The id-map entity behind a logged record of a flow that decides by hash (see the flows). */
const FORGET: Partial<Record<FlowName, Record<string, string>>> = {
  products: { article: 'product', 'article-image': 'product-image', 'article-group': 'category' },
  stock: { stock: 'stock' },
  customers: { debtor: 'customer' },
};
const CHECKPOINT: Partial<Record<FlowName, string>> = { products: PRODUCTS_CHECKPOINT, customers: CUSTOMERS_CHECKPOINT };
const SYNC_EVENT = {
  products: 'accountview/products.sync-requested',
  stock: 'accountview/stock.sync-requested',
  customers: 'accountview/customers.sync-requested',
} as const;

/** The BigCommerce order a logged orders-flow record belongs to: `1001`, a refund `1001:…`. */
export function orderIdOf(record: FailedRecordRef): number | undefined {
  const id = /^(\d+)(?::|$)/.exec(record.sourceId)?.[1];
  const value = id === undefined ? Number.NaN : Number(id);
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

export class NothingToRetryError extends Error {
  override name = 'NothingToRetryError';
}

/** What retrying these failed records takes; pure, so each flow's rule is tested on its own. */
export function planRetry(storeHash: string, records: readonly FailedRecordRef[]): RetryPlan {
  const plan: RetryPlan = { events: [], forget: [], checkpoints: [], message: '' };
  const parts: string[] = [];
  const orderIds = [...new Set(records.filter((r) => r.flow === 'orders').flatMap((r) => orderIdOf(r) ?? []))].sort((a, b) => a - b);
  if (orderIds.length > 0) {
    plan.events.push({ name: 'orders/export.requested', data: { storeHash, orderIds, trigger: 'retry' } });
    parts.push(orderIds.length === 1 ? `Order ${orderIds[0]} is being exported again.` : `${orderIds.length} orders are being exported again.`);
  }
  for (const flow of ['products', 'stock', 'customers'] as const) {
    const mine = records.filter((r) => r.flow === flow);
    if (mine.length === 0) continue;
    const byEntity = new Map<string, Set<string>>();
    for (const record of mine) {
      const entity = FORGET[flow]?.[record.entity];
      if (entity) byEntity.set(entity, (byEntity.get(entity) ?? new Set()).add(record.sourceId));
    }
    for (const [entity, ids] of byEntity) plan.forget.push({ entity, sourceIds: [...ids].sort() });
    const checkpoint = CHECKPOINT[flow];
    if (checkpoint) plan.checkpoints.push(checkpoint);
    plan.events.push({ name: SYNC_EVENT[flow], data: { storeHash, trigger: 'retry' } });
    parts.push(`The ${flow} sync runs again now and sends ${mine.length === 1 ? 'this record' : `these ${mine.length} records`} again.`);
  }
  if (plan.events.length === 0) throw new NothingToRetryError('There is no failed record to retry.');
  plan.message = parts.join(' ');
  return plan;
}

export interface RetryDeps {
  db: Db;
  /** Hands an event to the engine (lib/engine sendEvent in the app). */
  send: (event: EngineEvent) => Promise<void>;
}

/** Prepares the flows' state, then asks for the runs; the state comes first so the run sees it. */
export async function retryRecords(deps: RetryDeps, storeHash: string, records: readonly FailedRecordRef[]): Promise<RetryPlan> {
  const plan = planRetry(storeHash, records);
  for (const { entity, sourceIds } of plan.forget) await forgetSent(deps.db, storeHash, entity, sourceIds);
  for (const name of plan.checkpoints) await dropCheckpoint(deps.db, storeHash, name);
  for (const event of plan.events) await deps.send(event);
  return plan;
}

/** One failed record of the store (a record of another store is not found, not retried). */
export async function retryRecord(deps: RetryDeps, storeHash: string, recordId: number): Promise<RetryPlan> {
  const record = await findRecord(deps.db, storeHash, recordId);
  if (!record) throw new NothingToRetryError('This record is no longer in the activity log.');
  if (record.outcome !== 'failed') throw new NothingToRetryError('Only failed records can be retried.');
  return retryRecords(deps, storeHash, [record]);
}

/** Every failed record of one of the store's runs. */
export async function retryRun(deps: RetryDeps, storeHash: string, runId: string): Promise<RetryPlan> {
  return retryRecords(deps, storeHash, await failedRecordsOfRun(deps.db, storeHash, runId));
}
