import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { stores } from './stores';

export const FLOW_NAMES = ['orders', 'products', 'stock', 'customers'] as const;
export const RUN_TRIGGERS = ['webhook', 'poll', 'manual', 'schedule', 'retry'] as const;
export const RUN_STATES = ['queued', 'running', 'success', 'partial', 'failed'] as const;
export const RECORD_OUTCOMES = ['created', 'updated', 'skipped', 'failed'] as const;
export const JOB_STATES = ['collecting', 'pending', 'running'] as const;

/**
 * One run of a flow for one store, whichever engine ran it: the activity log's top level.
 * Counts are bumped as records are logged, so a running run shows its progress.
 */
export const syncRuns = pgTable(
  'sync_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storeHash: text('store_hash')
      .notNull()
      .references(() => stores.storeHash, { onDelete: 'cascade' }),
    flow: text('flow', { enum: FLOW_NAMES }).notNull(),
    /** The handler that ran, e.g. `orders-export`: a flow has several (webhook burst, poll, history). */
    handler: text('handler').notNull(),
    trigger: text('trigger', { enum: RUN_TRIGGERS }).notNull(),
    state: text('state', { enum: RUN_STATES }).notNull().default('queued'),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    /** Why the run failed, in plain words for the merchant. */
    error: text('error'),
    /** The flow's own one-line summary, e.g. "No orders changed since 14:05". */
    summary: text('summary'),
    inngestRunId: text('inngest_run_id'),
  },
  (t) => [
    // The activity log pages runs newest first with the id as tie-break (keyset paging), so both are in the index.
    index('sync_runs_store_queued_idx').on(t.storeHash, t.queuedAt.desc(), t.id.desc()),
    index('sync_runs_store_flow_queued_idx').on(t.storeHash, t.flow, t.queuedAt.desc(), t.id.desc()),
    // The activity log's "failed" filter: a store's few runs with failures, newest first.
    index('sync_runs_store_problem_idx')
      .on(t.storeHash, t.queuedAt.desc(), t.id.desc())
      .where(sql`${t.state} in ('partial', 'failed')`),
  ],
);

/**
 * Every record a run touched: what was read, what was sent, what came back and how it ended.
 * One row per (run, entity, source id): a retried run that logs the same record again replaces it.
 */
export const syncRecords = pgTable(
  'sync_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    runId: uuid('run_id')
      .notNull()
      .references(() => syncRuns.id, { onDelete: 'cascade' }),
    storeHash: text('store_hash')
      .notNull()
      .references(() => stores.storeHash, { onDelete: 'cascade' }),
    flow: text('flow', { enum: FLOW_NAMES }).notNull(),
    entity: text('entity').notNull(),
    sourceId: text('source_id').notNull(),
    outcome: text('outcome', { enum: RECORD_OUTCOMES }).notNull(),
    message: text('message'),
    hint: text('hint'),
    source: jsonb('source'),
    sent: jsonb('sent'),
    answer: jsonb('answer'),
    targetRef: text('target_ref'),
    searchText: text('search_text'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sync_records_run_entity_source_idx').on(t.runId, t.entity, t.sourceId),
    // The activity log lists a store's records newest first (id order is insert order), optionally
    // narrowed to a flow, an outcome or both; keyset paging continues below the last id seen.
    index('sync_records_store_id_idx').on(t.storeHash, t.id.desc()),
    index('sync_records_store_flow_outcome_idx').on(t.storeHash, t.flow, t.outcome, t.id.desc()),
    index('sync_records_store_outcome_idx').on(t.storeHash, t.outcome, t.id.desc()),
    // Search: an order number, SKU or e-mail address, exact or by its start, case-insensitive.
    index('sync_records_store_search_idx').on(t.storeHash, sql`lower(${t.searchText}) text_pattern_ops`),
    // …and by the start of its second word: flows write "<order number> <e-mail>", so an e-mail finds its order.
    index('sync_records_store_search_rest_idx').on(t.storeHash, sql`lower(substr(${t.searchText}, strpos(${t.searchText}, ' ') + 1)) text_pattern_ops`),
    index('sync_records_store_source_idx').on(t.storeHash, t.sourceId),
  ],
);

/**
 * The in-process runner's queue: one row per handler invocation still to finish, with its events.
 * Finished jobs are deleted; their history lives in sync_runs.
 */
export const engineJobs = pgTable(
  'engine_jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    storeHash: text('store_hash')
      .notNull()
      .references(() => stores.storeHash, { onDelete: 'cascade' }),
    handler: text('handler').notNull(),
    flow: text('flow', { enum: FLOW_NAMES }).notNull(),
    /** The sync_runs row this job reports to; also the key of its memoised steps. */
    runId: uuid('run_id').notNull().unique(),
    /** `collecting` while a batch window is open, `pending` when it may start, `running` while claimed. */
    state: text('state', { enum: JOB_STATES }).notNull(),
    /** Who asked for the first of its events. */
    trigger: text('trigger', { enum: RUN_TRIGGERS }).notNull(),
    /** The events' data, validated when sent. */
    events: jsonb('events').notNull(),
    eventCount: integer('event_count').notNull(),
    /** Set for schedule ticks, so several app instances firing the same tick enqueue it once. */
    dedupeKey: text('dedupe_key'),
    attempts: integer('attempts').notNull().default(0),
    /** Not before: the end of a batch window, a retry's backoff, or the end of a durable sleep. */
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    /** The claim's lease: a job whose lease ran out belonged to a runner that died, and is taken over. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lockedBy: text('locked_by'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // At most one open batch per store and handler: concurrent sends append to it atomically.
    uniqueIndex('engine_jobs_collecting_idx').on(t.storeHash, t.handler).where(sql`${t.state} = 'collecting'`),
    // At most one running job per store and flow, enforced by the database across app instances.
    uniqueIndex('engine_jobs_running_idx').on(t.storeHash, t.flow).where(sql`${t.state} = 'running'`),
    uniqueIndex('engine_jobs_dedupe_idx').on(t.storeHash, t.handler, t.dedupeKey),
    index('engine_jobs_due_idx').on(t.state, t.runAt),
  ],
);

/** Results of completed `step.run` calls of an unfinished run: a retry returns them instead of redoing the work. */
export const engineSteps = pgTable(
  'engine_steps',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => syncRuns.id, { onDelete: 'cascade' }),
    stepId: text('step_id').notNull(),
    storeHash: text('store_hash')
      .notNull()
      .references(() => stores.storeHash, { onDelete: 'cascade' }),
    /** `{ value }` so that a step returning undefined is memoised too. */
    output: jsonb('output').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.stepId] })],
);
