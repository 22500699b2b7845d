import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { forgetSpentToken, spendToken } from '@/lib/db/queries/stores';
import { findWebhookSecret } from '@/lib/db/queries/webhook-secrets';
import { decryptSecret } from '@/lib/security/secrets';
import { ORDER_WEBHOOK_SCOPES, WEBHOOK_SECRET_HEADER } from './register';

/** BigCommerce's payload is deliberately light (reference §2.2): the flow reads the order itself. */
const payloadSchema = z.object({
  scope: z.enum(ORDER_WEBHOOK_SCOPES),
  store_id: z.union([z.string(), z.number()]),
  data: z.looseObject({ type: z.string(), id: z.number().int().positive() }),
  hash: z.string().min(1).max(128),
  created_at: z.number(),
  producer: z.string().regex(/^stores\/[a-z0-9]{1,32}$/),
});

export const MAX_WEBHOOK_BYTES = 64 * 1024;
// BigCommerce retries a delivery for about 48 hours; a duplicate can't arrive later than that.
const DEDUPE_WINDOW_MS = 72 * 60 * 60 * 1000;

const REASONS = {
  'store/order/created': 'created',
  'store/order/statusUpdated': 'status-updated',
  'store/order/refund/created': 'refund-created',
} as const;

export interface OrderChanged {
  storeHash: string;
  orderId: number;
  reason: (typeof REASONS)[keyof typeof REASONS];
  webhookHash: string;
}

export interface ReceiveDeps {
  db: Db;
  encryptionKey: string;
  enqueue(event: OrderChanged): Promise<void>;
  now?: () => Date;
}

export type ReceiveOutcome =
  | { status: 202; outcome: 'enqueued' | 'duplicate' }
  | { status: 400 | 401 | 404 | 413; outcome: 'malformed' | 'forbidden' | 'unknown-store' | 'too-large' };

/**
 * Checks a delivery and hands it on. Nothing is enqueued unless the body parses, the store is ours
 * and the secret header matches in constant time; a delivery BigCommerce repeats is dropped by its hash.
 */
export async function receiveOrderWebhook(deps: ReceiveDeps, headers: Headers, rawBody: string): Promise<ReceiveOutcome> {
  if (Buffer.byteLength(rawBody) > MAX_WEBHOOK_BYTES) return { status: 413, outcome: 'too-large' };
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return { status: 400, outcome: 'malformed' };
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return { status: 400, outcome: 'malformed' };
  const payload = parsed.data;
  const storeHash = payload.producer.slice('stores/'.length);

  const sealed = await findWebhookSecret(deps.db, storeHash);
  if (!sealed) return { status: 404, outcome: 'unknown-store' };
  if (!sameSecret(headers.get(WEBHOOK_SECRET_HEADER), decryptSecret(sealed, deps.encryptionKey, storeHash))) {
    return { status: 401, outcome: 'forbidden' };
  }

  const tokenId = `webhook:${payload.hash}`;
  const now = deps.now?.() ?? new Date();
  if (!(await spendToken(deps.db, storeHash, tokenId, new Date(now.getTime() + DEDUPE_WINDOW_MS)))) {
    return { status: 202, outcome: 'duplicate' };
  }
  try {
    await deps.enqueue({ storeHash, orderId: payload.data.id, reason: REASONS[payload.scope], webhookHash: payload.hash });
  } catch (error) {
    // Not enqueued: forget the hash so BigCommerce's retry of this delivery is taken, not dropped.
    await forgetSpentToken(deps.db, storeHash, tokenId);
    throw error;
  }
  return { status: 202, outcome: 'enqueued' };
}

function sameSecret(sent: string | null, expected: string): boolean {
  if (!sent) return false;
  // Digests have equal length, so timingSafeEqual never throws and the length leaks nothing.
  const a = createHash('sha256').update(sent).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
