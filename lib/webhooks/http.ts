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
  const raw = await request.text();
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
