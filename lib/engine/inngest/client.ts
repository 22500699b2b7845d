import { eventType, Inngest } from 'inngest';
import { z } from 'zod';
import { EVENTS, type EventName } from '../events';

export const INNGEST_APP_ID = 'accountview-bigcommerce';

/**
 * The app's one Inngest client. Keys, base URL and dev mode come from Inngest's own environment
 * variables (INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY, INNGEST_BASE_URL, INNGEST_DEV), which the SDK
 * reads when it needs them, so importing this module reads nothing.
 */
export const inngest = new Inngest({ id: INNGEST_APP_ID });

/** The engine's events as Inngest triggers, validated by the same zod schemas. */
export const inngestEvents = {
  'bigcommerce/order.changed': eventType('bigcommerce/order.changed', { schema: EVENTS['bigcommerce/order.changed'] }),
  'orders/poll.requested': eventType('orders/poll.requested', { schema: EVENTS['orders/poll.requested'] }),
  'orders/export.requested': eventType('orders/export.requested', { schema: EVENTS['orders/export.requested'] }),
  'orders/history.requested': eventType('orders/history.requested', { schema: EVENTS['orders/history.requested'] }),
  'accountview/products.sync-requested': eventType('accountview/products.sync-requested', {
    schema: EVENTS['accountview/products.sync-requested'],
  }),
  'accountview/stock.sync-requested': eventType('accountview/stock.sync-requested', {
    schema: EVENTS['accountview/stock.sync-requested'],
  }),
  'accountview/customers.sync-requested': eventType('accountview/customers.sync-requested', {
    schema: EVENTS['accountview/customers.sync-requested'],
  }),
} satisfies { [E in EventName]: unknown };

/**
 * Internal: one store's batch of events, handed from a handler's collecting function to the function
 * that runs it (see functions.ts for why batching is split in two).
 */
export const batchCollected = eventType('engine/batch.collected', {
  schema: z.object({
    handler: z.string(),
    storeHash: z.string(),
    events: z.array(z.record(z.string(), z.unknown())).min(1),
  }),
});
