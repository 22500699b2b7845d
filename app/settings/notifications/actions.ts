'use server';

import { z } from 'zod';
import { sendTestNotification, splitRecipients, updateNotificationSettings, type ChannelResult } from '@/lib/notifications';
import { requireStoreSession } from '@/lib/session';

export interface NotificationsInput {
  recipients: string;
  webhookUrl: string;
  dailySummary: boolean;
}

export type FieldErrors = Partial<Record<'recipients' | 'webhookUrl' | 'dailySummary', string>>;
export type SaveNotificationsResult = { ok: true } | { ok: false; errors: FieldErrors };

const input = z.object({ recipients: z.string().max(5000), webhookUrl: z.string().max(2100), dailySummary: z.boolean() });

/** Saves the store's notification settings; problems come back per field. */
export async function saveNotifications(raw: NotificationsInput): Promise<SaveNotificationsResult> {
  const session = await requireStoreSession();
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: { recipients: 'The form could not be read. Reload the page and try again.' } };
  const result = await updateNotificationSettings(session.storeHash, {
    recipients: splitRecipients(parsed.data.recipients),
    webhookUrl: parsed.data.webhookUrl.trim(),
    dailySummary: parsed.data.dailySummary,
  });
  if (result.ok) return { ok: true };
  const errors: FieldErrors = {};
  for (const problem of result.problems) {
    const field = problem.path.split('.')[0] as keyof FieldErrors;
    errors[field] ??= problem.message;
  }
  return { ok: false, errors };
}

export interface TestLine {
  channel: ChannelResult['channel'];
  ok: boolean;
  text: string;
}

const SENT: Record<ChannelResult['channel'], string> = {
  email: 'The test e-mail was sent. It should arrive within a few minutes; check the spam folder if it does not.',
  webhook: 'The test message was posted to the webhook.',
};
const FAILED: Record<ChannelResult['channel'], string> = {
  email: 'The test e-mail could not be sent. The mail server of this installation refused or could not be reached; ask whoever runs the app to check SMTP_URL.',
  webhook: 'The webhook did not accept the test message. Check that the address is the full incoming-webhook URL and that the webhook is still active in Slack or Teams.',
};

/** Saves, then sends a test message on every channel set, saying per channel how it went. */
export async function sendTestMessage(raw: NotificationsInput): Promise<SaveNotificationsResult | { ok: true; lines: TestLine[] }> {
  const saved = await saveNotifications(raw);
  if (!saved.ok) return saved;
  const session = await requireStoreSession();
  const results = await sendTestNotification(session.storeHash);
  const lines = results
    .filter((r) => r.status !== 'skipped' || (r.channel === 'email' && raw.recipients.trim() !== ''))
    .map((r): TestLine => ({
      channel: r.channel,
      ok: r.status === 'sent',
      text: r.status === 'sent' ? SENT[r.channel] : r.status === 'failed' ? `${FAILED[r.channel]} (${r.detail ?? 'no details'})` : (r.detail ?? ''),
    }));
  if (lines.length === 0) lines.push({ channel: 'email', ok: false, text: 'Nothing was sent: enter an e-mail address or a webhook URL first.' });
  return { ok: true, lines };
}
