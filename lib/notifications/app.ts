import { getDatabase } from '@/lib/db/client';
import { listSyncableStores } from '@/lib/db/queries/stores';
import type { EngineLogger } from '@/lib/engine/run-log';
import { env, type Env } from '@/lib/env';
import { logger } from '@/lib/logger';
import { listOpenProblems, type ProblemRow } from '@/lib/db/queries/notifications';
import type { ChannelResult, MailConfig } from './channels';
import { createNotifier, type Notifier } from './notifier';
import { readNotificationSettings, saveNotificationSettings, type SaveResult, type StoreNotificationSettings } from './settings';

/** Composition: the notifier over the app's database, SMTP settings and logger. */

export function mailConfigFromEnv(values: Pick<Env, 'SMTP_URL' | 'MAIL_FROM' | 'APP_URL'> = env()): MailConfig | undefined {
  if (!values.SMTP_URL) return undefined;
  const from = values.MAIL_FROM ?? `AccountView app <noreply@${new URL(values.APP_URL).hostname}>`;
  return { url: values.SMTP_URL, from };
}

// Resolved per call, like the engine's: reading env() at import time would break `next build`.
const notifierLogger: EngineLogger = {
  info: (meta, message) => logger().info(meta, message),
  warn: (meta, message) => logger().warn(meta, message),
  error: (meta, message) => logger().error(meta, message),
};

/** Built per use (cheap), so it always talks to the database the app currently uses. */
export async function appNotifier(): Promise<Notifier> {
  const { db } = await getDatabase();
  return createNotifier({
    db,
    mail: mailConfigFromEnv(),
    appUrl: env().APP_URL,
    logger: notifierLogger,
    listStores: () => listSyncableStores(db),
  });
}

/** What the settings page shows: the store's settings and whether this installation can send e-mail. */
export async function loadNotificationSettings(storeHash: string): Promise<StoreNotificationSettings & { mailConfigured: boolean }> {
  const settings = await readNotificationSettings((await getDatabase()).db, storeHash);
  return { ...settings, mailConfigured: mailConfigFromEnv() !== undefined };
}

export async function updateNotificationSettings(storeHash: string, input: unknown): Promise<SaveResult> {
  return saveNotificationSettings((await getDatabase()).db, storeHash, input);
}

export async function sendTestNotification(storeHash: string): Promise<ChannelResult[]> {
  return (await appNotifier()).sendTest(storeHash);
}

/** The open problems of a store, newest first, for the home page. */
export async function openProblemsOf(storeHash: string): Promise<ProblemRow[]> {
  return listOpenProblems((await getDatabase()).db, storeHash);
}
