import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { stores } from './stores';

/**
 * The secret our BigCommerce webhooks carry in a custom header, per store, encrypted. BigCommerce
 * drops the hooks on uninstall; the cascade drops the secret with the store.
 */
export const webhookSecrets = pgTable('webhook_secrets', {
  storeHash: text('store_hash')
    .primaryKey()
    .references(() => stores.storeHash, { onDelete: 'cascade' }),
  secretEncrypted: text('secret_encrypted').notNull(),
  /** When the hooks were last found active (or made so); shown on the home page. */
  checkedAt: timestamp('checked_at', { withTimezone: true }),
  problem: text('problem'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
