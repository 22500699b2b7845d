import { setFlowState } from '@/lib/db/queries/flow-settings';
import { createNotifier, saveNotificationSettings, type Notifier } from '@/lib/notifications';
import type { TestDatabase } from '../../helpers/databases';
import { addStores, memoryLogger } from '../engine/helpers';
import type { HookServer, MailServer } from './servers';

export const APP_URL = 'https://app.example.test';
export const FROM = 'AccountView app <noreply@example.test>';

/** A store with the given flow switched on and notifications going to the test's servers. */
export async function prepareStore(
  database: TestDatabase,
  storeHash: string,
  options: { flow?: string; mail: MailServer; hook?: HookServer; dailySummary?: boolean },
): Promise<void> {
  await addStores(database, storeHash);
  await setFlowState(database.db, storeHash, options.flow ?? 'products', { enabled: true });
  const saved = await saveNotificationSettings(database.db, storeHash, {
    recipients: ['shop@example.nl', 'boekhouding@example.nl'],
    webhookUrl: options.hook?.url ?? '',
    dailySummary: options.dailySummary ?? false,
  });
  if (!saved.ok) throw new Error(`settings not saved: ${JSON.stringify(saved.problems)}`);
}

export function notifierFor(
  database: TestDatabase,
  options: { smtpUrl: string; now?: () => Date; stores?: string[] },
): { notifier: Notifier; logger: ReturnType<typeof memoryLogger> } {
  const logger = memoryLogger();
  const notifier = createNotifier({
    db: database.db,
    mail: { url: options.smtpUrl, from: FROM },
    appUrl: APP_URL,
    logger,
    listStores: async () => options.stores ?? [],
    now: options.now,
  });
  return { notifier, logger };
}
