import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { SimRuntime } from '../runtime';
import type { SimStore } from '../types';
import type { WebhookDelivery, WebhookPayload } from './types';

/** Seconds between attempts after the first failure, then deactivation after ~48 h (reference §2.2). */
export const RETRY_SCHEDULE_S = [60, 180, 300, 600, 900, 1800, 3600, 7200, 21600, 50400, 86400] as const;

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

/** `store/order/*` covers every `store/order/...` event, nested ones included. */
export function scopeMatches(hookScope: string, eventScope: string): boolean {
  if (hookScope === eventScope) return true;
  return hookScope.endsWith('/*') && eventScope.startsWith(hookScope.slice(0, -1));
}

/**
 * Standard Webhooks headers, keyed with the client secret as the docs' sample verifies them
 * (`new Webhook(base64(CLIENT_SECRET))`, reference §2.2). [I]: not yet confirmed against a live store.
 */
function signatureHeaders(rt: SimRuntime, id: string, body: string): Record<string, string> {
  const timestamp = String(Math.floor(rt.now() / 1000));
  const signature = createHmac('sha256', Buffer.from(rt.clientSecret, 'utf8')).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` };
}

function isCurrent(rt: SimRuntime, delivery: WebhookDelivery): boolean {
  // A reset replaces the state; attempts still under way for the old one must not touch the new one.
  return rt.state.webhookDeliveries.includes(delivery);
}

function hookOf(rt: SimRuntime, delivery: WebhookDelivery) {
  return rt.state.stores[delivery.storeHash]?.data.hooks.find((h) => h.id === delivery.hookId);
}

function schedule(rt: SimRuntime, delivery: WebhookDelivery, delayMs: number): void {
  delivery.nextAttemptAt = new Date(rt.now() + delayMs).toISOString();
  const timer = setTimeout(() => {
    rt.webhookTimers.delete(timer);
    void attempt(rt, delivery);
  }, delayMs);
  timer.unref();
  rt.webhookTimers.add(timer);
}

async function attempt(rt: SimRuntime, delivery: WebhookDelivery): Promise<void> {
  const hook = hookOf(rt, delivery);
  if (!isCurrent(rt, delivery)) return;
  if (!hook || !hook.is_active) {
    // Deleted or switched off since the event: BigCommerce stops sending.
    delivery.state = 'failed';
    delivery.nextAttemptAt = null;
    return;
  }
  const body = JSON.stringify(delivery.payload);
  const started = Date.now();
  const record = { at: new Date(rt.now()).toISOString(), status: null as number | null, error: null as string | null, durationMs: 0 };
  rt.inFlightDeliveries += 1;
  try {
    const response = await fetch(delivery.destination, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...signatureHeaders(rt, delivery.id, body), ...hook.headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(rt.webhookTimeoutMs),
    });
    record.status = response.status;
    await response.arrayBuffer().catch(() => undefined);
  } catch (err) {
    record.error = err instanceof Error ? (err.name === 'TimeoutError' ? 'timeout' : err.message) : String(err);
  } finally {
    rt.inFlightDeliveries -= 1;
  }
  record.durationMs = Date.now() - started;
  if (!isCurrent(rt, delivery)) return;
  delivery.attempts.push(record);

  if (record.status !== null && record.status >= 200 && record.status < 300) {
    delivery.state = 'delivered';
    delivery.nextAttemptAt = null;
    return;
  }
  const retryIndex = delivery.attempts.length - 1;
  const waitS = RETRY_SCHEDULE_S[retryIndex];
  if (waitS !== undefined) return schedule(rt, delivery, waitS * 1000 * rt.webhookRetryScale);

  delivery.state = 'failed';
  delivery.nextAttemptAt = null;
  const current = hookOf(rt, delivery);
  if (current) {
    current.is_active = false;
    current.updated_at = Math.floor(rt.now() / 1000);
  }
}

/** Queues one callback per active hook whose scope covers the event; sending happens after the API call returns. */
export function emitEvent(rt: SimRuntime, store: SimStore, scope: string, data: Record<string, unknown>): WebhookDelivery[] {
  const hooks = store.data.hooks.filter((h) => h.is_active && scopeMatches(h.scope, scope));
  return hooks.map((hook) => {
    const payload: WebhookPayload = {
      scope,
      store_id: String(store.info.store_id),
      data,
      hash: createHash('sha1').update(JSON.stringify(data)).digest('hex'),
      created_at: Math.floor(rt.now() / 1000),
      producer: `stores/${store.hash}`,
    };
    const delivery: WebhookDelivery = {
      id: randomUUID(),
      storeHash: store.hash,
      hookId: hook.id,
      destination: hook.destination,
      payload,
      attempts: [],
      state: 'pending',
      nextAttemptAt: null,
    };
    rt.state.webhookDeliveries.push(delivery);
    schedule(rt, delivery, 0);
    return delivery;
  });
}

export function cancelDeliveries(rt: SimRuntime): void {
  for (const timer of rt.webhookTimers) clearTimeout(timer);
  rt.webhookTimers.clear();
}

/** Resolves once no callback is pending or on the wire, so tests can assert on `state.webhookDeliveries`. */
export async function settleDeliveries(rt: SimRuntime, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (rt.inFlightDeliveries > 0 || rt.state.webhookDeliveries.some((d) => d.state === 'pending')) {
    if (Date.now() > deadline) throw new Error('Webhook deliveries did not settle in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
