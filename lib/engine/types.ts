import type { FLOW_NAMES, RECORD_OUTCOMES, RUN_TRIGGERS } from '@/lib/db/schema/engine';
import type { EventData, EventName, StoreEventName } from './events';

export type FlowName = (typeof FLOW_NAMES)[number];
export type RunTrigger = (typeof RUN_TRIGGERS)[number];
export type RecordOutcome = (typeof RECORD_OUTCOMES)[number];

/**
 * The shape of Inngest's `step`, implemented by both engines. `run` executes `fn` once per run: when
 * the run is retried (or resumed after a crash) a completed step returns its saved result instead.
 * Results are saved as JSON, so return plain data (a Date comes back as a string). Ids must be
 * stable across attempts; a repeated id gets a counter, as in Inngest.
 */
export interface Step {
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  sleep(id: string, ms: number): Promise<void>;
}

/** One record a run touched, for the activity log. */
export interface RecordEntry {
  /** 'order' | 'debtor' | 'article' | … */
  entity: string;
  sourceId: string;
  outcome: RecordOutcome;
  /** What happened, in plain words. */
  message?: string;
  /** What the merchant can do about it. */
  hint?: string;
  /** What was read from the source system. */
  source?: unknown;
  /** What was sent to the target system. */
  sent?: unknown;
  /** What the target system answered. */
  answer?: unknown;
  /** The record in the target system: an AccountView document number, a BigCommerce id. */
  targetRef?: string;
  /** What a merchant searches the log by: an order number, SKU or e-mail address. */
  searchText?: string;
}

/**
 * The run's activity log. `record` writes (or, when the same entity and source id is recorded again in
 * this run, replaces) one row and keeps the run's counts in step, so replaying a run never counts twice.
 */
export interface RunLogger {
  record(entry: RecordEntry): Promise<void>;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
}

export interface FlowContext {
  storeHash: string;
  /** The sync_runs row of this run. */
  runId: string;
  trigger: RunTrigger;
  step: Step;
  log: RunLogger;
}

/** What a handler may report when it finishes; the outcome counts come from `log.record`. */
export interface RunSummary {
  /** One sentence for the activity log, e.g. "No orders changed since 14:05." */
  message?: string;
  /** Records counted without a row each (9,800 unchanged stock levels); added to the run's counts. */
  counts?: Partial<Record<RecordOutcome, number>>;
}

export interface HandlerDefinition<E extends EventName> {
  /** Stable id, e.g. 'orders-export': names the Inngest function and the runner's jobs. */
  id: string;
  flow: FlowName;
  event: E;
  /** Events of one store collected for a moment and handled together (a burst of order webhooks → one list call per 250). */
  batch?: { maxSize: number; timeoutMs: number };
  /** Run for every installed store: on a timer in the runner, on an Inngest cron that fans out one event per store. */
  schedule?: { everyMs: number; cron: string; event: StoreEventName };
  /** Attempts after the first for a thrown error; errors with `retryable === false` are never retried. Default 4. */
  retries?: number;
  handle(ctx: FlowContext, events: Array<EventData<E>>): Promise<RunSummary | void>;
}

/** A handler of any event, as the engines hold them in one list. */
export type AnyHandler = { [E in EventName]: HandlerDefinition<E> }[EventName];

export const DEFAULT_RETRIES = 4;

export function defineHandler<E extends EventName>(definition: HandlerDefinition<E>): HandlerDefinition<E> {
  return definition;
}

/**
 * How a run ended, for whoever listens (the notifications): reported once per run, after the engine
 * has recorded it. `failed` counts failed records; a `failed` state is the whole run giving up.
 */
export interface RunEnd {
  storeHash: string;
  runId: string;
  flow: FlowName;
  state: 'success' | 'partial' | 'failed';
  failed: number;
  error?: unknown;
  errorMessage?: string;
}
export type OnRunEnd = (end: RunEnd) => Promise<void>;
