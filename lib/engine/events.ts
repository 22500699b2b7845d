import { z } from 'zod';
import { RUN_TRIGGERS } from '@/lib/db/schema/engine';
import type { RunTrigger } from './types';

/**
 * Every event the engine runs on, with its data schema. Names follow `system/noun.verb`: past tense
 * for facts, `.requested` for commands. No transforms or defaults: Inngest validates the same schemas
 * and needs a schema's input and output to be the same type.
 *
 * `trigger` says who asked (shown in the activity log); when absent it is the event's usual trigger.
 */
const storeHash = z.string().regex(/^[a-z0-9]{1,32}$/, 'a BigCommerce store hash');
const trigger = z.enum(RUN_TRIGGERS).optional();
const storeCommand = z.object({ storeHash, trigger });

export const EVENTS = {
  'bigcommerce/order.changed': z.object({
    storeHash,
    orderId: z.number().int().positive(),
    reason: z.enum(['created', 'status-updated', 'refund-created']),
    /** BigCommerce's hash of the webhook payload: the same for a redelivery of the same change. */
    webhookHash: z.string().min(1).optional(),
    trigger,
  }),
  'orders/poll.requested': storeCommand,
  'orders/export.requested': z.object({
    storeHash,
    orderIds: z.array(z.number().int().positive()).min(1),
    trigger,
  }),
  'orders/history.requested': z.object({ storeHash, since: z.iso.datetime({ offset: true }), trigger }),
  'accountview/products.sync-requested': storeCommand,
  'accountview/stock.sync-requested': storeCommand,
  'accountview/customers.sync-requested': storeCommand,
} as const;

export type EventName = keyof typeof EVENTS;
export type EventData<E extends EventName> = z.output<(typeof EVENTS)[E]>;
/** An event as sent: `{ name, data }`, one member per event name so `data` is checked against `name`. */
export type EngineEvent<E extends EventName = EventName> = { [K in E]: { name: K; data: EventData<K> } }[E];
/** Events whose data is only the store (and who asked): the ones a schedule can send for every store. */
export type StoreEventName = {
  [K in EventName]: Exclude<keyof EventData<K>, 'storeHash' | 'trigger'> extends never ? K : never;
}[EventName];

export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

const USUAL_TRIGGER: Record<EventName, RunTrigger> = {
  'bigcommerce/order.changed': 'webhook',
  'orders/poll.requested': 'poll',
  'orders/export.requested': 'manual',
  'orders/history.requested': 'manual',
  'accountview/products.sync-requested': 'manual',
  'accountview/stock.sync-requested': 'manual',
  'accountview/customers.sync-requested': 'manual',
};

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(EVENTS, name);
}

export function triggerOf(name: EventName, data: { trigger?: RunTrigger | undefined }): RunTrigger {
  return data.trigger ?? USUAL_TRIGGER[name];
}

/**
 * An id that makes a repeated event a no-op for 24 h in Inngest (event-level idempotency). Only an
 * order change has one: BigCommerce redelivers a webhook with the same hash, while a later change
 * of the same order (paid, refunded) has another hash and must still run.
 */
export function eventIdOf(event: EngineEvent): string | undefined {
  if (event.name !== 'bigcommerce/order.changed' || !event.data.webhookHash) return undefined;
  const { storeHash: store, orderId, reason, webhookHash } = event.data;
  return `order-changed:${store}:${orderId}:${reason}:${webhookHash}`;
}
