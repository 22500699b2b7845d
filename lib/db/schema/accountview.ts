import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { stores } from './stores';

/**
 * A store's connection to its AccountView.net administration. Tokens are encrypted (lib/security);
 * the refresh token rotates, so the newest one is written here before it is ever used.
 */
export const accountviewConnections = pgTable('accountview_connections', {
  storeHash: text('store_hash')
    .primaryKey()
    .references(() => stores.storeHash, { onDelete: 'cascade' }),
  accessTokenEncrypted: text('access_token_encrypted').notNull(),
  refreshTokenEncrypted: text('refresh_token_encrypted').notNull(),
  accessExpiresAt: timestamp('access_expires_at', { withTimezone: true }).notNull(),
  scope: text('scope'),
  companyId: text('company_id'),
  companyCode: text('company_code'),
  companyName: text('company_name'),
  /** `needs-reconnect` once AccountView refuses the refresh token (consent revoked or expired). */
  status: text('status', { enum: ['connected', 'needs-reconnect'] }).notNull().default('connected'),
  problem: text('problem'),
  connectedByUserId: bigint('connected_by_user_id', { mode: 'number' }).notNull(),
  connectedAt: timestamp('connected_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
