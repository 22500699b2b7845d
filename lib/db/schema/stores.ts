import { bigint, boolean, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** A BigCommerce store that installed the app. The access token is stored encrypted (lib/security). */
export const stores = pgTable('stores', {
  storeHash: text('store_hash').primaryKey(),
  accessTokenEncrypted: text('access_token_encrypted').notNull(),
  scope: text('scope').notNull(),
  accountUuid: text('account_uuid'),
  ownerUserId: bigint('owner_user_id', { mode: 'number' }).notNull(),
  installedAt: timestamp('installed_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Control-panel users who may open the app for a store. Removed by remove_user and by uninstall. */
export const storeUsers = pgTable(
  'store_users',
  {
    storeHash: text('store_hash')
      .notNull()
      .references(() => stores.storeHash, { onDelete: 'cascade' }),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    email: text('email').notNull(),
    isOwner: boolean('is_owner').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storeHash, t.userId] })],
);

/**
 * One-time tokens already spent (signed payload `jti`s, session tickets). A replayed token finds its
 * row here and is refused. Not tied to `stores` by a foreign key: a replay must be refused even for a
 * store that has since been uninstalled.
 */
export const usedTokens = pgTable(
  'used_tokens',
  {
    storeHash: text('store_hash').notNull(),
    tokenId: text('token_id').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeHash, t.tokenId] }), index('used_tokens_expires_at_idx').on(t.expiresAt)],
);
