import { InvalidEventError } from './errors';
import { EVENTS, isEventName, type EngineEvent, type EventData, type EventName } from './events';
import type { AnyHandler, FlowContext, HandlerDefinition, RunSummary } from './types';

/** Validates an event at the engine's door: a known name, and data that matches its schema. */
export function parseEvent(event: { name: string; data: unknown }): EngineEvent {
  if (!isEventName(event.name)) throw new InvalidEventError(event.name, ['no such event']);
  return { name: event.name, data: parseData(event.name, event.data) } as EngineEvent;
}

function parseData<E extends EventName>(name: E, data: unknown): EventData<E> {
  const parsed = EVENTS[name].safeParse(data);
  if (!parsed.success) {
    throw new InvalidEventError(
      name,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'data'}: ${issue.message}`),
    );
  }
  return parsed.data as EventData<E>;
}

/**
 * Calls a handler with its events, validated again (they may have waited in a queue across a deploy)
 * and with exact repeats dropped: a batch can hold the same webhook twice, and neither engine's
 * event-level deduplication applies inside a batch.
 */
export function invokeHandler(handler: AnyHandler, ctx: FlowContext, events: unknown[]): Promise<RunSummary | void> {
  return invokeTyped(handler as HandlerDefinition<EventName>, ctx, events);
}

async function invokeTyped<E extends EventName>(
  handler: HandlerDefinition<E>,
  ctx: FlowContext,
  events: unknown[],
): Promise<RunSummary | void> {
  const unique = new Map<string, EventData<E>>();
  for (const data of events.map((raw) => parseData(handler.event, raw))) unique.set(JSON.stringify(data), data);
  return handler.handle(ctx, [...unique.values()]);
}
