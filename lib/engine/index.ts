/**
 * How flows run. A flow is a handler (`defineHandler`) over events (`EVENTS`); the engine runs it
 * on Inngest when configured, else on the in-process runner, with the same `FlowContext` either way.
 */
export type {
  AnyHandler,
  FlowContext,
  FlowName,
  HandlerDefinition,
  RecordEntry,
  RecordOutcome,
  RunLogger,
  OnRunEnd,
  RunEnd,
  RunSummary,
  RunTrigger,
  Step,
} from './types';
export { defineHandler, DEFAULT_RETRIES } from './types';
export { EVENTS, EVENT_NAMES, eventIdOf, type EngineEvent, type EventData, type EventName, type StoreEventName } from './events';
export { describeError, EngineError, InvalidEventError, isRetryable, UnknownHandlerError, UnknownStoreError } from './errors';
export { createRunner, defaultBackoffMs, type Runner, type RunnerOptions } from './runner';
export { inngest, INNGEST_APP_ID } from './inngest/client';
export { createInngestFunctions, type InngestDeps } from './inngest/functions';
export { usesInngest, type InngestSettings } from './settings';
export type { EngineLogger } from './run-log';
export { appRunner, inngestFunctions, sendEvent, startEngine, stopEngine } from './app';
