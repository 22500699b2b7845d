import nodemailer from 'nodemailer';

/** The two ways a message reaches the merchant: e-mail over SMTP, and an incoming-webhook URL. */
export interface MailConfig {
  /** e.g. `smtps://user:pass@smtp.example.com:465`. */
  url: string;
  from: string;
}

export interface OutgoingMessage {
  subject: string;
  /** Plain text: what happened, what fixes it, the link to the app. */
  text: string;
}

export type ChannelStatus = 'sent' | 'failed' | 'skipped';
export interface ChannelResult {
  channel: 'email' | 'webhook';
  status: ChannelStatus;
  /** Why it failed or was skipped, in plain words. */
  detail?: string;
}

const TIMEOUT_MS = 15_000;

export class NotificationDeliveryError extends Error {
  override name = 'NotificationDeliveryError';
}

export async function sendMail(config: MailConfig, to: string[], message: OutgoingMessage): Promise<void> {
  // Per send, not pooled: a few messages a day per store do not warrant a held connection.
  const transport = nodemailer.createTransport({
    url: config.url,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  try {
    await transport.sendMail({ from: config.from, to, subject: message.subject, text: message.text });
  } finally {
    transport.close();
  }
}

/** `{ "text": … }` is what both Slack and Microsoft Teams incoming webhooks accept. */
export async function postWebhook(url: string, message: OutgoingMessage): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: `*${message.subject}*\n\n${message.text}` }),
    redirect: 'error',
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new NotificationDeliveryError(`The webhook answered ${response.status} ${response.statusText}.`);
  await response.body?.cancel();
}

export interface Audience {
  recipients: string[];
  webhookUrl: string;
}

/** Sends on every channel the store has; never throws: each channel's result says how it went. */
export async function deliver(mail: MailConfig | undefined, audience: Audience, message: OutgoingMessage): Promise<ChannelResult[]> {
  const results: ChannelResult[] = [];
  if (audience.recipients.length === 0) {
    results.push({ channel: 'email', status: 'skipped', detail: 'No e-mail address is set.' });
  } else if (!mail) {
    results.push({ channel: 'email', status: 'skipped', detail: 'This installation has no mail server configured (SMTP_URL).' });
  } else {
    results.push(await attempt('email', () => sendMail(mail, audience.recipients, message)));
  }
  if (audience.webhookUrl) results.push(await attempt('webhook', () => postWebhook(audience.webhookUrl, message)));
  else results.push({ channel: 'webhook', status: 'skipped', detail: 'No webhook URL is set.' });
  return results;
}

async function attempt(channel: ChannelResult['channel'], send: () => Promise<void>): Promise<ChannelResult> {
  try {
    await send();
    return { channel, status: 'sent' };
  } catch (error) {
    return { channel, status: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Something was tried and nothing arrived: the caller may give its claim back and try again later. */
export function nothingDelivered(results: ChannelResult[]): boolean {
  return results.some((r) => r.status === 'failed') && !results.some((r) => r.status === 'sent');
}
