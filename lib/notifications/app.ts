import { getDatabase } from '@/lib/db/client';
import { listSyncableStores } from '@/lib/db/queries/stores';
import type { EngineLogger } from '@/lib/engine/run-log';
import { env, type Env } from '@/lib/env';
import { logger } from '@/lib/logger';
import type { MailConfig } from './channels';
import { createNotifier, type Notifier } from './notifier';

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
