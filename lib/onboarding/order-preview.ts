import { getDatabase } from '@/lib/db/client';
import { readOrderSettings } from '@/lib/db/queries/order-settings';
import { previewOrders, type CapturedWrite } from '@/lib/flows/orders/preview';
import { openStoreFlow } from '@/lib/flows/store-ports';

/** One write as the wizard shows it: plain strings and numbers only, safe to hand to the browser. */
export interface ShownWrite {
  businessObject: string;
  kind: 'insert' | 'update';
  fields: Record<string, string | number | boolean | null>;
  lines: Record<string, string | number | boolean | null>[];
}

export type RecordPreview =
  | {
      ok: true;
      /** The record the preview ran on: an order number, an SKU. */
      label: string;
      outcome: 'created' | 'updated' | 'skipped' | 'failed';
      message?: string;
      hint?: string;
      writes: ShownWrite[];
    }
  | { ok: false; message: string; hint: string };

function plain(value: unknown): string | number | boolean | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  return value === undefined ? null : JSON.stringify(value);
}

const plainRecord = (r: Readonly<Record<string, unknown>>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)]));

export function showWrite(write: CapturedWrite): ShownWrite {
  return {
    businessObject: write.businessObject,
    kind: write.kind,
    fields: plainRecord(write.record.fields),
    lines: (write.record.lines ?? []).map(plainRecord),
  };
}

/**
 * "Test with one real record" for orders: the store's latest order through the real orders flow with
 * the settings as saved, every AccountView write captured and shown, nothing sent.
 */
export async function previewLatestOrder(storeHash: string): Promise<RecordPreview> {
  const stored = await readOrderSettings((await getDatabase()).db, storeHash);
  const opened = await openStoreFlow(storeHash, 'orders', stored, { requireEnabled: false });
  if (!opened.ok) return { ok: false, message: opened.message, hint: 'Finish the earlier steps (AccountView connected, order questions saved) and try again.' };
  const { bigcommerce, accountview, now } = opened.ports;
  let orderId: number | undefined;
  for await (const order of bigcommerce.listOrders({ sort: 'date_created:desc', limit: 1 })) {
    if (typeof order.id === 'number') orderId = order.id;
    break;
  }
  if (orderId === undefined) {
    return { ok: false, message: 'This store has no orders yet, so there is nothing to test with.', hint: 'Place a test order in your store, then click "Test again". You can also switch on without a test.' };
  }
  const preview = await previewOrders(
    { storeHash, bigcommerce, accountview, settings: opened.settings, mapping: stored.ok ? stored.mapping : {}, now },
    [orderId],
  );
  const record = preview.records.find((r) => r.entity === 'order') ?? preview.records[0];
  return {
    ok: true,
    label: `order ${orderId}`,
    outcome: record?.outcome ?? (preview.writes.length > 0 ? 'created' : 'skipped'),
    ...(record?.message ? { message: record.message } : {}),
    ...(record?.hint ? { hint: record.hint } : {}),
    writes: preview.writes.map(showWrite),
  };
}
