import { getDatabase } from '@/lib/db/client';
import { sendEvent } from '@/lib/engine';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import { MAX_WEBHOOK_BYTES, receiveOrderWebhook } from './receive';

/**
 * The webhook endpoint: answer fast (BigCommerce counts slow answers as failures) with no body, and
 * leave the work to the engine. The event is saved (runner) or accepted (Inngest) before the 202.
 */
export async function respondToOrderWebhook(request: Request): Promise<Response> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_WEBHOOK_BYTES) return new Response(null, { status: 413 });
  // Content-Length is optional (chunked uploads): count while reading, and stop at the limit.
  const raw = await readCapped(request, MAX_WEBHOOK_BYTES);
  if (raw === undefined) return new Response(null, { status: 413 });
  const result = await receiveOrderWebhook(
    {
      db: (await getDatabase()).db,
      encryptionKey: env().ENCRYPTION_KEY,
      enqueue: (data) => sendEvent({ name: 'bigcommerce/order.changed', data }),
    },
    request.headers,
    raw,
  );
  if (result.status !== 202) logger().warn({ status: result.status, outcome: result.outcome }, 'webhook refused');
  return new Response(null, { status: result.status });
}

/** The body as text, or undefined as soon as it passes `maxBytes` (the rest is never read). */
async function readCapped(request: Request, maxBytes: number): Promise<string | undefined> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
