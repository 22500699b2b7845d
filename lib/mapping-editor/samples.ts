import { z } from 'zod';
import { accountViewFor, NotConnectedError } from '@/lib/accountview-connection';
import { AccountViewError } from '@/lib/accountview';
import { BigCommerceError } from '@/lib/bigcommerce';
import { getDatabase } from '@/lib/db/client';
import { readProductSettings } from '@/lib/flows/products';
import { bigCommerceFor } from '@/lib/store-clients';
import type { MapperFlow } from './fields';
import { sourceFieldsOf, type SourceField } from './source-fields';

/** The real record the editor's field picker and preview work on. */
export type Sample =
  | { ok: true; label: string; id: string; fields: SourceField[]; deliveryFields?: SourceField[] }
  | { ok: false; reason: string; hint: string };

// The image bytes: megabytes of base64, no use in a picker.
const HEAVY_ARTICLE_FIELDS = ['IMG_M_DATA'];

/** The latest order (orders) or most recently changed article (products) of the store, with the fields it holds. */
export async function loadSample(storeHash: string, flow: MapperFlow): Promise<Sample> {
  try {
    return flow === 'orders' ? await latestOrder(storeHash) : await latestArticle(storeHash);
  } catch (error) {
    if (error instanceof NotConnectedError) {
      return { ok: false, reason: 'AccountView is not connected, so there is no article to show.', hint: 'Connect AccountView on the Overview page first.' };
    }
    if (error instanceof BigCommerceError || error instanceof AccountViewError) {
      return { ok: false, reason: `The sample record could not be read: ${error.message}`, hint: 'Reload the page in a minute; if it keeps failing, test the connection on the Overview page.' };
    }
    throw error;
  }
}

/** The ids of the store's latest orders, newest first (order ids only grow; creation times can tie). */
export async function latestOrderIds(storeHash: string, count: number): Promise<number[]> {
  const bigcommerce = await bigCommerceFor(storeHash);
  if (!bigcommerce) return [];
  const ids: number[] = [];
  for await (const order of bigcommerce.listOrders({ sort: 'id:desc', limit: Math.min(count, 250) })) {
    if (typeof order.id === 'number') ids.push(order.id);
    if (ids.length >= count) break;
  }
  return ids;
}

async function latestOrder(storeHash: string): Promise<Sample> {
  const bigcommerce = await bigCommerceFor(storeHash);
  if (!bigcommerce) return { ok: false, reason: 'The store no longer has the app installed.', hint: 'Install the app again from the BigCommerce marketplace.' };
  const [id] = await latestOrderIds(storeHash, 1);
  if (id === undefined) return { ok: false, reason: 'The store has no orders yet, so there is no order to show.', hint: 'Place a test order in the store, then reload this page.' };
  const order = await bigcommerce.getOrder(id);
  const raw = order as Record<string, unknown>;
  const consignments = Array.isArray(raw.consignments) ? raw.consignments[0] : raw.consignments;
  const shipping = (consignments as { shipping?: unknown[] } | undefined)?.shipping?.[0];
  return {
    ok: true,
    label: `order ${id}`,
    id: String(id),
    fields: sourceFieldsOf(order),
    deliveryFields: shipping ? sourceFieldsOf(shipping, { skip: ['line_items'] }) : [],
  };
}

const articleRow = z.looseObject({ ART_CODE: z.union([z.string(), z.number()]).transform((v) => String(v).trim()) });

async function latestArticle(storeHash: string): Promise<Sample> {
  const accountview = await accountViewFor(storeHash);
  // Within the store's article groups: an article the flow never sends is no example.
  const stored = await readProductSettings((await getDatabase()).db, storeHash);
  const groups = stored.ok ? stored.settings.articleGroups : [];
  const filters = groups.length > 0 ? [{ field: 'AG_CODE', operator: 'In' as const, values: groups }] : [];
  const query = { filters, sortFields: ['CNG_DATE'], sortOrder: 'descending' as const, pageSize: 1 };
  for await (const page of accountview.readPages('AK1', query, articleRow)) {
    const [row] = page;
    if (!row) break;
    return { ok: true, label: `article ${row.ART_CODE}`, id: row.ART_CODE, fields: sourceFieldsOf(row, { skip: HEAVY_ARTICLE_FIELDS }) };
  }
  return { ok: false, reason: 'AccountView has no articles yet, so there is no article to show.', hint: 'Add an article in AccountView, then reload this page.' };
}
