import { pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { stores } from './stores';

/** Where an incremental read left off, per store and reader (e.g. the orders poll's `date_modified`). */
export const syncCheckpoints = pgTable(
  'sync_checkpoints',
  {
    storeHash: text('store_hash')
      .notNull()
      .references(() => stores.storeHash, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    value: timestamp('value', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storeHash, t.name] })],
);
