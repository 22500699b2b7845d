'use server';

import { z } from 'zod';
import { NothingToRetryError } from '@/lib/activity/retry';
import { coverageSchema, historySchema, orderIdsSchema } from '@/lib/activity/requests';
import {
  exportOrders,
  importHistory,
  loadCoverage,
  retryFailedRecord,
  retryFailedRecordsOfRun,
  storeRetention,
  StoreGoneError,
} from '@/lib/activity/service';
import type { CoverageReport } from '@/lib/activity/coverage';
import { BigCommerceError } from '@/lib/bigcommerce';
import { logger } from '@/lib/logger';
import { requireStoreSession } from '@/lib/session';

/**
 * The activity log's buttons and forms. Each action reads the session again and acts on its store
 * only: an id from the browser that belongs to another store is simply not found.
 */
export type ActionResult = { ok: true; message: string } | { ok: false; message: string; field?: string };

const ENGINE_DOWN = 'The request could not be queued. Try again in a minute; if it keeps failing, check the app\'s status on the Overview tab.';

async function guarded(work: () => Promise<ActionResult>): Promise<ActionResult> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NothingToRetryError) return { ok: false, message: error.message };
    if (error instanceof StoreGoneError) return { ok: false, message: error.message };
    if (error instanceof BigCommerceError) {
      return { ok: false, message: 'BigCommerce could not be reached. Try again in a minute.' };
    }
    logger().error({ err: error }, 'activity action failed');
    return { ok: false, message: ENGINE_DOWN };
  }
}

export async function retryRecordAction(recordId: number): Promise<ActionResult> {
  const { storeHash } = await requireStoreSession();
  const id = z.number().int().positive().safeParse(recordId);
  if (!id.success) return { ok: false, message: 'This record is no longer in the activity log.' };
  return guarded(async () => ({ ok: true, message: (await retryFailedRecord(storeHash, id.data)).message }));
}

export async function retryRunAction(runId: string): Promise<ActionResult> {
  const { storeHash } = await requireStoreSession();
  const id = z.uuid().safeParse(runId);
  if (!id.success) return { ok: false, message: 'This run is no longer in the activity log.' };
  return guarded(async () => ({ ok: true, message: (await retryFailedRecordsOfRun(storeHash, id.data)).message }));
}

export async function exportOrdersAction(orderNumbers: string): Promise<ActionResult> {
  const { storeHash } = await requireStoreSession();
  const ids = orderIdsSchema.safeParse(orderNumbers);
  if (!ids.success) return { ok: false, field: 'orderIds', message: ids.error.issues[0]?.message ?? 'Enter order numbers.' };
  return guarded(async () => {
    await exportOrders(storeHash, ids.data);
    const what = ids.data.length === 1 ? `Order ${ids.data[0]} is` : `${ids.data.length} orders are`;
    return { ok: true, message: `${what} being exported to AccountView. The result appears in the activity log in a moment.` };
  });
}

export async function importHistoryAction(since: string): Promise<ActionResult> {
  const { storeHash } = await requireStoreSession();
  const parsed = historySchema.safeParse({ since });
  if (!parsed.success) return { ok: false, field: 'since', message: 'Choose the first day to import, e.g. 2026-11-01.' };
  if (new Date(parsed.data.since) > new Date()) return { ok: false, field: 'since', message: 'Choose a day in the past.' };
  return guarded(async () => {
    await importHistory(storeHash, parsed.data.since);
    return { ok: true, message: `Orders since ${parsed.data.since} are being imported. Orders already in AccountView are not sent twice.` };
  });
}

export type CoverageResult = { ok: true; report: CoverageReport } | { ok: false; message: string };

export async function coverageAction(from: string, to: string): Promise<CoverageResult> {
  const { storeHash } = await requireStoreSession();
  const parsed = coverageSchema.safeParse({ from, to });
  if (!parsed.success) return { ok: false, message: 'Choose a period with a first and a last day.' };
  if (parsed.data.from > parsed.data.to) return { ok: false, message: 'The first day must not be after the last day.' };
  try {
    return { ok: true, report: await loadCoverage(storeHash, parsed.data.from, parsed.data.to) };
  } catch (error) {
    // The same plain-words mapping as the other actions.
    const failed = await guarded(() => Promise.reject(error));
    return { ok: false, message: failed.message };
  }
}

export async function saveRetentionAction(days: string): Promise<ActionResult> {
  const { storeHash } = await requireStoreSession();
  const value = days.trim() === '' ? Number.NaN : Number(days);
  const saved = await storeRetention(storeHash, { retentionDays: value });
  if (!saved.ok) return { ok: false, field: 'retentionDays', message: saved.problems[0]?.message ?? 'Enter a number of days.' };
  return {
    ok: true,
    message: `Saved. Runs and records older than ${saved.settings.retentionDays} days are deleted at the next clean-up (within a few hours).`,
  };
}
