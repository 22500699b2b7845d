import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { listInstalledStores, purgeExpiredBatch } from '@/lib/db/queries/activity';
import { readFlowSettings, saveFlowSettings } from '@/lib/db/queries/flow-settings';

/**
 * How long the activity log keeps runs and records. The log holds personal data (names, e-mail
 * addresses and addresses of orders and debtors), so nothing is kept longer than the merchant chose.
 * Stored with the flows' settings under its own name, so no table of its own is needed.
 */
export const ACTIVITY_LOG_SETTINGS = 'activity-log';
export const DEFAULT_RETENTION_DAYS = 30;

export const retentionSettingsSchema = z.object({
  retentionDays: z
    .number({ error: 'Enter a number of days.' })
    .int('Enter a whole number of days.')
    .min(1, 'Keep the log for at least 1 day.')
    .max(365, 'Keep the log for at most 365 days.')
    .default(DEFAULT_RETENTION_DAYS),
});
export type RetentionSettings = z.output<typeof retentionSettingsSchema>;

export async function readRetention(db: Db, storeHash: string): Promise<RetentionSettings> {
  const stored = await readFlowSettings(db, storeHash, ACTIVITY_LOG_SETTINGS, retentionSettingsSchema);
  // A row that no longer validates falls back to the default rather than keeping data forever.
  return stored.ok ? stored.settings : { retentionDays: DEFAULT_RETENTION_DAYS };
}

export async function saveRetention(db: Db, storeHash: string, input: unknown) {
  return saveFlowSettings(db, storeHash, ACTIVITY_LOG_SETTINGS, retentionSettingsSchema, input);
}

export interface PurgeResult {
  runs: number;
  records: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes a store's runs (with their records) that ended more than its retention period ago. */
export async function purgeStore(db: Db, storeHash: string, now: Date): Promise<PurgeResult> {
  const { retentionDays } = await readRetention(db, storeHash);
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const total: PurgeResult = { runs: 0, records: 0 };
  for (;;) {
    const batch = await purgeExpiredBatch(db, storeHash, cutoff);
    total.runs += batch.runs;
    total.records += batch.records;
    if (batch.runs === 0) return total;
  }
}

/** The scheduled purge: every installed store in turn; one store's failure does not stop the others. */
export async function purgeAllStores(
  db: Db,
  now: Date,
  onError: (storeHash: string, error: unknown) => void = () => {},
): Promise<Record<string, PurgeResult>> {
  const results: Record<string, PurgeResult> = {};
  for (const storeHash of await listInstalledStores(db)) {
    try {
      results[storeHash] = await purgeStore(db, storeHash, now);
    } catch (error) {
      onError(storeHash, error);
    }
  }
  return results;
}
