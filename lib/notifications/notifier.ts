import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { readFlowSettings } from '@/lib/db/queries/flow-settings';
import {
  claimDailySummary,
  flowFiguresSince,
  listOpenProblems,
  listResolvedSince,
  openProblem,
  releaseDailySummary,
  releaseProblemClaim,
  resolveProblems,
} from '@/lib/db/queries/notifications';
import { listRecords } from '@/lib/db/queries/runs';
import type { EngineLogger } from '@/lib/engine/run-log';
import { deliver, nothingDelivered, type ChannelResult, type MailConfig, type OutgoingMessage } from './channels';
import { problemMessage, recoveryMessage, summaryMessage, testMessage, type MessageContext } from './messages';
import { planProblems, type FinishedRun } from './problems';
import { readNotificationSettings } from './settings';

export interface NotifierDeps {
  db: Db;
  /** Unset: no e-mail (webhooks still go out). */
  mail?: MailConfig;
  appUrl: string;
  logger: EngineLogger;
  /** The installed stores, for the daily summary. */
  listStores: () => Promise<string[]>;
  now?: () => Date;
  /** Local hour from which the daily summary goes out. Default 8 (Europe/Amsterdam). */
  summaryHour?: number;
  timeZone?: string;
}

export interface Notifier {
  /** Tells the merchant about a problem the run shows (once) or one it shows solved. Never throws. */
  runFinished(run: FinishedRun): Promise<void>;
  /** Sends today's summary to every store that asked for one and has not had it yet. Never throws. */
  sendDailySummaries(): Promise<void>;
  /** The settings page's "send a test message". */
  sendTest(storeHash: string): Promise<ChannelResult[]>;
}

const anySettings = z.unknown();

export function createNotifier(deps: NotifierDeps): Notifier {
  const { db, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const summaryHour = deps.summaryHour ?? 8;
  const timeZone = deps.timeZone ?? 'Europe/Amsterdam';
  const context = (storeHash: string): MessageContext => ({ storeHash, appUrl: deps.appUrl });

  async function send(storeHash: string, message: OutgoingMessage, what: string): Promise<ChannelResult[]> {
    const settings = await readNotificationSettings(db, storeHash);
    const results = await deliver(deps.mail, settings, message);
    for (const r of results) {
      if (r.status === 'failed') logger.warn({ storeHash, channel: r.channel, reason: r.detail, what }, 'a notification could not be sent');
    }
    return results;
  }

  async function runFinished(run: FinishedRun): Promise<void> {
    const { storeHash } = run;
    const flow = await readFlowSettings(db, storeHash, run.flow, anySettings);
    // A switched-off or paused flow "succeeds" without doing anything: that proves nothing solved.
    if (run.state !== 'failed' && (!flow.enabled || flow.paused)) return;
    const failedRecords = run.state === 'partial' ? await listRecords(db, storeHash, { runId: run.runId, outcome: 'failed', limit: 1 }) : [];
    const plan = planProblems(run, failedRecords);
    for (const problem of plan.open) {
      const claimed = await openProblem(db, storeHash, problem);
      if (!claimed) continue;
      const results = await send(storeHash, problemMessage(context(storeHash), claimed), problem.key);
      // Nothing arrived: give the claim back so the next run that sees the problem tries again.
      if (nothingDelivered(results)) await releaseProblemClaim(db, storeHash, problem.key);
    }
    for (const solved of await resolveProblems(db, storeHash, plan.resolve)) {
      if (solved.notifiedAt) await send(storeHash, recoveryMessage(context(storeHash), solved), `${solved.key}:solved`);
    }
  }

  /** The local calendar day and hour in the merchant's time zone. */
  function localDay(at: Date): { day: string; hour: number } {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(at);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return { day: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
  }

  async function summaryFor(storeHash: string, at: Date): Promise<void> {
    const settings = await readNotificationSettings(db, storeHash);
    if (!settings.dailySummary) return;
    const { day, hour } = localDay(at);
    if (hour < summaryHour) return;
    const slot = new Date(`${day}T00:00:00Z`);
    if (!(await claimDailySummary(db, storeHash, slot))) return;
    const since = new Date(at.getTime() - 24 * 60 * 60 * 1000);
    const [figures, open, resolved] = await Promise.all([
      flowFiguresSince(db, storeHash, since),
      listOpenProblems(db, storeHash),
      listResolvedSince(db, storeHash, since),
    ]);
    const results = await send(storeHash, summaryMessage(context(storeHash), { figures, open, resolved }, day), 'daily-summary');
    if (nothingDelivered(results)) await releaseDailySummary(db, storeHash, new Date(slot.getTime() - 24 * 60 * 60 * 1000));
  }

  return {
    async runFinished(run) {
      try {
        await runFinished(run);
      } catch (error) {
        logger.error({ err: error, storeHash: run.storeHash, runId: run.runId }, 'notifications for a finished run failed');
      }
    },
    async sendDailySummaries() {
      const at = now();
      let stores: string[];
      try {
        stores = await deps.listStores();
      } catch (error) {
        logger.error({ err: error }, 'could not list the stores for the daily summary');
        return;
      }
      for (const storeHash of stores) {
        try {
          await summaryFor(storeHash, at);
        } catch (error) {
          logger.error({ err: error, storeHash }, 'the daily summary could not be sent');
        }
      }
    },
    async sendTest(storeHash) {
      return send(storeHash, testMessage(context(storeHash)), 'test');
    },
  };
}
