import { getDatabase } from '@/lib/db/client';
import { env, MissingConfigError } from '@/lib/env';
import { logger } from '@/lib/logger';

/**
 * A production server with missing or malformed settings stops at start with a message naming each
 * one, instead of failing on the first merchant's request.
 */
export function checkConfigurationOrExit(): void {
  try {
    env();
  } catch (error) {
    if (error instanceof MissingConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Opens the database and applies migrations before the first request, so a merchant's first click
 * does not wait for PGlite to start (seconds on a small machine) or for Postgres migrations.
 */
export async function openDatabaseEarly(): Promise<void> {
  const started = Date.now();
  const database = await getDatabase();
  logger().info({ database: database.kind, ms: Date.now() - started }, 'database ready');
}

/** Starts the in-process runner (when no Inngest is configured): unfinished jobs resume, schedules start. */
export async function startEngineEarly(): Promise<void> {
  const { startEngine } = await import('@/lib/engine');
  await startEngine();
}

/** The activity log's retention purge: a timer in this process, unless Inngest runs it as a cron. */
export async function startActivityPurgeEarly(): Promise<void> {
  const { inngestSettingsFromEnv, usesInngest } = await import('@/lib/engine/settings');
  if (usesInngest(inngestSettingsFromEnv())) return;
  const { appPurgeDeps, startAppPurgeTimer } = await import('@/lib/activity/purge-schedule');
  startAppPurgeTimer(appPurgeDeps());
}
