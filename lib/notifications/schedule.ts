import { cron, type InngestFunction } from 'inngest';
import { inngest } from '@/lib/engine/inngest/client';

/** The daily summary goes out from 08:00 in the merchants' time zone; the runner checks every quarter. */
export const DAILY_SUMMARY_CHECK_MS = 15 * 60 * 1000;
export const DAILY_SUMMARY_CRON = 'TZ=Europe/Amsterdam 5 8 * * *';

/** The Inngest side of the daily summary: a cron calling the same idempotent sender as the runner's timer. */
export function dailySummaryFunction(send: () => Promise<void>): InngestFunction.Any {
  return inngest.createFunction(
    { id: 'notifications-daily-summary', triggers: [cron(DAILY_SUMMARY_CRON)], retries: 2 },
    async ({ step }) => {
      await step.run('send-summaries', send);
      return { ok: true };
    },
  );
}
