import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * The other process of webhooks.burst: plays BigCommerce delivering `count` order webhooks to `url`
 * evenly over `durationMs`, each on time whether or not earlier ones were answered (as BigCommerce's
 * senders do). Prints one JSON line: per delivery its order id, HTTP status (0: no answer) and answer time.
 */
const config = z
  .object({
    BURST_URL: z.url(),
    BURST_COUNT: z.coerce.number().int().positive(),
    BURST_DURATION_MS: z.coerce.number().int().positive(),
    BURST_STORE: z.string().min(1),
    BURST_SECRET_HEADER: z.string().min(1),
    BURST_SECRET: z.string().min(1),
    BURST_FIRST_ORDER: z.coerce.number().int().positive(),
  })
  .parse(process.env);

interface Delivery {
  orderId: number;
  status: number;
  ms: number;
  /** Why there was no answer (e.g. UND_ERR_CONNECT_TIMEOUT, ECONNRESET, TimeoutError). */
  error?: string;
}

function reason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.name : 'unknown';
}

async function deliver(orderId: number): Promise<Delivery> {
  const body = JSON.stringify({
    scope: 'store/order/created',
    store_id: '1001',
    data: { type: 'order', id: orderId },
    hash: randomBytes(20).toString('hex'),
    created_at: Math.floor(Date.now() / 1000),
    producer: `stores/${config.BURST_STORE}`,
  });
  const started = performance.now();
  try {
    const response = await fetch(config.BURST_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [config.BURST_SECRET_HEADER]: config.BURST_SECRET },
      body,
      signal: AbortSignal.timeout(30_000),
    });
    await response.arrayBuffer();
    return { orderId, status: response.status, ms: performance.now() - started };
  } catch (error) {
    return { orderId, status: 0, ms: performance.now() - started, error: reason(error) };
  }
}

const gapMs = config.BURST_DURATION_MS / config.BURST_COUNT;
const start = performance.now();
const pending: Promise<Delivery>[] = [];
for (let i = 0; i < config.BURST_COUNT; i++) {
  const due = start + i * gapMs;
  const wait = due - performance.now();
  if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
  pending.push(deliver(config.BURST_FIRST_ORDER + i));
}
const sentInMs = performance.now() - start;
const deliveries = await Promise.all(pending);
process.stdout.write(`${JSON.stringify({ sentInMs, deliveries })}\n`);
