import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { readFlowSettings, saveFlowSettings } from '@/lib/db/queries/flow-settings';
import { ownerEmails } from '@/lib/db/queries/notifications';
import { env } from '@/lib/env';

/**
 * Who hears about problems, per store. Kept as the `notifications` row of flow_settings (the same
 * validated-JSON-per-store storage the flows use), so no table of its own is needed.
 */
export const NOTIFICATIONS_ROW = 'notifications';
export const MAX_RECIPIENTS = 10;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const HTTPS_HINT = 'Enter the full https:// address of the incoming webhook.';

/**
 * A Slack or Microsoft Teams incoming webhook: https only, since the messages name the store's
 * problems. Outside production a plain-http loopback URL is accepted too (a local relay, the tests);
 * production never posts to http or to this machine's own ports that way.
 */
function webhookUrl(allowLocalHttp: boolean) {
  return z
    .string()
    .trim()
    .max(2000, 'That address is too long.')
    .refine((value) => {
      if (value === '') return true;
      if (!URL.canParse(value)) return false;
      const url = new URL(value);
      if (url.protocol === 'https:') return url.hostname !== '';
      return allowLocalHttp && url.protocol === 'http:' && LOOPBACK.has(url.hostname);
    }, HTTPS_HINT);
}

export const settingsSchema = (options: { allowLocalHttp: boolean }) =>
  z.object({
  recipients: z
    .array(z.email({ error: (issue) => `“${String(issue.input)}” is not an e-mail address.` }))
    .max(MAX_RECIPIENTS, `At most ${MAX_RECIPIENTS} addresses.`)
    .default([]),
  webhookUrl: webhookUrl(options.allowLocalHttp).default(''),
  dailySummary: z.boolean().default(false),
});

/** The production rules: https webhooks only. */
export const notificationSettingsSchema = settingsSchema({ allowLocalHttp: false });
const localHttpAllowed = () => env().NODE_ENV !== 'production';

export type NotificationSettings = z.output<typeof notificationSettingsSchema>;

export interface StoreNotificationSettings extends NotificationSettings {
  /** False until the merchant saves the page: until then the store owner is the recipient. */
  saved: boolean;
}

export async function readNotificationSettings(db: Db, storeHash: string): Promise<StoreNotificationSettings> {
  const stored = await readFlowSettings(db, storeHash, NOTIFICATIONS_ROW, settingsSchema({ allowLocalHttp: localHttpAllowed() }));
  const saved = stored.ok && stored.updatedAt !== null;
  // A row that no longer parses still must not leave the merchant unwarned: fall back to the owner.
  const settings = stored.ok ? stored.settings : notificationSettingsSchema.parse({});
  if (saved) return { ...settings, saved };
  return { ...settings, recipients: await ownerEmails(db, storeHash), saved };
}

export type SaveResult = { ok: true; settings: NotificationSettings } | { ok: false; problems: { path: string; message: string }[] };

export async function saveNotificationSettings(db: Db, storeHash: string, input: unknown): Promise<SaveResult> {
  return saveFlowSettings(db, storeHash, NOTIFICATIONS_ROW, settingsSchema({ allowLocalHttp: localHttpAllowed() }), input);
}

/** The recipients field as typed: addresses separated by commas, semicolons, spaces or new lines. */
export function splitRecipients(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((part) => part.trim()).filter(Boolean))];
}
