import type { AccountViewClient, AvRow, WriteRecord, WriteResult } from '@/lib/accountview';
import type { IdMap, IdMapEntry } from '@/lib/db/queries/id-map';
import type { RecordEntry } from '@/lib/engine';
import { exportOrders } from './export-orders';
import type { ExportSummary, OrdersContext } from './ports';

/** One write the flow would have made. */
export interface CapturedWrite {
  businessObject: string;
  kind: 'insert' | 'update';
  record: WriteRecord;
}

export interface OrderPreview {
  summary: ExportSummary;
  /** The activity-log rows the run would have written. */
  records: RecordEntry[];
  writes: CapturedWrite[];
}

/** What a preview needs: the store's real clients and settings; it brings its own step, log and id-map. */
export type PreviewContext = Omit<OrdersContext, 'runId' | 'trigger' | 'step' | 'log' | 'idMap' | 'accountview'> & {
  accountview: Pick<AccountViewClient, 'readAll'>;
};

// Keys AccountView would assign; a preview stands in for them so the flow can go on to the document.
const PREVIEW_KEYS = { SUB_NR: 'NEW', REC_ID: 'NEW', ORD_NR: 'PREVIEW', PAGE_NR: 0, INV_NR: 'PREVIEW' } as const;

/**
 * Runs the real orders flow on real orders without sending anything: AccountView is read as usual
 * (debtors, articles), every write is captured instead of made, and nothing is kept in the id-map or
 * the activity log. The document check against AccountView is left out, so an order that was sent
 * before previews as it would be sent now. This is what "test with one real record" and the mapping
 * check show the merchant.
 */
export async function previewOrders(ctx: PreviewContext, orderIds: number[]): Promise<OrderPreview> {
  const writes: CapturedWrite[] = [];
  const records: RecordEntry[] = [];
  const capture = (kind: CapturedWrite['kind']) =>
    async (businessObject: string, record: WriteRecord): Promise<WriteResult> => {
      writes.push({ businessObject, kind, record });
      const row: AvRow = { ...record.fields, ...PREVIEW_KEYS };
      return { table: businessObject, rows: [row], row };
    };
  const accountview: OrdersContext['accountview'] = {
    readAll: (businessObject, query, schema) =>
      businessObject === 'SO1' || businessObject === 'DJ2' ? Promise.resolve([]) : ctx.accountview.readAll(businessObject, query, schema),
    insert: capture('insert'),
    update: capture('update'),
  };
  const summary = await exportOrders(
    {
      ...ctx,
      accountview,
      runId: 'preview',
      trigger: 'manual',
      step: { run: (_id, fn) => fn(), sleep: async () => undefined },
      log: { record: async (entry) => void records.push(entry), info: () => undefined, warn: () => undefined },
      idMap: emptyIdMap(),
    },
    { orderIds },
  );
  return { summary, records, writes };
}

/** An id-map that knows nothing and keeps nothing: a preview treats every order as new. */
function emptyIdMap(): IdMap {
  return {
    get: async () => undefined,
    getMany: async () => new Map<string, IdMapEntry>(),
    listByPrefix: async () => [],
    putDone: async () => undefined,
    putFailed: async () => undefined,
    listFailed: async () => [],
    remove: async () => undefined,
    lock: (_key, fn) => fn(),
  };
}
