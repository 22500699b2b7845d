import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { stores } from './stores';

/**
 * Which source record became which target record, per store: the second line of defence against
 * duplicates (the first is the BigCommerce id written on the AccountView document itself).
 *
 * `entity` names the kind of pair: `order` (BC order id → AV sales order / invoice), `refund` (a BC
 * refund state → AV credit document), `debtor` (normalised e-mail → SUB_NR), `delivery-address`
 * (SUB_NR + address fingerprint → DEL_ADDR.REC_ID); other flows add their own.
 *
 * `state` is `done` once the target exists, `failed` when the last attempt hit an expected problem
 * (unknown SKU, unmapped VAT rate…): the catch-up poll offers failed rows again, so an order is sent
 * automatically once the missing article exists. `content_hash` is the hash of what was last sent,
 * so an unchanged record costs no write; `data` keeps the little a later step needs (for refunds:
 * what has been credited so far).
 */
export const idMap = pgTable(
  'id_map',
  {
    storeHash: text('store_hash')
      .notNull()
      .references(() => stores.storeHash, { onDelete: 'cascade' }),
    entity: text('entity').notNull(),
    sourceId: text('source_id').notNull(),
    targetId: text('target_id'),
    targetNumber: text('target_number'),
    contentHash: text('content_hash'),
    state: text('state', { enum: ['done', 'failed'] }).notNull().default('done'),
    message: text('message'),
    attempts: integer('attempts').notNull().default(0),
    data: jsonb('data'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.storeHash, t.entity, t.sourceId] }),
    index('id_map_state_idx').on(t.storeHash, t.entity, t.state),
  ],
);

/**
 * A flow's settings per store (zod-validated by the flow that owns them; stored as given), whether
 * the merchant switched it on, and whether it is paused (e.g. while fixing the mapping).
 */
export const flowSettings = pgTable(
  'flow_settings',
  {
    storeHash: text('store_hash')
      .notNull()
      .references(() => stores.storeHash, { onDelete: 'cascade' }),
    flow: text('flow').notNull(),
    settings: jsonb('settings').notNull().default({}),
    /** The store's own mapping expressions by `<record>.<target>`, checked on a real order before saving. */
    mapping: jsonb('mapping').notNull().default({}),
    enabled: boolean('enabled').notNull().default(false),
    paused: boolean('paused').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.storeHash, t.flow] })],
);
