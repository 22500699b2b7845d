import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeUsers } from '@/lib/db/schema';
import {
  notificationSettingsSchema,
  readNotificationSettings,
  saveNotificationSettings,
  splitRecipients,
} from '@/lib/notifications';
import { settingsSchema } from '@/lib/notifications/settings';
import { openTestDatabase, type TestDatabase } from '../../helpers/databases';
import { addStores } from '../engine/helpers';
import { notifierFor } from './harness';
import { startHookServer, startMailServer, type HookServer, type MailServer } from './servers';

const STORE = 'settingsstore';

describe('notification settings', () => {
  let database: TestDatabase;
  let mail: MailServer;
  let hook: HookServer;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    [mail, hook] = await Promise.all([startMailServer(), startHookServer()]);
    await addStores(database, STORE);
    await database.db.insert(storeUsers).values([
      { storeHash: STORE, userId: 1, email: 'owner@fietsenwinkel.nl', isOwner: true },
      { storeHash: STORE, userId: 2, email: 'staff@fietsenwinkel.nl', isOwner: false },
    ]);
  });
  afterAll(async () => {
    await Promise.all([mail.close(), hook.close()]);
    await database.dispose();
  });

  it('tells the store owner until the merchant chooses recipients', async () => {
    expect(await readNotificationSettings(database.db, STORE)).toEqual({
      recipients: ['owner@fietsenwinkel.nl'],
      webhookUrl: '',
      dailySummary: false,
      saved: false,
    });
  });

  it('refuses an address that is not an e-mail address, naming it at its field', async () => {
    const result = await saveNotificationSettings(database.db, STORE, { recipients: ['a@b.nl', 'boekhouder'], webhookUrl: '', dailySummary: false });
    expect(result).toEqual({ ok: false, problems: [{ path: 'recipients.1', message: '“boekhouder” is not an e-mail address.' }] });
    expect((await readNotificationSettings(database.db, STORE)).saved).toBe(false);
  });

  it('accepts only https webhooks in production, and a loopback http one elsewhere', () => {
    const https = 'https://hooks.slack.com/services/T0/B0/XYZ';
    const production = notificationSettingsSchema;
    expect(production.safeParse({ webhookUrl: https }).success).toBe(true);
    for (const bad of ['http://hooks.slack.com/services/T0', 'http://127.0.0.1:9/hook', 'ftp://example.com', 'hooks.slack.com/x', 'javascript:alert(1)']) {
      const parsed = production.safeParse({ webhookUrl: bad });
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('Enter the full https:// address of the incoming webhook.');
    }
    const development = settingsSchema({ allowLocalHttp: true });
    expect(development.safeParse({ webhookUrl: 'http://127.0.0.1:9/hook' }).success).toBe(true);
    expect(development.safeParse({ webhookUrl: 'http://10.0.0.5/hook' }).success).toBe(false);
  });

  it('reads the recipients field as typed', () => {
    expect(splitRecipients(' a@b.nl, c@d.be;\n a@b.nl  e@f.nl ')).toEqual(['a@b.nl', 'c@d.be', 'e@f.nl']);
    expect(splitRecipients('')).toEqual([]);
  });

  it('saves the merchant’s choice and sends a test message to every channel', async () => {
    const saved = await saveNotificationSettings(database.db, STORE, { recipients: ['boekhouding@fietsenwinkel.nl'], webhookUrl: hook.url, dailySummary: true });
    expect(saved.ok).toBe(true);
    expect(await readNotificationSettings(database.db, STORE)).toEqual({
      recipients: ['boekhouding@fietsenwinkel.nl'],
      webhookUrl: hook.url,
      dailySummary: true,
      saved: true,
    });
    const results = await notifierFor(database, { smtpUrl: mail.url }).notifier.sendTest(STORE);
    expect(results).toEqual([
      { channel: 'email', status: 'sent' },
      { channel: 'webhook', status: 'sent' },
    ]);
    expect(mail.mails).toHaveLength(1);
    expect(mail.mails[0]).toMatchObject({ to: ['boekhouding@fietsenwinkel.nl'], subject: `Test message from the AccountView app — store ${STORE}` });
    expect(hook.bodies).toEqual([{ text: expect.stringContaining('This is a test.') }]);
  });

  it('reports each channel that fails, in words the page can show', async () => {
    hook.status = 404;
    const results = await notifierFor(database, { smtpUrl: 'smtp://127.0.0.1:1' }).notifier.sendTest(STORE);
    hook.status = 200;
    expect(results).toEqual([
      { channel: 'email', status: 'failed', detail: expect.stringMatching(/ECONNREFUSED/) },
      { channel: 'webhook', status: 'failed', detail: 'The webhook answered 404 Not Found.' },
    ]);
  });
});
