import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openProblem } from '@/lib/db/queries/notifications';
import { syncRuns } from '@/lib/db/schema';
import { saveNotificationSettings } from '@/lib/notifications';
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from '../../helpers/databases';
import { notifierFor, prepareStore } from './harness';
import { startMailServer, type MailServer } from './servers';

const STORE = 'summarystore';
const QUIET = 'quietstore';

describe.each(testDatabaseKinds())('the daily summary (%s)', (kind) => {
  let database: TestDatabase;
  let mail: MailServer;
  let clock = new Date();
  const summaries = (smtpUrl = mail.url) => notifierFor(database, { smtpUrl, now: () => clock, stores: [STORE, QUIET] });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    mail = await startMailServer();
    await prepareStore(database, STORE, { mail, flow: 'orders', dailySummary: true });
    await prepareStore(database, QUIET, { mail, flow: 'orders', dailySummary: false });
  });
  beforeEach(() => {
    mail.mails.length = 0;
  });
  afterAll(async () => {
    await mail.close();
    await database.dispose();
  });

  it('goes out once a day from 08:00 Amsterdam time, only to stores that asked, with the day’s figures and open problems', async () => {
    const ended = new Date('2029-06-10T05:00:00Z');
    await database.db.insert(syncRuns).values([
      { storeHash: STORE, flow: 'orders', handler: 'orders-poll', trigger: 'poll', state: 'partial', created: 4, updated: 1, failed: 2, endedAt: ended },
      { storeHash: STORE, flow: 'orders', handler: 'orders-poll', trigger: 'poll', state: 'failed', endedAt: ended },
      { storeHash: QUIET, flow: 'orders', handler: 'orders-poll', trigger: 'poll', state: 'failed', endedAt: ended },
    ]);
    await openProblem(database.db, STORE, {
      key: 'orders:records-failing',
      flow: 'orders',
      kind: 'records-failing',
      message: 'Orders to AccountView: 2 orders could not be synchronised in the last run.',
      hint: 'Create article FIETS-9 in AccountView.',
    });
    const { notifier } = summaries();

    clock = new Date('2029-06-10T05:30:00Z'); // 07:30 in Amsterdam (summer time)
    await notifier.sendDailySummaries();
    expect(mail.mails).toEqual([]);

    clock = new Date('2029-06-10T06:10:00Z'); // 08:10
    await notifier.sendDailySummaries();
    await notifier.sendDailySummaries();
    expect(mail.mails).toHaveLength(1);
    const summary = mail.mails.at(-1);
    expect(summary?.to).toEqual(['shop@example.nl', 'boekhouding@example.nl']);
    expect(summary?.subject).toBe('Daily summary 2029-06-10: 1 problem(s) open — store summarystore');
    expect(summary?.text).toContain('- Orders to AccountView: 2 run(s), 4 created, 1 updated, 2 failed, 1 run(s) stopped.');
    expect(summary?.text).toContain('What to do: Create article FIETS-9 in AccountView.');

    // The next day brings the next one, without the runs that are now older than 24 hours.
    clock = new Date('2029-06-11T06:10:00Z');
    await notifier.sendDailySummaries();
    expect(mail.mails.map((m) => m.subject)).toEqual([
      'Daily summary 2029-06-10: 1 problem(s) open — store summarystore',
      'Daily summary 2029-06-11: 1 problem(s) open — store summarystore',
    ]);
    expect(mail.mails[1]?.text).toContain('No synchronisation ran.');
  });

  it('is not sent before 08:00 local time', async () => {
    await saveNotificationSettings(database.db, QUIET, { recipients: ['quiet@example.nl'], dailySummary: true });
    clock = new Date('2030-01-15T06:59:00Z'); // 07:59 in Amsterdam
    const { notifier } = summaries();
    await notifier.sendDailySummaries();
    expect(mail.mails).toEqual([]);
    clock = new Date('2030-01-15T07:00:00Z');
    await notifier.sendDailySummaries();
    expect(mail.mails.map((m) => m.to)).toEqual([['shop@example.nl', 'boekhouding@example.nl'], ['quiet@example.nl']]);
    expect(mail.mails[1]?.subject).toBe('Daily summary 2030-01-15: all good — store quietstore');
    expect(mail.mails[1]?.text).toContain('No synchronisation ran.');
  });

  it('tries again on the next check when the mail server cannot be reached', async () => {
    clock = new Date('2030-02-01T09:00:00Z');
    const broken = summaries('smtp://127.0.0.1:1');
    await broken.notifier.sendDailySummaries();
    expect(mail.mails).toEqual([]);
    expect(broken.logger.lines.filter((l) => l.message === 'a notification could not be sent')).toHaveLength(2);
    await summaries().notifier.sendDailySummaries();
    expect(mail.mails).toHaveLength(2);
    expect(mail.mails.every((m) => m.subject.startsWith('Daily summary 2030-02-01'))).toBe(true);
  });
});
