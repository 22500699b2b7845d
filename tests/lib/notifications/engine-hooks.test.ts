import { InngestTestEngine } from '@inngest/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInngestFunctions, defineHandler } from '@/lib/engine';
import { dailySummaryFunction } from '@/lib/notifications';
import { openTestDatabase, type TestDatabase } from '../../helpers/databases';
import { memoryLogger } from '../engine/helpers';
import { notifierFor, prepareStore } from './harness';
import { startMailServer, type MailServer } from './servers';

const STORE = 'inngestnotify';

describe('notifications from the Inngest functions', () => {
  let database: TestDatabase;
  let mail: MailServer;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    mail = await startMailServer();
    await prepareStore(database, STORE, { mail, flow: 'customers' });
  });
  afterAll(async () => {
    await mail.close();
    await database.dispose();
  });

  it('tells the merchant when records fail in a run on Inngest, once', async () => {
    const customers = defineHandler({
      id: 'customers-sync',
      flow: 'customers',
      event: 'accountview/customers.sync-requested',
      async handle(ctx) {
        const emails = await ctx.step.run('read', async () => ['jan@example.nl']);
        for (const email of emails) {
          await ctx.log.record({ entity: 'customer', sourceId: email, outcome: 'failed', message: 'The e-mail address is used by two debtors.', hint: 'Merge the debtors in AccountView.' });
        }
      },
    });
    const { notifier } = notifierFor(database, { smtpUrl: mail.url });
    const [worker] = createInngestFunctions([customers], {
      database: async () => database,
      listStores: async () => [STORE],
      logger: memoryLogger(),
      onRunEnd: (end) => notifier.runFinished(end),
    });
    if (!worker) throw new Error('no worker');
    for (const runId of ['run-a', 'run-b']) {
      const engine = new InngestTestEngine({ function: worker, events: [{ name: 'accountview/customers.sync-requested', data: { storeHash: STORE } }] });
      await engine.execute({ transformCtx: (ctx) => ({ ...ctx, runId }) });
    }
    expect(mail.mails).toHaveLength(1);
    expect(mail.mails[0]?.subject).toBe(`Action needed: Customers to AccountView — store ${STORE}`);
    expect(mail.mails[0]?.text).toContain('1 customer could not be synchronised in the last run. For example jan@example.nl: The e-mail address is used by two debtors.');
  });

  it('has a daily cron in Amsterdam time for the summary', () => {
    const fn = dailySummaryFunction(async () => {});
    expect(fn.id()).toBe('notifications-daily-summary');
    expect(fn.opts.triggers).toEqual([{ cron: 'TZ=Europe/Amsterdam 5 8 * * *' }]);
  });
});
