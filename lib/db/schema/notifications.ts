import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { stores } from './stores';

/**
 * The problems a store's merchant has been (or is about to be) told about: one row per store and
 * problem key (`orders:records-failing`, `accountview:consent-revoked`…). The row is what makes a
 * notification go out once per problem instead of once per run or record: `notified_at` is claimed
 * by the one run that sends it, and cleared only when the problem comes back after `resolved_at`.
 */
export const notificationProblems = pgTable(
  'notification_problems',
  {
    storeHash: text('store_hash')
      .notNull()
      .references(() => stores.storeHash, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** The flow it belongs to; null for a connection problem shared by every flow. */
    flow: text('flow'),
    kind: text('kind').notNull(),
    /** What is wrong and what fixes it, in plain words, as last seen. */
    message: text('message').notNull(),
    hint: text('hint').notNull(),
    /** The run that last showed the problem, for the link to the activity log. */
    runId: text('run_id'),
    /** How many runs showed it since it opened. */
    occurrences: integer('occurrences').notNull().default(1),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.storeHash, t.key] }), index('notification_problems_open_idx').on(t.storeHash, t.resolvedAt)],
);
