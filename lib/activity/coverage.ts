import type { Order, OrderListQuery } from '@/lib/bigcommerce';
import type { IdMapEntry } from '@/lib/db/queries/id-map';

/**
 * The orders coverage view: every BigCommerce order of a period next to its AccountView document,
 * read from BigCommerce (not from the log, which forgets after the retention period and never saw
 * an order whose webhook was lost). A gap — an order due for export without a document — is what
 * the merchant fixes in one click (export again by id).
 */
export const COVERAGE_MAX_ORDERS = 1000;

export type CoverageState =
  /** In AccountView: the document number is shown. */
  | 'exported'
  /** Tried and refused for a reason the merchant can fix (the id-map holds it). */
  | 'failed'
  /** Due (its status is one the flow exports) but not in AccountView: a gap. */
  | 'missing'
  /** Not due: its status is not one the flow exports (yet). */
  | 'not-due';

export interface CoverageRow {
  orderId: number;
  createdAt: string;
  status: string;
  total: string;
  currency: string;
  state: CoverageState;
  /** The AccountView document number or the reason of the failure. */
  detail: string | null;
}

export interface CoveragePorts {
  listOrders(query: OrderListQuery): AsyncIterable<Order>;
  /** The id-map's `order` entries of these order ids. */
  exported(orderIds: readonly string[]): Promise<Map<string, IdMapEntry>>;
}

export interface CoverageReport {
  rows: CoverageRow[];
  /** More orders than shown: the period should be narrowed. */
  truncated: boolean;
  gaps: number[];
}

export async function orderCoverage(
  ports: CoveragePorts,
  period: { from: Date; to: Date },
  exportedStatusIds: readonly number[],
): Promise<CoverageReport> {
  const orders: Order[] = [];
  let truncated = false;
  const query: OrderListQuery = {
    min_date_created: period.from.toISOString(),
    max_date_created: period.to.toISOString(),
    sort: 'id:desc',
    limit: 250,
  };
  for await (const order of ports.listOrders(query)) {
    if (orders.length >= COVERAGE_MAX_ORDERS) {
      truncated = true;
      break;
    }
    orders.push(order);
  }
  const entries = await ports.exported(orders.map((o) => String(o.id)));
  const due = new Set(exportedStatusIds);
  const rows = orders.map((order): CoverageRow => {
    const entry = entries.get(String(order.id));
    const base = {
      orderId: order.id ?? 0,
      createdAt: order.date_created ? new Date(order.date_created).toISOString() : '',
      status: order.status ?? '',
      total: String(order.total_inc_tax ?? ''),
      currency: order.currency_code ?? '',
    };
    if (entry?.state === 'done') return { ...base, state: 'exported', detail: entry.targetNumber ?? entry.targetId };
    if (entry?.state === 'failed') return { ...base, state: 'failed', detail: entry.message };
    return { ...base, state: due.has(order.status_id ?? -1) ? 'missing' : 'not-due', detail: null };
  });
  return { rows, truncated, gaps: rows.filter((r) => r.state === 'missing' || r.state === 'failed').map((r) => r.orderId) };
}
